package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small dense linear algebra of the conservation laws. */
class SmallDenseTest {

    /**
     * The decomposition of a matrix that is not square, read off that of its transpose, is the one Commons Math makes
     * of the matrix itself, bit for bit (it decomposes the taller of the two and swaps U and V): the elimination of
     * the conservation laws shares one decomposition between an edge matrix's null space, left null space and
     * pseudo-inverse on this ground. Random matrices of every shape up to 8 x 8, full rank and rank-deficient.
     */
    @Test
    void theDecompositionOfTheTransposeIsTheSameArithmetic() {
        Random random = new Random(11);
        for (int rows = 1; rows <= 8; rows++) {
            for (int cols = 1; cols <= 8; cols++) {
                if (rows == cols) {
                    continue;
                }
                for (int rank = 1; rank <= Math.min(rows, cols); rank++) {
                    double[][] a = randomOfRank(random, rows, cols, rank);
                    SmallDense.Svd direct = SmallDense.svd(a);
                    SmallDense.Svd viaTranspose = SmallDense.svd(SmallDense.transpose(a, rows, cols)).transposed();
                    assertThat(viaTranspose.values()).containsExactly(direct.values());
                    assertThat(viaTranspose.u()).isDeepEqualTo(direct.u());
                    assertThat(viaTranspose.v()).isDeepEqualTo(direct.v());
                    // and so everything made from them
                    assertThat(SmallDense.nullSpace(viaTranspose, cols)).isDeepEqualTo(SmallDense.nullSpace(a, cols));
                    assertThat(SmallDense.pseudoInverse(viaTranspose, rows, cols))
                            .isDeepEqualTo(SmallDense.pseudoInverse(a, rows, cols));
                }
            }
        }
    }

    /** @return a rows x cols matrix of the given rank, a product of two random factors, entries of order 1 */
    private static double[][] randomOfRank(Random random, int rows, int cols, int rank) {
        double[][] left = new double[rows][rank];
        double[][] right = new double[rank][cols];
        for (double[] row : left) {
            for (int j = 0; j < rank; j++) {
                row[j] = random.nextGaussian();
            }
        }
        for (double[] row : right) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return SmallDense.multiply(left, right, rows, rank, cols);
    }
}
