package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flat in-memory trace: rows kept by value, growth past the expected count, reuse after reset. */
class InMemoryTraceTest {

    private static final List<TraceColumns.Column> TWO = List.of(
            new TraceColumns.Column("t_s", TraceColumns.Kind.TIME),
            new TraceColumns.Column("c.A_mM", TraceColumns.Kind.CONCENTRATION));
    private static final List<TraceColumns.Column> THREE = List.of(
            new TraceColumns.Column("t_s", TraceColumns.Kind.TIME),
            new TraceColumns.Column("c.A_mM", TraceColumns.Kind.CONCENTRATION),
            new TraceColumns.Column("c.B_mM", TraceColumns.Kind.CONCENTRATION));

    @Test
    void rowsAreCopiedAndGrowPastTheExpectedCount() {
        InMemoryTrace trace = new InMemoryTrace(2);
        trace.begin(TWO);
        double[] row = new double[2];
        for (int k = 0; k < 100; k++) {
            row[0] = k;
            row[1] = 0.5 - 0.5 * k;
            trace.row(row);
        }
        row[0] = 1e9;
        assertThat(trace.size()).isEqualTo(100);
        assertThat(trace.rows()).hasSize(100);
        assertThat(trace.rows().get(99)).containsExactly(99, -49.0);
        assertThat(trace.value(7, 1)).isEqualTo(-3.0);
        assertThat(trace.column("c.A_mM")).hasSize(100).startsWith(0.5, 0.0).endsWith(-49.0);
        // a row handed out is a copy
        trace.rows().get(0)[0] = 42;
        assertThat(trace.rows().get(0)[0]).isZero();
        assertThatThrownBy(() -> trace.rows().get(100)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> trace.row(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResetTraceHoldsOnlyTheNextRunWithItsColumns() {
        InMemoryTrace trace = new InMemoryTrace(10);
        trace.begin(TWO);
        for (int k = 0; k < 10; k++) {
            trace.row(new double[] {k, k});
        }
        trace.reset(4);
        assertThat(trace.rows()).isEmpty();
        trace.begin(THREE);
        trace.row(new double[] {1, 2, 3});
        trace.row(new double[] {4, 5, 6});
        assertThat(trace.columns()).isEqualTo(THREE);
        assertThat(trace.rows()).hasSize(2);
        assertThat(trace.rows().get(1)).containsExactly(4, 5, 6);
        assertThat(trace.column("c.B_mM")).containsExactly(3, 6);
    }
}
