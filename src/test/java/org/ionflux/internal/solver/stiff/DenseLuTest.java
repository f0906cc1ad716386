package org.ionflux.internal.solver.stiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.junit.jupiter.api.Test;

/** Dense in-place LU with partial pivoting. */
class DenseLuTest {

    @Test
    void solvesRandomSystemsRepeatedly() {
        final int n = 8;
        final Random random = new Random(42);
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                a[i][j] = random.nextDouble() - 0.5;
            }
            a[i][i] += 2.0;
        }
        final double[][] work = new double[n][];
        for (int i = 0; i < n; ++i) {
            work[i] = a[i].clone();
        }
        final DenseLu lu = new DenseLu(n);
        lu.factor(work);
        for (int trial = 0; trial < 3; ++trial) {
            final double[] x = new double[n];
            for (int i = 0; i < n; ++i) {
                x[i] = random.nextDouble() * 10.0 - 5.0;
            }
            final double[] b = new double[n];
            for (int i = 0; i < n; ++i) {
                for (int j = 0; j < n; ++j) {
                    b[i] += a[i][j] * x[j];
                }
            }
            lu.solve(b);
            for (int i = 0; i < n; ++i) {
                assertThat(b[i]).isCloseTo(x[i], within(1.0e-12));
            }
        }
    }

    @Test
    void needsPivotingForZeroLeadingEntry() {
        final double[][] a = {{0.0, 2.0, 1.0}, {3.0, 1.0, 0.0}, {1.0, 0.0, 4.0}};
        final double[] x = {1.0, -2.0, 0.5};
        final double[] b = new double[3];
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                b[i] += a[i][j] * x[j];
            }
        }
        final DenseLu lu = new DenseLu(3);
        lu.factor(a);
        lu.solve(b);
        assertThat(b).containsExactly(x, within(1.0e-14));
    }

    @Test
    void singularMatrixIsReported() {
        final DenseLu lu = new DenseLu(2);
        assertThatThrownBy(() -> lu.factor(new double[][] {{1.0, 2.0}, {2.0, 4.0}}))
            .isInstanceOf(SingularMatrixException.class);
        assertThatThrownBy(() -> lu.solve(new double[] {1.0, 1.0})).isInstanceOf(IllegalStateException.class);
    }
}
