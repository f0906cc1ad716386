package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Analytic versus finite-difference Jacobians, and bookkeeping of evaluations. */
class RosenbrockJacobianTest {

    private static RosenbrockIntegrator robertsonIntegrator() {
        return new RosenbrockIntegrator(0.0, 40.0, new double[] {1.0e-10, 1.0e-14, 1.0e-10},
                                        new double[] {1.0e-6, 1.0e-6, 1.0e-6});
    }

    @Test
    void analyticAndFiniteDifferenceJacobiansGiveSameResult() {
        final RosenbrockIntegrator analytic = robertsonIntegrator();
        final double[] ya = TestProblems.Robertson.initial();
        analytic.integrate(new TestProblems.Robertson(), 0.0, ya.clone(), 40.0, ya);

        final RosenbrockIntegrator fd = robertsonIntegrator();
        final double[] yf = TestProblems.Robertson.initial();
        fd.integrate(new TestProblems.RobertsonNoJacobian(), 0.0, yf.clone(), 40.0, yf);

        for (int i = 0; i < 3; ++i) {
            assertThat(Math.abs(yf[i] / ya[i] - 1.0)).as("relative difference of y%d", i + 1).isLessThan(1.0e-5);
        }
        // same step size sequence up to a few steps
        assertThat(Math.abs(fd.getAcceptedSteps() - analytic.getAcceptedSteps())).isLessThanOrEqualTo(5);
        // finite differences: n = 3 extra evaluations for J plus 1 for df/dt per step
        assertThat(fd.getEvaluations()).isGreaterThan(analytic.getEvaluations());
    }

    @Test
    void evaluationsCountEveryRightHandSideCallWithFiniteDifferences() {
        final TestProblems.Counting ode = new TestProblems.Counting(new TestProblems.Robertson());
        final RosenbrockIntegrator integrator = robertsonIntegrator();
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(ode, 0.0, y.clone(), 40.0, y);

        final int n = 3;
        final int accepted = integrator.getAcceptedSteps();
        final int attempts = accepted + integrator.getRejectedSteps();
        assertThat(integrator.getEvaluations()).isEqualTo(ode.calls);
        assertThat(integrator.getJacobianEvaluations()).isEqualTo(accepted);
        // 1 (initial step estimate) + per step: f(t,y), n FD columns, df/dt; + 5 stages per attempt
        assertThat(ode.calls).isEqualTo(1 + accepted * (1 + n + 1) + 5 * attempts);
    }

    @Test
    void evaluationsWithAnalyticAutonomousJacobian() {
        final TestProblems.CountingWithJacobian ode =
            new TestProblems.CountingWithJacobian(new TestProblems.Robertson());
        final RosenbrockIntegrator integrator = robertsonIntegrator();
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(ode, 0.0, y.clone(), 40.0, y);

        final int accepted = integrator.getAcceptedSteps();
        final int attempts = accepted + integrator.getRejectedSteps();
        assertThat(integrator.getEvaluations()).isEqualTo(ode.calls);
        assertThat(ode.jacobianCalls).isEqualTo(integrator.getJacobianEvaluations()).isEqualTo(accepted);
        // 1 (initial step estimate) + per step: f(t,y) + 5 stages per attempt; no df/dt
        assertThat(ode.calls).isEqualTo(1 + accepted + 5 * attempts);
    }

    @Test
    void nonAutonomousProviderCostsOneExtraEvaluationPerStep() {
        final TestProblems.CountingWithJacobian ode =
            new TestProblems.CountingWithJacobian(new TestProblems.ProtheroRobinson());
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 10.0, 1.0e-6, 1.0e-6);
        final double[] y = {1.0};
        integrator.integrate(ode, 0.0, y.clone(), 10.0, y);

        final int accepted = integrator.getAcceptedSteps();
        final int attempts = accepted + integrator.getRejectedSteps();
        assertThat(ode.calls).isEqualTo(integrator.getEvaluations()).isEqualTo(1 + 2 * accepted + 5 * attempts);
    }

    @Test
    void customLinearSolverFactoryIsUsed() {
        final int[] factorizations = {0};
        final int[] solves = {0};
        final RosenbrockIntegrator integrator = robertsonIntegrator();
        integrator.setLinearSolverFactory(n -> new LinearSolver() {
            private final DenseLu lu = new DenseLu(n);

            @Override
            public void factor(final double[][] matrix) {
                ++factorizations[0];
                lu.factor(matrix);
            }

            @Override
            public void solve(final double[] rhs) {
                ++solves[0];
                lu.solve(rhs);
            }
        });
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(new TestProblems.Robertson(), 0.0, y.clone(), 40.0, y);

        final int attempts = integrator.getAcceptedSteps() + integrator.getRejectedSteps();
        assertThat(factorizations[0]).isEqualTo(attempts);
        assertThat(solves[0]).isEqualTo(6 * attempts);
        assertThat(Math.abs(y[0] / TestProblems.Robertson.REFERENCE_AT_40[0] - 1.0)).isLessThan(1.0e-4);
    }
}
