package org.ionflux.internal.solver.stiff;

/**
 * Solver for the square linear systems {@code W x = b} arising in a Rosenbrock step, where
 * {@code W = I/(h gamma) - J}. One factorization is followed by several solves.
 *
 * <p>Implementations are created once per integration for a fixed dimension (see
 * {@link RosenbrockIntegrator#setLinearSolverFactory(java.util.function.IntFunction)}) and should
 * not allocate memory in {@link #factor(double[][])} or {@link #solve(double[])}.</p>
 */
public interface LinearSolver {

    /**
     * Factors the given matrix. The implementation may overwrite the matrix and keep a reference
     * to it until the next call to {@code factor}; the caller must not modify it in between.
     *
     * @param matrix square matrix, row-major ({@code matrix[row][column]})
     * @throws org.apache.commons.math3.linear.SingularMatrixException if the matrix is singular
     */
    void factor(double[][] matrix);

    /**
     * Solves {@code W x = rhs} with the last factored matrix, in place.
     *
     * @param rhs on entry the right-hand side {@code b}, on exit the solution {@code x}
     */
    void solve(double[] rhs);
}
