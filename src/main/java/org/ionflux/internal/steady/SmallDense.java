package org.ionflux.internal.steady;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Small dense linear algebra for the conservation laws and the time constants, over Commons Math's maintained
 * decompositions: null spaces and pseudo-inverses by the singular value decomposition (rank-revealing, with the
 * documented tolerance {@link #RANK_TOLERANCE}), orthonormal complements by Householder QR. Matrices are
 * {@code double[rows][cols]}; a matrix with no rows or no columns is allowed everywhere.
 */
final class SmallDense {

    /**
     * A singular value counts as zero when it is at most this fraction of the larger of 1 and the largest singular
     * value. The matrices it is applied to have entries of order 1: the stoichiometry with its rows in moles (of
     * particles or charge) and each column normalised, products of it with orthonormal bases. Their nonzero singular values
     * are of order 1 down to the ratios of the model's own coefficients (a membrane's capacitive charge and the amounts it exchanges are
     * then of one size), while an exact dependency (the Na/K
     * pump's column is 3 Na minus 2 K channel columns) leaves rounding, about 1e-16. 1e-10 sits between the two.
     */
    static final double RANK_TOLERANCE = 1e-10;

    private SmallDense() {
    }

    /**
     * A singular value decomposition {@code a = U S V^T} as Commons Math's {@link SingularValueDecomposition} of
     * {@code a} gives it: {@code values} decreasing, {@code u} and {@code v} as {@code getU().getData()} and
     * {@code getV().getData()}.
     */
    record Svd(double[] values, double[][] u, double[][] v) {
        /**
         * @return the decomposition of {@code a^T}, when a is not square: Commons Math decomposes the taller of a
         *     matrix and its transpose and swaps U and V for the wider, so the two share their arithmetic, bit for bit
         */
        Svd transposed() {
            return new Svd(values, v, u);
        }
    }

    /** @return the singular value decomposition of the {@code rows x cols} matrix a (neither dimension 0) */
    static Svd svd(double[][] a) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        return new Svd(svd.getSingularValues(), svd.getU().getData(), svd.getV().getData());
    }

    /** @return an orthonormal basis of {x : a x = 0}, as the columns of a {@code cols x k} matrix */
    static double[][] nullSpace(double[][] a, int cols) {
        if (cols == 0) {
            return new double[0][0];
        }
        if (a.length == 0) {
            return identity(cols);
        }
        return nullSpace(svd(a), cols);
    }

    /**
     * @param svd the decomposition of a matrix with {@code cols} columns and at least one row
     * @return an orthonormal basis of its null space, as the columns of a {@code cols x k} matrix
     */
    static double[][] nullSpace(Svd svd, int cols) {
        int rank = rank(svd.values());
        if (rank == 0) {
            return identity(cols);
        }
        // the row space is spanned by the first `rank` right singular vectors; its orthonormal complement comes from
        // a full QR of that basis
        double[][] v = svd.v();
        double[][] rowSpace = new double[cols][rank];
        for (int i = 0; i < cols; i++) {
            System.arraycopy(v[i], 0, rowSpace[i], 0, rank);
        }
        return complement(rowSpace, cols, rank);
    }

    /** @return an orthonormal basis of the complement of the span of the {@code k} orthonormal columns of {@code q} */
    static double[][] complement(double[][] q, int n, int k) {
        if (k == 0) {
            return identity(n);
        }
        if (k >= n) {
            return new double[n][0];
        }
        // Q's columns are Q^T's rows (getQ() would transpose a copy)
        RealMatrix qt = new QRDecomposition(new Array2DRowRealMatrix(q, false)).getQT();
        double[][] out = new double[n][n - k];
        for (int j = k; j < n; j++) {
            for (int i = 0; i < n; i++) {
                out[i][j - k] = qt.getEntry(j, i);
            }
        }
        return out;
    }

    /** @return an orthonormal basis of {y : y^T a = 0} ({@code rows x k}) */
    static double[][] leftNullSpace(double[][] a, int rows, int cols) {
        return nullSpace(transpose(a, rows, cols), rows);
    }

    /** @return the Moore-Penrose pseudo-inverse of {@code a} ({@code cols x rows}), small singular values dropped */
    static double[][] pseudoInverse(double[][] a, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return new double[cols][rows];
        }
        return pseudoInverse(svd(a), rows, cols);
    }

    /**
     * @param svd the decomposition of a {@code rows x cols} matrix, neither dimension 0
     * @return its Moore-Penrose pseudo-inverse ({@code cols x rows}), small singular values dropped
     */
    static double[][] pseudoInverse(Svd svd, int rows, int cols) {
        double[][] out = new double[cols][rows];
        double[] s = svd.values();
        int rank = rank(s);
        double[][] u = svd.u();
        double[][] v = svd.v();
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                double sum = 0;
                for (int k = 0; k < rank; k++) {
                    sum += v[i][k] * u[j][k] / s[k];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    /** @return how many singular values count as nonzero (sorted in decreasing order) */
    static int rank(double[] singularValues) {
        if (singularValues.length == 0 || !(singularValues[0] > 0)) {
            return 0;
        }
        double threshold = RANK_TOLERANCE * Math.max(1.0, singularValues[0]);
        int rank = 0;
        while (rank < singularValues.length && singularValues[rank] > threshold) {
            rank++;
        }
        return rank;
    }

    /** @return the n x n identity */
    static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    /** @return {@code a^T} */
    static double[][] transpose(double[][] a, int rows, int cols) {
        double[][] out = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** @return {@code a b} with {@code a} n x m and {@code b} m x p */
    static double[][] multiply(double[][] a, double[][] b, int n, int m, int p) {
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < p; j++) {
                        out[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return out;
    }

    /** @return {@code a^T b} with {@code a} m x n and {@code b} m x p */
    static double[][] multiplyTransposed(double[][] a, double[][] b, int m, int n, int p) {
        double[][] out = new double[n][p];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                double aki = a[k][i];
                if (aki != 0) {
                    for (int j = 0; j < p; j++) {
                        out[i][j] += aki * b[k][j];
                    }
                }
            }
        }
        return out;
    }
}
