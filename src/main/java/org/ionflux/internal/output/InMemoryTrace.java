package org.ionflux.internal.output;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Keeps the whole trace in memory: for tests, {@code bench} and small runs built in code. The rows are copied
 * one after another into one flat array (no object per row), which {@link #reset} lets a caller reuse.
 */
public final class InMemoryTrace implements TraceSink {

    private List<TraceColumns.Column> columns = List.of();
    private int width;
    private int count;
    private int expectedRows;
    private double[] data = new double[0];

    /** An empty trace. */
    public InMemoryTrace() {
        this(16);
    }

    /** An empty trace with room for {@code expectedRows} rows before it grows. */
    public InMemoryTrace(int expectedRows) {
        this.expectedRows = Math.max(1, expectedRows);
    }

    @Override
    public void begin(List<TraceColumns.Column> newColumns) {
        this.columns = List.copyOf(newColumns);
        this.width = columns.size();
        this.count = 0;
        int room = (int) Math.min((long) expectedRows * width, Integer.MAX_VALUE - 8);
        if (data.length < room) {
            data = new double[room];
        }
    }

    /**
     * Forgets every row (and, at the next {@link #begin}, the columns) but keeps the room they took: {@code bench}
     * reuses one trace for all its runs, as a C program reuses one buffer, instead of allocating and zeroing
     * 0.7 MB per timed run of the pump-leak cell.
     *
     * @param newExpectedRows rows to make room for at the next {@link #begin}
     */
    public void reset(int newExpectedRows) {
        this.expectedRows = Math.max(1, newExpectedRows);
        this.count = 0;
        this.columns = List.of();
        this.width = 0;
    }

    @Override
    public void row(double[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of " + row.length + " values for " + width + " columns");
        }
        int at = count * width;
        if (at + width > data.length) {
            data = Arrays.copyOf(data, Math.max(at + width, data.length + (data.length >> 1) + width));
        }
        System.arraycopy(row, 0, data, at, width);
        count++;
    }

    /** @return the columns */
    public List<TraceColumns.Column> columns() {
        return columns;
    }

    /** @return the number of rows */
    public int size() {
        return count;
    }

    /** @return value of column {@code column} in row {@code row} */
    public double value(int row, int column) {
        if (row < 0 || row >= count || column < 0 || column >= width) {
            throw new IndexOutOfBoundsException("row " + row + ", column " + column);
        }
        return data[row * width + column];
    }

    /**
     * @return the rows, in time order: a read-only view whose {@code get} returns a copy of the row (the rows
     *         added later appear in it)
     */
    public List<double[]> rows() {
        return new Rows();
    }

    /** @return the index of a column by name, or -1 */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return all values of a named column */
    public double[] column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        double[] values = new double[count];
        for (int r = 0; r < values.length; r++) {
            values[r] = data[r * width + i];
        }
        return values;
    }

    private final class Rows extends AbstractList<double[]> implements RandomAccess {
        @Override
        public double[] get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("row " + index + " of " + count);
            }
            return Arrays.copyOfRange(data, index * width, index * width + width);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
