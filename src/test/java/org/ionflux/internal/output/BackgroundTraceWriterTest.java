package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows handed to the writer thread arrive in order, complete, and a failure there reaches the run. */
class BackgroundTraceWriterTest {

    private static final List<TraceColumns.Column> COLUMNS = List.of(
            new TraceColumns.Column("t_s", TraceColumns.Kind.TIME),
            new TraceColumns.Column("c.A_mM", TraceColumns.Kind.CONCENTRATION),
            new TraceColumns.Column("c.B_mM", TraceColumns.Kind.CONCENTRATION));

    @Test
    void everyRowArrivesInOrderAfterDrain() {
        InMemoryTrace target = new InMemoryTrace();
        BackgroundTraceWriter writer = new BackgroundTraceWriter(target);
        writer.begin(COLUMNS);
        double[] row = new double[3];
        int n = 3 * BackgroundTraceWriter.BATCH_VALUES + 7;
        for (int k = 0; k < n; k++) {
            row[0] = k;
            row[1] = -k;
            row[2] = 0.5 * k;
            writer.row(row);
        }
        writer.drain();
        assertThat(writer.drained()).isTrue();
        assertThat(target.rows()).hasSize(n);
        for (int k = 0; k < n; k++) {
            assertThat(target.rows().get(k)).containsExactly(k, -k, 0.5 * k);
        }
    }

    @Test
    void aFailureOfTheTargetIsThrownToTheProducer() {
        List<double[]> seen = new ArrayList<>();
        TraceSink failing = new TraceSink() {
            @Override
            public void begin(List<TraceColumns.Column> columns) {
            }

            @Override
            public void row(double[] row) {
                if (seen.size() == 10) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
                seen.add(row.clone());
            }
        };
        BackgroundTraceWriter writer = new BackgroundTraceWriter(failing);
        writer.begin(COLUMNS);
        assertThatThrownBy(() -> {
            for (int k = 0; k < 1_000_000; k++) {
                writer.row(new double[] {k, 0, 0});
            }
            writer.drain();
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left");
        assertThatThrownBy(writer::drain).isInstanceOf(UncheckedIOException.class);
        assertThat(seen).hasSize(10);
        assertThat(BackgroundTraceWriter.asIoException(new UncheckedIOException(new IOException("x"))))
                .hasMessage("x");
    }
}
