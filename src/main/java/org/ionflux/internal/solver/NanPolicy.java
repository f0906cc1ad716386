package org.ionflux.internal.solver;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.ionflux.internal.model.SolverKind;

/**
 * What each solver does with a trial step that leaves the physical domain: one policy, for every solver.
 *
 * <p>Inside one step, a trial stage can drive a concentration below zero; its logarithm (Nernst, GHK) is then NaN,
 * and so is the step's error estimate. Commons Math accepts such a step ({@code error >= 1} is false for NaN), which
 * would let the NaN into the state. The step must instead be rejected and retried smaller, as Hairer's codes do:
 * <ul>
 * <li>{@code rosenbrock} checks its estimate itself ({@code !(error <= 1)} rejects a NaN, and the step then
 * shrinks by the largest reduction); at an accepted state a non-finite rate ends the run naming the variable
 * ({@code NonFiniteDerivativeException});</li>
 * <li>{@code dormand-prince-853} and {@code dormand-prince-54} check it too: {@link #dormandPrince853} and
 * {@link #dormandPrince54} report a NaN estimate as the error {@link #NAN_ERROR};</li>
 * <li>{@code gragg-bulirsch-stoer} and {@code adams-moulton} keep their error control private, so they get the
 * {@link #equations guard}: a non-finite rate is reported to them as {@link #HUGE_RATE}, which makes the error
 * estimate huge and the step rejected; an accepted state whose rates are not finite then ends in a step size
 * underflow, not in a silent NaN;</li>
 * <li>{@code classical-rk4} has no error estimate: a NaN reaches the state and the invariant check at the end of the
 * step ends the run as failed.</li>
 * </ul>
 */
final class NanPolicy {

    /**
     * Error reported for a trial step whose estimate is NaN: large enough that the step is rejected and shrunk
     * by the integrator's largest reduction.
     */
    static final double NAN_ERROR = 1e6;

    /** Stands for a non-finite rate: large enough to fail any tolerance, small enough not to overflow sums. */
    static final double HUGE_RATE = 1e150;

    private NanPolicy() {
    }

    /**
     * @param solver    the solver that integrates {@code equations}
     * @param equations the model's equations
     * @return {@code equations}, behind the guard for the solvers that need it
     */
    static FirstOrderDifferentialEquations equations(SolverKind solver, FirstOrderDifferentialEquations equations) {
        return switch (solver) {
            case GRAGG_BULIRSCH_STOER, ADAMS_MOULTON -> new Guard(equations);
            case ROSENBROCK, DORMAND_PRINCE_853, DORMAND_PRINCE_54, CLASSICAL_RK4 -> equations;
        };
    }

    /** @return Dormand-Prince 8(5,3) rejecting a step whose error estimate is NaN */
    static DormandPrince853Integrator dormandPrince853(double minStep, double maxStep, double[] absTol,
                                                       double[] relTol) {
        return new DormandPrince853Integrator(minStep, maxStep, absTol, relTol) {
            @Override
            protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                double error = super.estimateError(yDotK, y0, y1, h);
                return Double.isNaN(error) ? NAN_ERROR : error;
            }
        };
    }

    /** @return Dormand-Prince 5(4) rejecting a step whose error estimate is NaN */
    static DormandPrince54Integrator dormandPrince54(double minStep, double maxStep, double[] absTol,
                                                     double[] relTol) {
        return new DormandPrince54Integrator(minStep, maxStep, absTol, relTol) {
            @Override
            protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                double error = super.estimateError(yDotK, y0, y1, h);
                return Double.isNaN(error) ? NAN_ERROR : error;
            }
        };
    }

    /** Reports a non-finite rate as {@link #HUGE_RATE}. */
    private static final class Guard implements FirstOrderDifferentialEquations {
        private final FirstOrderDifferentialEquations inner;

        Guard(FirstOrderDifferentialEquations inner) {
            this.inner = inner;
        }

        @Override
        public int getDimension() {
            return inner.getDimension();
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            inner.computeDerivatives(t, y, yDot);
            for (int i = 0; i < yDot.length; i++) {
                if (!Double.isFinite(yDot[i])) {
                    yDot[i] = HUGE_RATE;
                }
            }
        }
    }
}
