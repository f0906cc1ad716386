package org.ionflux.internal.output;

import java.util.List;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceSink;

/** Sends every row to several sinks. */
final class TeeSink implements TraceSink {

    private final List<TraceSink> sinks;

    TeeSink(TraceSink... sinks) {
        this.sinks = List.of(sinks);
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        sinks.forEach(s -> s.begin(columns));
    }

    @Override
    public void row(double[] row) {
        for (TraceSink s : sinks) {
            s.row(row);
        }
    }
}
