package org.ionflux.internal.output;

import java.util.List;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.StateSink;

/**
 * Turns the states a run samples into trace rows (the recorded columns, in output units) for a {@link TraceSink}.
 */
public final class TraceRecorder implements StateSink {

    private final TraceColumns columns;
    private final TraceSink rows;
    private final double[] row;

    /**
     * Announces the columns to {@code rows} at once.
     *
     * @param system the run's system (its observables are computed for each row)
     * @param record glob patterns of the columns to record (empty: all)
     * @param rows   where the rows go
     */
    public TraceRecorder(IonFluxSystem system, List<String> record, TraceSink rows) {
        this.columns = new TraceColumns(system, record);
        this.rows = rows;
        this.row = new double[columns.size()];
        rows.begin(columns.columns());
    }

    /** @return the recorded columns */
    public TraceColumns columns() {
        return columns;
    }

    @Override
    public void rowsWithin(double[] lowest, double[] highest) {
        columns.rowsWithin(lowest, highest);
    }

    @Override
    public void sample(double timeS, double[] y) {
        columns.fill(timeS, y, row);
        rows.row(row);
    }
}
