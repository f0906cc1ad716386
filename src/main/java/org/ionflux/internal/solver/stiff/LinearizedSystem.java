package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The linearization a Rosenbrock step needs, kept in whatever structure the problem has: the Jacobian
 * {@code J = df/dy} at the step start, then solves with {@code W = shift I - J}. Implementations that exploit
 * sparsity (a tree of blocks) never form an n x n matrix.
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
     * @param shift the diagonal shift {@code 1 / (h gamma)}
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
