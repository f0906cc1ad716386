package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.sampling.FixedStepHandler;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/** Test problems with known solutions or published reference values. */
final class TestProblems {

    private TestProblems() {
    }

    /** Step handler callback without {@code init}. */
    interface StepCallback {
        void handleStep(StepInterpolator interpolator, boolean isLast);
    }

    /** Fixed step handler callback without {@code init}. */
    interface FixedStepCallback {
        void handleStep(double t, double[] y, double[] yDot, boolean isLast);
    }

    /** Adapts a lambda to a Commons Math {@link StepHandler} with an empty {@code init}. */
    static StepHandler stepHandler(final StepCallback callback) {
        return new StepHandler() {
            @Override
            public void init(final double t0, final double[] y0, final double t) {
            }

            @Override
            public void handleStep(final StepInterpolator interpolator, final boolean isLast) {
                callback.handleStep(interpolator, isLast);
            }
        };
    }

    /** Adapts a lambda to a Commons Math {@link FixedStepHandler} with an empty {@code init}. */
    static FixedStepHandler fixedStepHandler(final FixedStepCallback callback) {
        return new FixedStepHandler() {
            @Override
            public void init(final double t0, final double[] y0, final double t) {
            }

            @Override
            public void handleStep(final double t, final double[] y, final double[] yDot, final boolean isLast) {
                callback.handleStep(t, y, yDot, isLast);
            }
        };
    }

    /**
     * Linear autonomous system y1' = y2, y2' = -2 y1 - 3 y2 (eigenvalues -1 and -2),
     * y(0) = (1, 0); exact solution y1 = 2 e^-t - e^-2t, y2 = -2 e^-t + 2 e^-2t.
     */
    static final class Linear2 implements FirstOrderDifferentialEquations, JacobianProvider {
        @Override
        public int getDimension() {
            return 2;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            yDot[0] = y[1];
            yDot[1] = -2.0 * y[0] - 3.0 * y[1];
        }

        @Override
        public void computeJacobian(final double t, final double[] y, final double[] yDot, final double[][] j) {
            j[0][0] = 0.0;
            j[0][1] = 1.0;
            j[1][0] = -2.0;
            j[1][1] = -3.0;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        static double[] initial() {
            return new double[] {1.0, 0.0};
        }

        static double[] exact(final double t) {
            final double e1 = Math.exp(-t);
            final double e2 = Math.exp(-2.0 * t);
            return new double[] {2.0 * e1 - e2, -2.0 * e1 + 2.0 * e2};
        }
    }

    /**
     * Non-autonomous scalar problem y' = -y + sin t, y(0) = 0, without Jacobian (finite differences
     * for J and df/dt); exact y = (e^-t + sin t - cos t) / 2.
     */
    static final class ForcedDecay implements FirstOrderDifferentialEquations {
        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            yDot[0] = -y[0] + Math.sin(t);
        }

        static double exact(final double t) {
            return 0.5 * (Math.exp(-t) + Math.sin(t) - Math.cos(t));
        }
    }

    /** Robertson chemical kinetics (Hairer &amp; Wanner, ODE II, section IV.1), analytic Jacobian. */
    static class Robertson implements FirstOrderDifferentialEquations, JacobianProvider {
        /** Reference solution at t = 40 (Hairer's test set). */
        static final double[] REFERENCE_AT_40 = {0.7158270687, 9.185534764e-6, 0.2841637457};

        @Override
        public int getDimension() {
            return 3;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            final double r1 = 0.04 * y[0];
            final double r2 = 1.0e4 * y[1] * y[2];
            final double r3 = 3.0e7 * y[1] * y[1];
            yDot[0] = -r1 + r2;
            yDot[1] = r1 - r2 - r3;
            yDot[2] = r3;
        }

        @Override
        public void computeJacobian(final double t, final double[] y, final double[] yDot, final double[][] j) {
            j[0][0] = -0.04;
            j[0][1] = 1.0e4 * y[2];
            j[0][2] = 1.0e4 * y[1];
            j[1][0] = 0.04;
            j[1][1] = -1.0e4 * y[2] - 6.0e7 * y[1];
            j[1][2] = -1.0e4 * y[1];
            j[2][0] = 0.0;
            j[2][1] = 6.0e7 * y[1];
            j[2][2] = 0.0;
        }

        @Override
        public boolean isAutonomous() {
            return true;
        }

        static double[] initial() {
            return new double[] {1.0, 0.0, 0.0};
        }
    }

    /** Robertson without Jacobian: forces finite differences (J and df/dt). */
    static final class RobertsonNoJacobian implements FirstOrderDifferentialEquations {
        private final Robertson delegate = new Robertson();

        @Override
        public int getDimension() {
            return 3;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            delegate.computeDerivatives(t, y, yDot);
        }
    }

    /**
     * Prothero-Robinson stiff problem y' = -1e6 (y - cos t) - sin t, y(0) = 1, exact y = cos t.
     */
    static final class ProtheroRobinson implements FirstOrderDifferentialEquations, JacobianProvider {
        static final double LAMBDA = -1.0e6;

        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            yDot[0] = LAMBDA * (y[0] - Math.cos(t)) - Math.sin(t);
        }

        @Override
        public void computeJacobian(final double t, final double[] y, final double[] yDot, final double[][] j) {
            j[0][0] = LAMBDA;
        }
    }

    /** Wraps equations and counts right-hand side evaluations; hides any Jacobian. */
    static class Counting implements FirstOrderDifferentialEquations {
        private final FirstOrderDifferentialEquations delegate;
        int calls;

        Counting(final FirstOrderDifferentialEquations delegate) {
            this.delegate = delegate;
        }

        @Override
        public int getDimension() {
            return delegate.getDimension();
        }

        @Override
        public void computeDerivatives(final double t, final double[] y, final double[] yDot) {
            ++calls;
            delegate.computeDerivatives(t, y, yDot);
        }
    }

    /** Counting wrapper that also forwards the Jacobian of a {@link JacobianProvider} delegate. */
    static final class CountingWithJacobian extends Counting implements JacobianProvider {
        private final FirstOrderDifferentialEquations delegate;
        int jacobianCalls;

        CountingWithJacobian(final FirstOrderDifferentialEquations delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public void computeJacobian(final double t, final double[] y, final double[] yDot, final double[][] j) {
            ++jacobianCalls;
            ((JacobianProvider) delegate).computeJacobian(t, y, yDot, j);
        }

        @Override
        public boolean isAutonomous() {
            return ((JacobianProvider) delegate).isAutonomous();
        }
    }
}
