package org.ionflux.internal.solver.stiff;

/**
 * Optional capability of a {@link org.apache.commons.math3.ode.FirstOrderDifferentialEquations}
 * implementation: an analytic Jacobian {@code dF/dY} of the right-hand side.
 *
 * <p>{@link RosenbrockIntegrator} checks whether the primary equations of the integrated
 * {@link org.apache.commons.math3.ode.ExpandableStatefulODE} implement this interface; if they do
 * not, it builds the Jacobian by forward finite differences.</p>
 */
public interface JacobianProvider {

    /**
     * Computes the Jacobian matrix {@code dFdY[i][j] = dF_i/dy_j} at {@code (t, y)}.
     *
     * @param t     time
     * @param y     state at time {@code t} (must not be modified)
     * @param yDot  right-hand side {@code f(t, y)}, already evaluated (must not be modified)
     * @param dFdY  output square matrix of the state dimension; every entry must be written
     */
    void computeJacobian(double t, double[] y, double[] yDot, double[][] dFdY);

    /**
     * Tells whether the right-hand side does not depend explicitly on time.
     * When {@code true}, the integrator uses {@code df/dt = 0} and saves one right-hand side
     * evaluation per step.
     *
     * @return {@code true} if {@code f} does not depend explicitly on {@code t}; default {@code false}
     */
    default boolean isAutonomous() {
        return false;
    }
}
