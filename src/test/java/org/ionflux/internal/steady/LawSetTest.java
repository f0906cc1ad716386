package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The laws as the solver imposes them, orthonormalised without hash maps but in a hash map's order. */
class LawSetTest {

    static List<Path> scenarios() throws Exception {
        return Scenarios.allShippedAndTest();
    }

    /**
     * {@link LawSet.OrderedLaw} iterates its keys as a {@code HashMap<Integer, Double>} filled by the same puts and
     * merges does, until a bin of that map would have become a tree (which it reports): random keys, small and
     * large, and keys that crowd a few bins (multiples of 16 and 64), so that bins reach nine entries in small
     * tables (the map doubles) and in large ones (a tree).
     */
    @Test
    void anOrderedLawIteratesAsAHashMap() {
        Random random = new Random(5);
        int trees = 0;
        for (int trial = 0; trial < 400; trial++) {
            int kind = trial % 4;
            int entries = 1 + random.nextInt(trial % 8 == 0 ? 3000 : 60);
            LawSet.OrderedLaw law = new LawSet.OrderedLaw();
            law.clear();
            Map<Integer, Double> map = new HashMap<>();
            for (int e = 0; e < entries; e++) {
                int key = switch (kind) {
                    case 0 -> random.nextInt(100);
                    case 1 -> random.nextInt(1 << 20);
                    case 2 -> 16 * random.nextInt(200);
                    default -> 64 * random.nextInt(4000) + random.nextInt(2);
                };
                double v = random.nextGaussian();
                if (map.containsKey(key) || random.nextInt(4) == 0) {
                    map.merge(key, v, Double::sum);
                    law.merge(key, v);
                } else {
                    map.put(key, v);
                    law.put(key, v);
                }
                if (law.treeified()) {
                    trees++;
                    break;
                }
                if (e % 7 == 0 || e == entries - 1) {
                    assertThat(law.order()).containsExactly(map.keySet().stream().mapToInt(Integer::intValue)
                            .toArray());
                    for (int k : map.keySet()) {
                        assertThat(law.get(k)).isEqualTo(map.get(k));
                    }
                }
            }
        }
        assertThat(trees).as("sequences that made a tree").isPositive();
    }

    /** The laws orthonormalised with hash maps, as they were, and without: the same bits. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void theLawsAreTheSameAsWithHashMaps(Path file) {
        assertSameAsWithHashMaps(Scenarios.load(file));
    }

    /**
     * The same on models whose laws span many compartments (a closed group of 150 cells around a space: totals of
     * 151 amounts, the maps double several times) and on many cells around a space open to a bath.
     */
    @Test
    void theLawsOfManyCompartmentsAreTheSameAsWithHashMaps() {
        assertSameAsWithHashMaps(closedCells(150));
        assertSameAsWithHashMaps(SteadyTestModels.cellsAroundSpace(60));
    }

    private static void assertSameAsWithHashMaps(Model model) {
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        List<ConservationLaws.Law> laws = ConservationLaws.of(problem).physical();
        LawSet fast = new LawSet(problem, laws);
        LawSet maps = new LawSet(problem, laws, true);
        assertThat(fast.size()).isEqualTo(maps.size());
        double[] y0 = problem.initialState();
        for (int k = 0; k < maps.size(); k++) {
            assertThat(fast.indices(k)).containsExactly(maps.indices(k));
            assertThat(fast.values(k)).containsExactly(maps.values(k));
            assertThat(fast.defect(k, y0)).isEqualTo(maps.defect(k, y0));
        }
    }

    /** n cells with channels, a pump and water, around one closed space (no bath). */
    static Model closedCells(int n) {
        StringBuilder b = new StringBuilder();
        b.append("name: closed-").append(n).append('\n');
        b.append("temperature: 37 degC\n");
        b.append("ions: {Na: {charge: 1}, K: {charge: 1}, Cl: {charge: -1}, X: {charge: -1}}\n");
        b.append("compartments:\n");
        b.append("  ecs: {volume: ").append(n * 0.5).append(" pL, concentrations: {Na: 140 mM, K: 4 mM, Cl: 120 mM, "
                + "X: 24 mM}}\n");
        for (int i = 0; i < n; i++) {
            b.append("  c").append(i).append(": {volume: 1 pL, concentrations: {Na: ").append(15 + i % 7)
                    .append(" mM, K: 120 mM, Cl: 10 mM, X: ").append(125 + i % 7).append(" mM}}\n");
        }
        b.append("membranes:\n");
        for (int i = 0; i < n; i++) {
            b.append("  m").append(i).append(": {inside: c").append(i).append(", outside: ecs, area: 1000 um^2, "
                    + "potential: {mode: dynamic, initial: -65 mV}, water_permeability: 2e-3 cm/s,\n    channels: "
                    + "[{ion: Na, conductance: 0.01 mS/cm^2}, {ion: K, conductance: 0.3 mS/cm^2}, {ion: Cl, "
                    + "conductance: 0.2 mS/cm^2}],\n    pumps: [{type: na-k-atpase, max_current: 0.5 uA/cm^2, "
                    + "km_na: 0 mM, km_k: 0 mM}]}\n");
        }
        b.append("simulation: {duration: 100 s, output_interval: 1 s, solver: rosenbrock}\n");
        return SteadyModels.model(b.toString());
    }

    @Test
    void aClosedGroupHasLawsSpanningAllItsCompartments() {
        SteadyProblem problem = new SteadyProblem(closedCells(150), 0.0);
        List<ConservationLaws.Law> laws = ConservationLaws.of(problem).physical();
        List<Integer> sizes = new ArrayList<>();
        for (ConservationLaws.Law law : laws) {
            sizes.add(law.indices().length);
        }
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(150);
    }
}
