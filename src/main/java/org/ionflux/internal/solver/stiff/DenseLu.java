package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Dense LU decomposition with partial (row) pivoting, done in place on a {@code double[][]}.
 *
 * <p>{@link #factor(double[][])} overwrites the matrix with its unit-lower and upper triangular
 * factors (Doolittle form, rows permuted as recorded in an internal pivot array) and keeps a
 * reference to it; {@link #solve(double[])} solves in place. No memory is allocated after
 * construction.</p>
 */
public final class DenseLu implements LinearSolver {

    /** Dimension of the systems. */
    private final int n;

    /** Pivot row chosen at each elimination step. */
    private final int[] pivot;

    /** Factored matrix (reference to the caller's array), null before the first factorization. */
    private double[][] lu;

    /**
     * Creates a solver for systems of the given dimension.
     *
     * @param dimension number of unknowns (at least 1)
     */
    public DenseLu(final int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
        this.n = dimension;
        this.pivot = new int[dimension];
    }

    /**
     * Returns the dimension of the systems this solver handles.
     *
     * @return number of unknowns
     */
    public int getDimension() {
        return n;
    }

    /** {@inheritDoc} */
    @Override
    public void factor(final double[][] matrix) {
        if (matrix.length != n) {
            throw new DimensionMismatchException(matrix.length, n);
        }
        lu = null;
        for (int k = 0; k < n; ++k) {
            // partial pivoting: largest magnitude in column k, rows k..n-1
            int p = k;
            double max = Math.abs(matrix[k][k]);
            for (int i = k + 1; i < n; ++i) {
                final double v = Math.abs(matrix[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (!(max > 0.0)) { // zero or NaN pivot
                throw new SingularMatrixException();
            }
            if (p != k) {
                final double[] tmp = matrix[p];
                matrix[p] = matrix[k];
                matrix[k] = tmp;
            }
            final double[] rowK = matrix[k];
            final double inv = 1.0 / rowK[k];
            for (int i = k + 1; i < n; ++i) {
                final double[] rowI = matrix[i];
                final double m = rowI[k] * inv;
                rowI[k] = m;
                if (m != 0.0) {
                    for (int j = k + 1; j < n; ++j) {
                        rowI[j] -= m * rowK[j];
                    }
                }
            }
        }
        lu = matrix;
    }

    /** {@inheritDoc} */
    @Override
    public void solve(final double[] rhs) {
        if (lu == null) {
            throw new IllegalStateException("no factored matrix");
        }
        if (rhs.length != n) {
            throw new DimensionMismatchException(rhs.length, n);
        }
        // rows of lu were swapped physically in the order pivot[0], pivot[1], ...
        for (int k = 0; k < n; ++k) {
            final int p = pivot[k];
            if (p != k) {
                final double tmp = rhs[p];
                rhs[p] = rhs[k];
                rhs[k] = tmp;
            }
        }
        // forward substitution with unit lower triangle
        for (int i = 1; i < n; ++i) {
            final double[] row = lu[i];
            double s = rhs[i];
            for (int j = 0; j < i; ++j) {
                s -= row[j] * rhs[j];
            }
            rhs[i] = s;
        }
        // back substitution with upper triangle
        for (int i = n - 1; i >= 0; --i) {
            final double[] row = lu[i];
            double s = rhs[i];
            for (int j = i + 1; j < n; ++j) {
                s -= row[j] * rhs[j];
            }
            rhs[i] = s / row[i];
        }
    }
}
