package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The one contract between {@link RosenbrockIntegrator} and the Jacobian of the equations: evaluate
 * {@code J = df/dy} at the step start, factor {@code W = shift I - J}, solve with it. Implementations keep J in
 * whatever structure the problem has: {@link DenseLinearization} as one dense matrix (analytic or by forward
 * differences), {@code BlockTreeLinearization} as blocks along a tree without ever forming an n x n matrix.
 */
public interface LinearizedSystem {

    /**
     * Evaluates and stores the Jacobian at (t, y).
     *
     * @param t    time
     * @param y    state (not modified)
     * @param yDot f(t, y), already evaluated (not modified)
     */
    void computeJacobian(double t, double[] y, double[] yDot);

    /**
     * Factors {@code W = shift I - J} with the stored J.
     *
     * @param shift the diagonal shift {@code 1 / (h gamma)} (inverse time)
     * @throws SingularMatrixException if W is singular
     */
    void factor(double shift);

    /**
     * Solves {@code W x = rhs} in place with the last factorization.
     *
     * @param rhs right-hand side on entry, solution on exit
     */
    void solve(double[] rhs);
}
