package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The conserved quantities found along the compartment forest: each is annihilated by the stoichiometry, and there
 * are exactly as many as the dimension of its left null space computed independently (one dense SVD of all of N).
 */
class ConservationLawsTest {

    static List<Path> scenarios() throws Exception {
        return Scenarios.allShippedAndTest();
    }

    /**
     * Every law w satisfies {@code |w . N_j| <= 1e-12 sum_i |w_i N_ij|} for every column j (a cancellation to 12
     * digits; the laws have coefficients 1, z and C A / F, so an exact law cancels to rounding, 1e-16), and their
     * number is {@code n - rank(N)} from a dense SVD with the same rank tolerance.
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void everyLawIsAnnihilatedByTheStoichiometryAndNoneIsMissing(Path file) {
        Model model = Scenarios.load(file);
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        List<double[][]> columns = problem.system().stoichiometry();
        ConservationLaws laws = ConservationLaws.of(problem);
        for (ConservationLaws.Law law : laws.all()) {
            for (double[][] col : columns) {
                double sum = 0;
                double size = 0;
                for (int k = 0; k < col[0].length; k++) {
                    for (int j = 0; j < law.indices().length; j++) {
                        if (law.indices()[j] == (int) col[0][k]) {
                            sum += law.coefficients()[j] * col[1][k];
                            size += Math.abs(law.coefficients()[j] * col[1][k]);
                        }
                    }
                }
                assertThat(Math.abs(sum)).as("%s on a column", law.description()).isLessThanOrEqualTo(1e-12 * size);
            }
        }
        int physical = problem.physicalDimension();
        assertThat(laws.physical()).hasSize(physical - denseRank(problem, columns, physical));
        if (!laws.transferLawsOmitted()) {
            assertThat(laws.all()).hasSize(problem.dimension() - denseRank(problem, columns, problem.dimension()));
        } else {
            // a group of compartments touching the baths through two of them (all-mechanisms: a pipette on the
            // cell, a wall on its space); the laws of the bookkeeping accumulators are then left out
            assertThat(file.getFileName().toString()).isEqualTo("all-mechanisms.yaml");
        }
    }

    /**
     * The laws hold for the equations themselves, not only for the stoichiometry they were found from: at the
     * initial state, and at a state with every variable moved by a few percent, {@code w . f(y)} cancels to
     * {@code 1e-10 sum_i |w_i f_i|} (the right-hand side is built by a different path than N, term by term and
     * through the engine's state mapping; a wrong or missing entry of N gives a law that f breaks by far more).
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void everyLawIsKeptByTheRatesOfChange(Path file) {
        Model model = Scenarios.load(file);
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        ConservationLaws laws = ConservationLaws.of(problem);
        double[] y0 = problem.initialState();
        double[] moved = y0.clone();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < problem.physicalDimension(); i++) {
            moved[i] *= 1 + 0.05 * (random.nextDouble() - 0.5);
        }
        for (double[] y : List.of(y0, moved)) {
            double[] f = problem.rates(y);
            for (ConservationLaws.Law law : laws.all()) {
                double sum = 0;
                double size = 0;
                for (int j = 0; j < law.indices().length; j++) {
                    double term = law.coefficients()[j] * f[law.indices()[j]];
                    sum += term;
                    size += Math.abs(term);
                }
                assertThat(Math.abs(sum)).as("%s: w . f", law.description()).isLessThanOrEqualTo(1e-10 * size);
            }
        }
    }

    /**
     * rank of the first n rows of N by one dense SVD, rows in moles (as ConservationLaws scales them), unit
     * columns.
     */
    private static int denseRank(SteadyProblem problem, List<double[][]> columns, int n) {
        if (columns.isEmpty()) {
            return 0;
        }
        double[][] a = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[][] col = columns.get(j);
            double norm = 0;
            for (int k = 0; k < col[0].length; k++) {
                int i = (int) col[0][k];
                if (i < n) {
                    a[i][j] = col[1][k] * moles(problem, i);
                    norm += a[i][j] * a[i][j];
                }
            }
            for (int i = 0; i < n && norm > 0; i++) {
                a[i][j] /= Math.sqrt(norm);
            }
        }
        return SmallDense.rank(new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSingularValues());
    }

    private static double moles(SteadyProblem problem, int i) {
        switch (problem.kind(i)) {
            case POTENTIAL:
                var mem = problem.model().membranes().get(problem.owner(i));
                return mem.capacitanceFPerM2() * mem.areaM2() / org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL;
            case EXTERNAL_CHARGE:
                return 1 / org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL;
            default:
                return 1;
        }
    }

    private static List<String> descriptions(String yaml) {
        return descriptions(SteadyModels.model(yaml));
    }

    private static List<String> descriptions(Model model) {
        return ConservationLaws.of(new SteadyProblem(model, 0.0)).all().stream()
                .map(ConservationLaws.Law::description).toList();
    }

    @Test
    void donnanHasTheImpermeantAmountTheChargeAndTheMassBalances() {
        assertThat(descriptions(Scenarios.shipped("donnan"))).containsExactlyInAnyOrder(
                "A amount in cell",
                "charge: K - Cl amount in cell - C A V / F of plasma",
                "K amount in cell and moved into clamped compartments",
                "Cl amount in cell and moved into clamped compartments",
                "A amount moved into clamped compartments");
    }

    @Test
    void kcc2AloneConservesKMinusClInEachCompartmentAndTheTotals() {
        assertThat(descriptions(SteadyModels.KCC2)).containsExactlyInAnyOrder(
                "K - Cl amount in cell", "K - Cl amount in bath", "Cl amount in cell and bath", "A amount in cell",
                "B amount in bath");
    }

    @Test
    void waterConservesTheTotalVolumeOfAClosedGroup() {
        assertThat(descriptions(Scenarios.shipped("neuron-glia")))
                .contains("total volume of neuron, glia and ecs", "X amount in ecs",
                        "charge: Na + K - Cl amount in neuron - C A V / F of neuronal",
                        "Na amount in neuron, glia, ecs and moved into clamped compartments");
    }

    @Test
    void aLeakMakesTheChargeABalanceWithItsAccumulator() {
        List<ConservationLaws.Law> laws = ConservationLaws.of(new SteadyProblem(Scenarios.shipped("hh-squid-axon"),
                0.0)).all();
        assertThat(laws.stream().map(ConservationLaws.Law::description)).contains(
                "charge: Na + K amount in axon - C A V / F of axolemma - (charge brought into axon by leaks and "
                        + "stimuli) / F",
                "charge brought into axon and space by leaks and stimuli");
        // the leak moves charge that no ion carries: the axon's charge alone is no physical law
        assertThat(laws.stream().filter(ConservationLaws.Law::physical).map(ConservationLaws.Law::description))
                .containsExactlyInAnyOrder("A amount in axon", "A amount in space");
    }

    @Test
    void theLawsOfManyCellsAroundOneSpaceAreLocal() {
        Model model = SteadyTestModels.cellsAroundSpace(50);
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        ConservationLaws laws = ConservationLaws.of(problem);
        // per cell its impermeant X and its charge; in the space its Y; and the mass balances with the bath
        assertThat(laws.physical()).hasSize(2 * 50 + 1);
        assertThat(laws.all()).hasSize(2 * 50 + 1 + 5);
        LawSet set = new LawSet(problem, laws.physical());
        assertThat(NewtonSystem.newton(problem, set).canImposeLaws()).isTrue();
        assertThat(set.fitsBlocks(new org.ionflux.internal.solver.BlockTreeLinearization(problem.system()))).isTrue();
    }

    /**
     * Reusing the decomposition of a node matrix equal to one already decomposed (alike cells) changes nothing: the
     * laws, their coefficients, descriptions and values are those of decomposing every node afresh, bit for bit.
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void reusingDecompositionsOfEqualMatricesGivesTheSameLaws(Path file) {
        assertSameLaws(Scenarios.load(file));
    }

    @Test
    void reusingDecompositionsGivesTheSameLawsForManyAlikeCells() {
        assertSameLaws(SteadyTestModels.cellsAroundSpace(50));
    }

    private static void assertSameLaws(Model model) {
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        List<ConservationLaws.Law> reused = ConservationLaws.of(problem, true).all();
        List<ConservationLaws.Law> afresh = ConservationLaws.of(problem, false).all();
        assertThat(reused).hasSameSizeAs(afresh);
        for (int k = 0; k < afresh.size(); k++) {
            ConservationLaws.Law a = reused.get(k);
            ConservationLaws.Law b = afresh.get(k);
            assertThat(a.indices()).containsExactly(b.indices());
            assertThat(a.coefficients()).containsExactly(b.coefficients());
            assertThat(a.description()).isEqualTo(b.description());
            assertThat(a.value()).isEqualTo(b.value());
            assertThat(a.physical()).isEqualTo(b.physical());
        }
    }
}
