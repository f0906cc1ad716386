package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming time to equilibrium gives {@link EquilibriumTimes}'s number, in memory and past it. */
class SettlingTimeTest {

    @TempDir
    Path tmp;

    /** @return EquilibriumTimes' answer for one column, through a trace file */
    private double fromFile(double[] t, double[] v, double atol) throws Exception {
        Path trace = tmp.resolve("trace.csv");
        try (BufferedWriter w = Files.newBufferedWriter(trace)) {
            w.write("t_s,cell.K_mM\n");
            for (int i = 0; i < t.length; i++) {
                w.write(CsvTraceWriter.format(t[i]) + "," + CsvTraceWriter.format(v[i]) + "\n");
            }
        }
        List<TraceColumns.Column> columns = List.of(new TraceColumns.Column("t_s", TraceColumns.Kind.TIME),
                new TraceColumns.Column("cell.K_mM", TraceColumns.Kind.CONCENTRATION));
        Double settled = EquilibriumTimes.compute(trace, columns, new double[] {t[t.length - 1], v[v.length - 1]},
                atol).get("cell.K_mM");
        return settled == null ? Double.NaN : settled;
    }

    private static double streamed(double[] t, double[] v, double atol) {
        try (SettlingTime s = new SettlingTime(atol)) {
            for (int i = 0; i < t.length; i++) {
                s.add(t[i], v[i]);
            }
            return s.timeS();
        }
    }

    @Test
    void relaxationsShortAndLongAgreeWithTheFilePass() throws Exception {
        Random random = new Random(11);
        for (int rows : new int[] {1, 2, 300, SettlingTime.ROWS_IN_MEMORY, SettlingTime.ROWS_IN_MEMORY + 1, 30_000}) {
            double[] t = new double[rows];
            double[] v = new double[rows];
            double tau = rows / 5.0 + 1;
            for (int i = 0; i < rows; i++) {
                t[i] = i * 0.5;
                // a noisy relaxation that leaves the band now and then until late
                v[i] = 8 + 5 * Math.exp(-i / tau) + (random.nextDouble() < 0.01 ? 1e-4 : 0);
            }
            double atol = 1e-9;
            assertThat(streamed(t, v, atol)).as(rows + " rows").isEqualTo(fromFile(t, v, atol));
        }
    }

    @Test
    void aNonFiniteFinalValueHasNoTime() throws Exception {
        double[] t = {0, 1, 2};
        double[] v = {1, 2, Double.POSITIVE_INFINITY};
        assertThat(streamed(t, v, 1e-6)).isNaN();
        assertThat(fromFile(t, v, 1e-6)).isNaN();
        assertThat(streamed(new double[0], new double[0], 1e-6)).isNaN();
    }
}
