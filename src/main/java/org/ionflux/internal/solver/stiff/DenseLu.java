package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * LU decomposition with partial (row) pivoting, in place on a flat row-major array, without allocation: Gaussian
 * elimination in Doolittle form (G. H. Golub and C. F. Van Loan, <i>Matrix Computations</i>, 4th ed., Johns Hopkins
 * 2013, algorithm 3.4.1).
 *
 * <p>The matrix is the {@code n x n} block stored row-major at {@code a[offset + i * n + j]}, so that many small
 * matrices can share one array (the block tree of {@code BlockTreeLinearization}) or one matrix can fill it
 * ({@link DenseLinearization}). {@link #factor} overwrites it with the unit-lower factor (below the diagonal) and
 * the upper factor, rows swapped physically, and records the pivot row of elimination step {@code k} in
 * {@code pivot[pivotOffset + k]}. {@link #solve} then solves in place for a right-hand side read with any offset
 * and stride (a column of a row-major matrix has stride = its row length).</p>
 */
public final class DenseLu {

    private DenseLu() {
    }

    /**
     * Factors the {@code n x n} matrix at {@code a[offset ..]} in place.
     *
     * @param a           array holding the matrix, row-major
     * @param offset      index of entry (0, 0)
     * @param n           dimension (at least 1)
     * @param pivot       receives the pivot rows, {@code n} entries from {@code pivotOffset}
     * @param pivotOffset index of the first pivot
     * @throws SingularMatrixException if a pivot is zero or NaN
     */
    public static void factor(final double[] a, final int offset, final int n, final int[] pivot,
                              final int pivotOffset) {
        for (int k = 0; k < n; k++) {
            final int rowK = offset + k * n;
            // partial pivoting: largest magnitude in column k, rows k..n-1
            int best = k;
            double max = Math.abs(a[rowK + k]);
            for (int i = k + 1; i < n; i++) {
                final double v = Math.abs(a[offset + i * n + k]);
                if (v > max) {
                    max = v;
                    best = i;
                }
            }
            if (!(max > 0)) {
                throw new SingularMatrixException();
            }
            pivot[pivotOffset + k] = best;
            if (best != k) {
                final int rowBest = offset + best * n;
                for (int j = 0; j < n; j++) {
                    final double tmp = a[rowK + j];
                    a[rowK + j] = a[rowBest + j];
                    a[rowBest + j] = tmp;
                }
            }
            final double inverse = 1.0 / a[rowK + k];
            for (int i = k + 1; i < n; i++) {
                final int rowI = offset + i * n;
                final double m = a[rowI + k] * inverse;
                a[rowI + k] = m;
                if (m != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[rowI + j] -= m * a[rowK + j];
                    }
                }
            }
        }
    }

    /**
     * Solves {@code A x = b} in place with the factors left by {@link #factor}; {@code b_i} is
     * {@code v[start + i * stride]}.
     *
     * @param lu          array holding the factors, as {@link #factor} left it
     * @param offset      index of entry (0, 0)
     * @param n           dimension
     * @param pivot       pivot rows from {@link #factor}
     * @param pivotOffset index of the first pivot
     * @param v           right-hand side on entry, solution on exit
     * @param start       index of {@code b_0} in {@code v}
     * @param stride      distance between {@code b_i} and {@code b_(i+1)} in {@code v}
     */
    public static void solve(final double[] lu, final int offset, final int n, final int[] pivot,
                             final int pivotOffset, final double[] v, final int start, final int stride) {
        // the rows were swapped in the order of elimination: apply the same swaps to b
        for (int k = 0; k < n; k++) {
            final int p = pivot[pivotOffset + k];
            if (p != k) {
                final double tmp = v[start + k * stride];
                v[start + k * stride] = v[start + p * stride];
                v[start + p * stride] = tmp;
            }
        }
        // forward substitution with the unit lower triangle
        for (int i = 1; i < n; i++) {
            final int row = offset + i * n;
            double sum = v[start + i * stride];
            for (int k = 0; k < i; k++) {
                sum -= lu[row + k] * v[start + k * stride];
            }
            v[start + i * stride] = sum;
        }
        // back substitution with the upper triangle
        for (int i = n - 1; i >= 0; i--) {
            final int row = offset + i * n;
            double sum = v[start + i * stride];
            for (int k = i + 1; k < n; k++) {
                sum -= lu[row + k] * v[start + k * stride];
            }
            v[start + i * stride] = sum / lu[row + i];
        }
    }
}
