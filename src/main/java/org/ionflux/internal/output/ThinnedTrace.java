package org.ionflux.internal.output;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceSink;

/**
 * A bounded, evenly thinned copy of the trace for plots: keeps every {@code stride}-th row, doubling the stride
 * (and dropping every other kept row) whenever {@link #capacity} rows are held, plus the latest row. Memory
 * stays O(capacity x columns) however long the run.
 */
public final class ThinnedTrace implements TraceSink {

    /** Most values (rows x columns) kept, whatever the number of columns: 16 MB of doubles. */
    static final long MAX_VALUES = 2_000_000L;

    private final int requestedCapacity;
    private int capacity;
    private final List<double[]> kept = new ArrayList<>();
    private List<TraceColumns.Column> columns = List.of();
    private double[] latest;
    private long stride = 1;
    private long seen;

    /** @param capacity most rows kept (at least 2; fewer for a trace so wide that they would exceed 16 MB) */
    public ThinnedTrace(int capacity) {
        this.requestedCapacity = Math.max(2, capacity);
        this.capacity = requestedCapacity;
    }

    @Override
    public void begin(List<TraceColumns.Column> newColumns) {
        this.columns = List.copyOf(newColumns);
        long byWidth = MAX_VALUES / Math.max(1, columns.size());
        this.capacity = (int) Math.max(2, Math.min(requestedCapacity, byWidth));
    }

    /** @return the most rows kept, given the number of columns */
    public int capacity() {
        return capacity;
    }

    @Override
    public void row(double[] row) {
        latest = row.clone();
        if (seen % stride == 0) {
            kept.add(latest);
            if (kept.size() >= capacity) {
                List<double[]> halved = new ArrayList<>();
                for (int i = 0; i < kept.size(); i += 2) {
                    halved.add(kept.get(i));
                }
                kept.clear();
                kept.addAll(halved);
                stride *= 2;
            }
        }
        seen++;
    }

    /** @return the columns */
    public List<TraceColumns.Column> columns() {
        return columns;
    }

    /** @return the kept rows, in time order, ending with the latest row */
    public List<double[]> rows() {
        List<double[]> rows = new ArrayList<>(kept);
        if (latest != null && (rows.isEmpty() || rows.get(rows.size() - 1) != latest)) {
            rows.add(latest);
        }
        return rows;
    }

    /** @return the latest row, or null before the first */
    public double[] latest() {
        return latest == null ? null : latest.clone();
    }

    /** @return how many rows were offered */
    public long rowsSeen() {
        return seen;
    }
}
