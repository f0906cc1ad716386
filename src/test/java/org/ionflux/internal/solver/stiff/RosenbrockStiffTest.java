package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Accuracy and efficiency on stiff problems. */
class RosenbrockStiffTest {

    private static final double RTOL = 1.0e-6;

    @Test
    void robertsonToFortyMatchesReferenceInFewSteps() {
        final RosenbrockIntegrator integrator =
            new RosenbrockIntegrator(0.0, 40.0, new double[] {1.0e-10, 1.0e-14, 1.0e-10},
                                     new double[] {RTOL, RTOL, RTOL});
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(new TestProblems.Robertson(), 0.0, y.clone(), 40.0, y);

        final double[] ref = TestProblems.Robertson.REFERENCE_AT_40;
        for (int i = 0; i < 3; ++i) {
            assertThat(Math.abs(y[i] / ref[i] - 1.0)).as("relative error of y%d", i + 1).isLessThan(1.0e-4);
        }
        assertThat(y[0] + y[1] + y[2]).as("mass conservation").isCloseTo(1.0, within(1.0e-12));
        assertThat(integrator.getAcceptedSteps()).isLessThan(200);
        assertThat(integrator.getRejectedSteps()).isLessThan(20);
        assertThat(integrator.getJacobianEvaluations()).isEqualTo(integrator.getAcceptedSteps());
    }

    @Test
    void robertsonWithScalarTolerancesAndFiniteDifferenceJacobian() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 40.0, 1.0e-12, RTOL);
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(new TestProblems.RobertsonNoJacobian(), 0.0, y.clone(), 40.0, y);

        final double[] ref = TestProblems.Robertson.REFERENCE_AT_40;
        for (int i = 0; i < 3; ++i) {
            assertThat(Math.abs(y[i] / ref[i] - 1.0)).as("relative error of y%d", i + 1).isLessThan(1.0e-4);
        }
        assertThat(integrator.getAcceptedSteps()).isLessThan(200);
    }

    @Test
    void stiffLinearProtheroRobinsonTakesFewLargeSteps() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 10.0, RTOL, RTOL);
        final double[] y = {1.0};
        integrator.integrate(new TestProblems.ProtheroRobinson(), 0.0, y.clone(), 10.0, y);

        assertThat(y[0]).isCloseTo(Math.cos(10.0), within(1.0e-5));
        assertThat(integrator.getAcceptedSteps() + integrator.getRejectedSteps()).isLessThan(100);
    }

    /** Max dense output error on Prothero-Robinson at 19 interior points per step. */
    private static double protheroRobinsonDenseError(final double maxStep) {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, maxStep, RTOL, RTOL);
        final double[] maxError = {0.0};
        integrator.addStepHandler(TestProblems.stepHandler((interpolator, isLast) -> {
            final double t0 = interpolator.getPreviousTime();
            final double t1 = interpolator.getCurrentTime();
            for (int k = 1; k < 20; ++k) {
                final double tk = t0 + k * (t1 - t0) / 20.0;
                interpolator.setInterpolatedTime(tk);
                maxError[0] = Math.max(maxError[0], Math.abs(interpolator.getInterpolatedState()[0] - Math.cos(tk)));
            }
        }));
        final double[] y = {1.0};
        integrator.integrate(new TestProblems.ProtheroRobinson(), 0.0, y.clone(), 10.0, y);
        return maxError[0];
    }

    @Test
    void stiffDenseOutputConvergesWithThirdOrder() {
        // The step size controller only watches step end points; on this problem it takes steps up
        // to ~2.6 and the cubic dense output is then off by ~0.17 inside steps. With maxStep
        // capped, the step size is the cap almost everywhere, and the interior error decreases
        // like h^3 (observed ~0.014 h^3).
        final double coarse = protheroRobinsonDenseError(0.5);
        final double fine = protheroRobinsonDenseError(0.25);
        assertThat(fine).isLessThan(5.0e-4);
        assertThat(Math.log(coarse / fine) / Math.log(2.0)).as("observed dense output order").isBetween(2.7, 4.5);
    }

    @Test
    void stiffLinearWithFiniteDifferencesIsAlsoAccurate() {
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 10.0, RTOL, RTOL);
        final double[] y = {1.0};
        integrator.integrate(new TestProblems.Counting(new TestProblems.ProtheroRobinson()), 0.0, y.clone(), 10.0, y);
        assertThat(y[0]).isCloseTo(Math.cos(10.0), within(1.0e-5));
        assertThat(integrator.getAcceptedSteps() + integrator.getRejectedSteps()).isLessThan(100);
    }
}
