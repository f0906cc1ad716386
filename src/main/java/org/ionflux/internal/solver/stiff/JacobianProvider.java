package org.ionflux.internal.solver.stiff;

/**
 * Equations with an analytic Jacobian {@code dF/dY} and no structure to exploit: their linearization is a
 * {@link DenseLinearization} over {@link #computeJacobian}.
 */
public interface JacobianProvider extends LinearizationProvider {

    /**
     * Computes the Jacobian matrix {@code dFdY[i][j] = dF_i/dy_j} at {@code (t, y)}.
     *
     * @param t     time
     * @param y     state at time {@code t} (must not be modified)
     * @param yDot  right-hand side {@code f(t, y)}, already evaluated (must not be modified)
     * @param dFdY  output square matrix of the state dimension; every entry must be written
     */
    void computeJacobian(double t, double[] y, double[] yDot, double[][] dFdY);

    /** @return a dense linearization over {@link #computeJacobian} */
    @Override
    default LinearizedSystem newLinearization() {
        return DenseLinearization.analytic(getDimension(), this);
    }
}
