package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.ode.ExpandableStatefulODE;
import org.apache.commons.math3.ode.SecondaryEquations;
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

    /** Robertson offering its own linearization, which counts what the integrator asks of it. */
    private static final class CountingLinearization extends TestProblems.Robertson implements LinearizationProvider {
        int jacobians;
        int factorizations;
        int solves;

        @Override
        public LinearizedSystem newLinearization() {
            final LinearizedSystem dense = DenseLinearization.analytic(getDimension(), this);
            return new LinearizedSystem() {
                @Override
                public void computeJacobian(final double t, final double[] y, final double[] yDot) {
                    ++jacobians;
                    dense.computeJacobian(t, y, yDot);
                }

                @Override
                public void factor(final double shift) {
                    ++factorizations;
                    dense.factor(shift);
                }

                @Override
                public void solve(final double[] rhs) {
                    ++solves;
                    dense.solve(rhs);
                }
            };
        }
    }

    @Test
    void theIntegratorTalksOnlyToTheLinearizationTheEquationsSupply() {
        final CountingLinearization ode = new CountingLinearization();
        final RosenbrockIntegrator integrator = robertsonIntegrator();
        final double[] y = TestProblems.Robertson.initial();
        integrator.integrate(ode, 0.0, y.clone(), 40.0, y);

        final int accepted = integrator.getAcceptedSteps();
        final int attempts = accepted + integrator.getRejectedSteps();
        assertThat(ode.jacobians).isEqualTo(integrator.getJacobianEvaluations()).isEqualTo(accepted);
        assertThat(ode.factorizations).isEqualTo(attempts);
        assertThat(ode.solves).isEqualTo(6 * attempts);
        // the analytic Jacobian: no evaluation beyond the initial step estimate, f(t, y) and 5 stages per attempt
        assertThat(integrator.getEvaluations()).isEqualTo(1 + accepted + 5 * attempts);
        assertThat(Math.abs(y[0] / TestProblems.Robertson.REFERENCE_AT_40[0] - 1.0)).isLessThan(1.0e-4);
    }

    @Test
    void finiteDifferencesOfTheDenseLinearizationMatchTheAnalyticJacobian() {
        // Robertson at a state where every entry is nonzero; forward differences err by O(sqrt(eps)) relative
        final double[] y = {0.9, 2.0e-5, 0.1};
        final double[] yDot = new double[3];
        final TestProblems.Robertson ode = new TestProblems.Robertson();
        ode.computeDerivatives(0.0, y, yDot);
        final int[] calls = {0};
        final DenseLinearization fd = DenseLinearization.finiteDifferences(3, (t, yy, f) -> {
            ++calls[0];
            ode.computeDerivatives(t, yy, f);
        }, new double[] {1.0e-10, 1.0e-14, 1.0e-10});
        final DenseLinearization analytic = DenseLinearization.analytic(3, ode);
        fd.computeJacobian(0.0, y, yDot);
        analytic.computeJacobian(0.0, y, yDot);
        assertThat(calls[0]).as("one evaluation per column").isEqualTo(3);
        // compare through W^-1 e_i at a shift where W is dominated by J (h gamma = 1e-3)
        fd.factor(1.0e3);
        analytic.factor(1.0e3);
        for (int i = 0; i < 3; ++i) {
            final double[] a = new double[3];
            final double[] f = new double[3];
            a[i] = 1.0;
            f[i] = 1.0;
            analytic.solve(a);
            fd.solve(f);
            for (int j = 0; j < 3; ++j) {
                assertThat(f[j]).as("(W^-1)[%d][%d]", j, i).isCloseTo(a[j], within(1.0e-6 * Math.abs(a[j]) + 1e-15));
            }
        }
    }

    @Test
    void withSecondaryEquationsTheCompleteStateIsDifferentiatedByCountedForwardDifferences() {
        // y' = Linear2 (analytic Jacobian, ignored here), z' = y1: the exact z(t) = integral of y1 = 2 (1 - e^-t)
        // - (1 - e^-2t) / 2
        final TestProblems.CountingWithJacobian primary =
            new TestProblems.CountingWithJacobian(new TestProblems.Linear2());
        final ExpandableStatefulODE ode = new ExpandableStatefulODE(primary);
        final int secondary = ode.addSecondaryEquations(new SecondaryEquations() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public void computeDerivatives(final double t, final double[] y, final double[] yDot, final double[] z,
                                           final double[] zDot) {
                zDot[0] = y[0];
            }
        });
        ode.setTime(0.0);
        ode.setPrimaryState(TestProblems.Linear2.initial());
        ode.setSecondaryState(secondary, new double[] {0.0});
        final RosenbrockIntegrator integrator = new RosenbrockIntegrator(0.0, 2.0, 1.0e-10, 1.0e-8);
        integrator.integrate(ode, 2.0);

        final int accepted = integrator.getAcceptedSteps();
        final int attempts = accepted + integrator.getRejectedSteps();
        assertThat(primary.jacobianCalls).as("the provider's Jacobian covers the primary state only").isZero();
        assertThat(primary.calls).isEqualTo(integrator.getEvaluations());
        // 1 (initial step estimate) + per step: f(t,y), 3 difference columns (y1, y2, z), df/dt; + 5 stages per attempt
        assertThat(primary.calls).isEqualTo(1 + accepted * (1 + 3 + 1) + 5 * attempts);
        final double z = 2.0 * (1.0 - Math.exp(-2.0)) - 0.5 * (1.0 - Math.exp(-4.0));
        assertThat(ode.getSecondaryState(secondary)[0]).isCloseTo(z, within(1.0e-6));
    }
}
