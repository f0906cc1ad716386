package org.ionflux.internal.output;

import java.util.List;

/** Receives the trace of a run, row by row, as it is computed. */
public interface TraceSink {

    /** Called once before the first row with the recorded columns. */
    void begin(List<TraceColumns.Column> columns);

    /**
     * Called for every output time, in order.
     *
     * @param row values in output units; the array is reused: copy what you keep
     */
    void row(double[] row);
}
