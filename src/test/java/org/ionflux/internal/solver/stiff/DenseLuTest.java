package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.junit.jupiter.api.Test;

/** In-place LU with partial pivoting on flat row-major storage, with offsets and strides. */
class DenseLuTest {

    /** Solutions of well-conditioned random systems agree with the exact x to this absolute error. */
    private static final double EXACT = 1.0e-12;

    private static double[] multiply(final double[][] a, final double[] x) {
        final double[] b = new double[x.length];
        for (int i = 0; i < x.length; ++i) {
            for (int j = 0; j < x.length; ++j) {
                b[i] += a[i][j] * x[j];
            }
        }
        return b;
    }

    private static double[][] randomDiagonallyDominant(final int n, final Random random) {
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                a[i][j] = random.nextDouble() - 0.5;
            }
            a[i][i] += 2.0;
        }
        return a;
    }

    /** Copies {@code a} row-major into {@code flat} from {@code offset}. */
    private static void store(final double[][] a, final double[] flat, final int offset) {
        for (int i = 0; i < a.length; ++i) {
            System.arraycopy(a[i], 0, flat, offset + i * a.length, a.length);
        }
    }

    @Test
    void solvesRandomSystemsRepeatedly() {
        final int n = 8;
        final Random random = new Random(42);
        final double[][] a = randomDiagonallyDominant(n, random);
        final double[] lu = new double[n * n];
        store(a, lu, 0);
        final int[] pivot = new int[n];
        DenseLu.factor(lu, 0, n, pivot, 0);
        for (int trial = 0; trial < 3; ++trial) {
            final double[] x = new double[n];
            for (int i = 0; i < n; ++i) {
                x[i] = random.nextDouble() * 10.0 - 5.0;
            }
            final double[] b = multiply(a, x);
            DenseLu.solve(lu, 0, n, pivot, 0, b, 0, 1);
            assertThat(b).containsExactly(x, within(EXACT));
        }
    }

    @Test
    void needsPivotingForZeroLeadingEntry() {
        final double[][] a = {{0.0, 2.0, 1.0}, {3.0, 1.0, 0.0}, {1.0, 0.0, 4.0}};
        final double[] x = {1.0, -2.0, 0.5};
        final double[] b = multiply(a, x);
        final double[] lu = new double[9];
        store(a, lu, 0);
        final int[] pivot = new int[3];
        DenseLu.factor(lu, 0, 3, pivot, 0);
        assertThat(pivot[0]).as("row of the largest first-column entry").isEqualTo(1);
        DenseLu.solve(lu, 0, 3, pivot, 0, b, 0, 1);
        assertThat(b).containsExactly(x, within(1.0e-14));
    }

    @Test
    void blocksAtOffsetsAndStridedRightHandSidesAreIndependent() {
        // two matrices (3 x 3 and 2 x 2) in one array, pivots in one array; the right-hand sides are the columns
        // of a row-major 3 x 2 matrix (stride 2) and a vector in the middle of a larger one
        final Random random = new Random(7);
        final double[][] a = randomDiagonallyDominant(3, random);
        final double[][] c = {{0.0, 1.0}, {-2.0, 0.5}};
        final double[] flat = new double[1 + 9 + 4];
        store(a, flat, 1);
        store(c, flat, 10);
        final int[] pivot = new int[5];
        DenseLu.factor(flat, 1, 3, pivot, 0);
        DenseLu.factor(flat, 10, 2, pivot, 3);
        assertThat(pivot[3]).isEqualTo(1);

        final double[][] x = {{1.0, -1.0}, {2.0, 0.25}, {-3.0, 4.0}};
        final double[] columns = new double[6];
        for (int j = 0; j < 2; ++j) {
            final double[] b = multiply(a, new double[] {x[0][j], x[1][j], x[2][j]});
            for (int i = 0; i < 3; ++i) {
                columns[i * 2 + j] = b[i];
            }
            DenseLu.solve(flat, 1, 3, pivot, 0, columns, j, 2);
        }
        for (int i = 0; i < 3; ++i) {
            assertThat(columns[i * 2]).isCloseTo(x[i][0], within(EXACT));
            assertThat(columns[i * 2 + 1]).isCloseTo(x[i][1], within(EXACT));
        }

        final double[] v = {9.0, 0.0, 0.0, 9.0};
        final double[] bc = multiply(c, new double[] {3.0, -1.5});
        v[1] = bc[0];
        v[2] = bc[1];
        DenseLu.solve(flat, 10, 2, pivot, 3, v, 1, 1);
        assertThat(v).containsExactly(new double[] {9.0, 3.0, -1.5, 9.0}, within(EXACT));
    }

    @Test
    void singularAndNaNPivotsAreReported() {
        assertThatThrownBy(() -> DenseLu.factor(new double[] {1.0, 2.0, 2.0, 4.0}, 0, 2, new int[2], 0))
            .isInstanceOf(SingularMatrixException.class);
        assertThatThrownBy(() -> DenseLu.factor(new double[] {Double.NaN, 1.0, 1.0, 1.0}, 0, 2, new int[2], 0))
            .isInstanceOf(SingularMatrixException.class);
    }
}
