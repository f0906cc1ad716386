package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceSink;

/** Keeps the whole trace in memory: for tests, {@code bench} and small runs built in code. */
public final class InMemoryTrace implements TraceSink {

    private List<TraceColumns.Column> columns = List.of();
    private final List<double[]> rows;

    /** An empty trace. */
    public InMemoryTrace() {
        this(16);
    }

    /** An empty trace with room for {@code expectedRows} rows before it grows. */
    public InMemoryTrace(int expectedRows) {
        rows = new ArrayList<>(Math.max(1, expectedRows));
    }

    @Override
    public void begin(List<TraceColumns.Column> newColumns) {
        this.columns = List.copyOf(newColumns);
    }

    @Override
    public void row(double[] row) {
        rows.add(row.clone());
    }

    /** @return the columns */
    public List<TraceColumns.Column> columns() {
        return columns;
    }

    /** @return the rows, in time order (the list itself; do not modify) */
    public List<double[]> rows() {
        return rows;
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
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[i];
        }
        return values;
    }
}
