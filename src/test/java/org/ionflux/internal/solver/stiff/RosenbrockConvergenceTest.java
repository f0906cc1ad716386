package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleFunction;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.junit.jupiter.api.Test;

/** Observed order of convergence with fixed steps (minStep = maxStep = h, huge tolerances). */
class RosenbrockConvergenceTest {

    private static final double T_END = 1.0;

    /** Result of one fixed-step run: end-point error and max dense-output error at mid-steps. */
    private record Run(double endError, double denseError, int steps, int rejected) {
    }

    private static Run fixedStep(final FirstOrderDifferentialEquations ode, final double[] y0,
                                 final DoubleFunction<double[]> exact, final double h) {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(h, h, 1.0e10, 1.0e10);
        final double[] denseError = {0.0};
        integrator.addStepHandler(new StepHandler() {
            @Override
            public void init(final double t0, final double[] y, final double t) {
            }

            @Override
            public void handleStep(final StepInterpolator interpolator, final boolean isLast) {
                final double t0 = interpolator.getPreviousTime();
                final double t1 = interpolator.getCurrentTime();
                for (final double theta : new double[] {0.3, 0.5, 0.8}) {
                    final double tm = t0 + theta * (t1 - t0);
                    interpolator.setInterpolatedTime(tm);
                    final double[] ym = interpolator.getInterpolatedState();
                    final double[] ye = exact.apply(tm);
                    for (int i = 0; i < ye.length; ++i) {
                        denseError[0] = Math.max(denseError[0], Math.abs(ym[i] - ye[i]));
                    }
                }
            }
        });
        final double[] y = y0.clone();
        final double tEnd = integrator.integrate(ode, 0.0, y0, T_END, y);
        assertThat(tEnd).isEqualTo(T_END);
        final double[] ye = exact.apply(T_END);
        double err = 0.0;
        for (int i = 0; i < ye.length; ++i) {
            err = Math.max(err, Math.abs(y[i] - ye[i]));
        }
        return new Run(err, denseError[0], integrator.getAcceptedSteps(), integrator.getRejectedSteps());
    }

    private static double log2(final double x) {
        return Math.log(x) / Math.log(2.0);
    }

    @Test
    void fourthOrderOnLinearAutonomousSystem() {
        final Run coarse = fixedStep(new TestProblems.Linear2(), TestProblems.Linear2.initial(),
                                     TestProblems.Linear2::exact, 1.0 / 8);
        final Run fine = fixedStep(new TestProblems.Linear2(), TestProblems.Linear2.initial(),
                                   TestProblems.Linear2::exact, 1.0 / 16);
        final Run finer = fixedStep(new TestProblems.Linear2(), TestProblems.Linear2.initial(),
                                    TestProblems.Linear2::exact, 1.0 / 32);
        assertThat(coarse.steps()).isEqualTo(8);
        assertThat(fine.steps()).isEqualTo(16);
        assertThat(coarse.rejected() + fine.rejected() + finer.rejected()).isZero();

        final double order1 = log2(coarse.endError() / fine.endError());
        final double order2 = log2(fine.endError() / finer.endError());
        assertThat(order1).as("observed order h=1/8 -> 1/16").isBetween(3.5, 4.5);
        assertThat(order2).as("observed order h=1/16 -> 1/32").isBetween(3.5, 4.5);

        final double denseOrder1 = log2(coarse.denseError() / fine.denseError());
        final double denseOrder2 = log2(fine.denseError() / finer.denseError());
        assertThat(denseOrder1).as("dense output order h=1/8 -> 1/16").isGreaterThanOrEqualTo(3.0);
        assertThat(denseOrder2).as("dense output order h=1/16 -> 1/32").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void fourthOrderOnNonAutonomousProblemWithFiniteDifferences() {
        final DoubleFunction<double[]> exact = t -> new double[] {TestProblems.ForcedDecay.exact(t)};
        final Run coarse = fixedStep(new TestProblems.ForcedDecay(), new double[] {0.0}, exact, 1.0 / 8);
        final Run fine = fixedStep(new TestProblems.ForcedDecay(), new double[] {0.0}, exact, 1.0 / 16);
        final Run finer = fixedStep(new TestProblems.ForcedDecay(), new double[] {0.0}, exact, 1.0 / 32);

        final double order1 = log2(coarse.endError() / fine.endError());
        final double order2 = log2(fine.endError() / finer.endError());
        assertThat(order1).as("observed order h=1/8 -> 1/16").isBetween(3.5, 4.5);
        assertThat(order2).as("observed order h=1/16 -> 1/32").isBetween(3.5, 4.5);

        final double denseOrder = log2(fine.denseError() / finer.denseError());
        assertThat(denseOrder).as("dense output order").isGreaterThanOrEqualTo(3.0);
    }
}
