package org.ionflux.internal.solver;

import org.ionflux.internal.output.TraceColumns;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every adaptive solver completes every shipped scenario (the stiff 40-minute pump-leak cell excepted for the
 * explicit ones: it takes them seconds, see benchmarks/README.md) and ends where rosenbrock ends.
 */
class SolverMatrixIT {

    /** Final states agree within this many tolerances: the explicit solvers err ~10x their rtol on stiff runs. */
    static final double TOLERANCES = 1e3;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : List.of("seed-chloride", "ghk-relaxation", "ohmic-relaxation", "donnan", "hh-squid-axon",
                "neuron-glia")) {
            for (SolverKind kind : List.of(SolverKind.DORMAND_PRINCE_853, SolverKind.DORMAND_PRINCE_54,
                    SolverKind.GRAGG_BULIRSCH_STOER, SolverKind.ADAMS_MOULTON)) {
                cases.add(Arguments.of(name, kind));
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void completesAndEndsWhereRosenbrockEnds(String name, SolverKind kind) {
        Model model = Scenarios.shipped(name);
        double rtol = model.settings().relativeTolerance();
        double atol = model.settings().absoluteTolerance();
        Scenarios.Run run = Scenarios.run(model.withSettings(model.settings().withSolver(kind, rtol, atol)));
        Scenarios.Run reference = Scenarios.run(model.withSettings(
                model.settings().withSolver(SolverKind.ROSENBROCK, rtol * 1e-2, atol * 1e-2)));
        assertThat(run.result().status()).as(run.result().error()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(run.result().maxRelativeMassError()).isLessThan(1e-12);
        double[] last = run.trace().rows().get(run.trace().rows().size() - 1);
        double[] ref = reference.trace().rows().get(reference.trace().rows().size() - 1);
        for (int c = 0; c < last.length; c++) {
            TraceColumns.Kind columnKind = run.trace().columns().get(c).kind();
            if (columnKind == TraceColumns.Kind.POTENTIAL || columnKind == TraceColumns.Kind.CONCENTRATION
                    || columnKind == TraceColumns.Kind.VOLUME || columnKind == TraceColumns.Kind.GATE) {
                assertThat(Math.abs(last[c] - ref[c])).as("%s with %s: %s", name, kind.key(),
                        run.trace().columns().get(c).name())
                        .isLessThanOrEqualTo(TOLERANCES * (rtol * Math.abs(ref[c]) + atol));
            }
        }
    }
}
