package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws as the solver imposes them: orthonormal where they share a variable, spanning the laws they were made
 * from, and the same to 1e-12 as an independent, plain orthogonalisation (hash maps, variables in the maps' order),
 * which differs from {@link LawSet}'s only in the order of its sums and subtractions.
 */
class LawSetTest {

    static List<Path> scenarios() throws Exception {
        return Scenarios.allShippedAndTest();
    }

    /** A scattered law keeps its variables in the order they were first set, and reads 0 where it has none. */
    @Test
    void aScatteredLawKeepsItsVariablesInTheOrderTheyCame() {
        LawSet.ScatteredLaw law = new LawSet.ScatteredLaw(100);
        law.put(7, 2.0);
        law.merge(3, 1.0);
        law.merge(7, -0.5);
        law.put(50, -4.0);
        assertThat(new int[] {law.key(0), law.key(1), law.key(2)}).containsExactly(7, 3, 50);
        assertThat(law.get(7)).isEqualTo(1.5);
        assertThat(law.get(8)).isZero();
        assertThat(law.sortedKeys()).containsExactly(3, 7, 50);
        double norm = law.normalise();
        assertThat(norm).isCloseTo(Math.sqrt(1.5 * 1.5 + 1 + 16), within(1e-15));
        law.clear();
        assertThat(law.size()).isZero();
        assertThat(law.get(7)).isZero();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theLawsAreOrthonormalAndAsAPlainOrthogonalisationMakesThem(Path file) {
        assertLawSet(Scenarios.load(file));
    }

    /**
     * The same on models whose laws span many compartments (a closed group of 150 cells around a space: totals of
     * 151 amounts) and on many cells around a space open to a bath.
     */
    @Test
    void theLawsOfManyCompartmentsAreOrthonormalAndAsAPlainOrthogonalisationMakesThem() {
        assertLawSet(closedCells(150));
        assertLawSet(SteadyTestModels.cellsAroundSpace(60));
    }

    /**
     * 1e-12: both are modified Gram-Schmidt, twice, over the same laws in the same order, on vectors of norm 1; only
     * the order of the terms of each sum differs, so each coefficient moves by a few ulps times the number of laws
     * a law meets.
     */
    private static void assertLawSet(Model model) {
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        List<ConservationLaws.Law> laws = ConservationLaws.of(problem).physical();
        LawSet set = new LawSet(problem, laws);
        List<Map<Integer, Double>> plain = plainOrthogonalisation(problem, laws);
        assertThat(set.size()).isEqualTo(plain.size());
        for (int k = 0; k < set.size(); k++) {
            Map<Integer, Double> expected = plain.get(k);
            int[] indices = set.indices(k);
            double[] values = set.values(k);
            assertThat(indices).containsExactlyInAnyOrder(expected.keySet().stream().mapToInt(Integer::intValue)
                    .toArray());
            double norm = 0;
            for (int j = 0; j < indices.length; j++) {
                assertThat(values[j]).as("law %d, variable %d", k, indices[j])
                        .isCloseTo(expected.get(indices[j]), within(1e-12));
                norm += values[j] * values[j];
            }
            assertThat(norm).isCloseTo(1.0, within(1e-13));
        }
        // orthogonal where they share a variable
        for (int a = 0; a < set.size(); a++) {
            for (int b = a + 1; b < set.size(); b++) {
                assertThat(Math.abs(dot(set, a, b))).as("laws %d and %d", a, b).isLessThan(1e-12);
            }
        }
    }

    private static double dot(LawSet set, int a, int b) {
        Map<Integer, Double> first = new HashMap<>();
        for (int j = 0; j < set.indices(a).length; j++) {
            first.put(set.indices(a)[j], set.values(a)[j]);
        }
        double dot = 0;
        for (int j = 0; j < set.indices(b).length; j++) {
            dot += set.values(b)[j] * first.getOrDefault(set.indices(b)[j], 0.0);
        }
        return dot;
    }

    /** Modified Gram-Schmidt, twice, with hash maps, as LawSet describes it: the oracle. */
    private static List<Map<Integer, Double>> plainOrthogonalisation(SteadyProblem problem,
                                                                     List<ConservationLaws.Law> laws) {
        List<ConservationLaws.Law> sorted = new ArrayList<>(laws);
        sorted.sort((a, b) -> Integer.compare(a.indices().length, b.indices().length));
        List<Map<Integer, Double>> made = new ArrayList<>();
        for (ConservationLaws.Law law : sorted) {
            Map<Integer, Double> w = new HashMap<>();
            for (int k = 0; k < law.indices().length; k++) {
                w.put(law.indices()[k], law.coefficients()[k] * problem.scale(law.indices()[k]));
            }
            normalise(w);
            boolean kept = true;
            for (int pass = 0; pass < 2 && kept; pass++) {
                for (Map<Integer, Double> other : made) {
                    if (other.keySet().stream().noneMatch(w::containsKey)) {
                        continue;
                    }
                    double dot = 0;
                    for (Map.Entry<Integer, Double> e : other.entrySet()) {
                        dot += e.getValue() * w.getOrDefault(e.getKey(), 0.0);
                    }
                    for (Map.Entry<Integer, Double> e : other.entrySet()) {
                        w.merge(e.getKey(), -dot * e.getValue(), Double::sum);
                    }
                }
                kept = normalise(w) >= 1e-8;
            }
            if (kept) {
                made.add(w);
            }
        }
        return made;
    }

    private static double normalise(Map<Integer, Double> w) {
        double norm = Math.sqrt(w.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            w.replaceAll((k, v) -> v / norm);
        }
        return norm;
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
