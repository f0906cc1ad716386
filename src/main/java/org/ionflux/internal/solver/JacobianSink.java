package org.ionflux.internal.solver;

/** Receives the entries of a Jacobian {@code dF_row/dy_col}; an entry may be added to several times. */
public interface JacobianSink {

    /**
     * Adds {@code value} to entry (row, col).
     *
     * @param row   index of the derivative
     * @param col   index of the state variable
     * @param value partial derivative (units of row per second per unit of col)
     */
    void add(int row, int col, double value);

    /** A dense n x n Jacobian. */
    final class Dense implements JacobianSink {
        private final double[][] matrix;

        /** Wraps {@code matrix}; entries are added to what it holds. */
        public Dense(double[][] matrix) {
            this.matrix = matrix;
        }

        @Override
        public void add(int row, int col, double value) {
            matrix[row][col] += value;
        }
    }
}
