package org.ionflux.internal.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.output.TraceColumns;

/**
 * Time to equilibrium of every concentration, potential and volume column (docs/commands.md, summary.json): the
 * first output time after which the column stays within {@code max(1e-6 |final|, 10 atol)} of its final value.
 * Computed in one pass over {@code trace.csv}, so memory does not grow with the run.
 */
public final class EquilibriumTimes {

    /** Relative part of the band around the final value. */
    static final double RELATIVE_BAND = 1e-6;
    /** Absolute part of the band, in multiples of atol (output units). */
    static final double ATOL_MULTIPLE = 10.0;

    private EquilibriumTimes() {
    }

    /**
     * @param trace    the trace file
     * @param columns  its columns
     * @param finalRow its last row
     * @param atol     absolute tolerance, output units
     * @return column name to time in s, or null where the final value is not finite
     */
    public static Map<String, Double> compute(Path trace, List<TraceColumns.Column> columns, double[] finalRow,
                                              double atol) throws IOException {
        int n = columns.size();
        boolean[] wanted = new boolean[n];
        double[] band = new double[n];
        double[] settled = new double[n];
        for (int i = 0; i < n; i++) {
            TraceColumns.Kind kind = columns.get(i).kind();
            wanted[i] = kind == TraceColumns.Kind.POTENTIAL || kind == TraceColumns.Kind.CONCENTRATION
                    || kind == TraceColumns.Kind.VOLUME;
            band[i] = Math.max(RELATIVE_BAND * Math.abs(finalRow[i]), ATOL_MULTIPLE * atol);
            settled[i] = Double.NaN;
        }
        try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            boolean[] outside = new boolean[n];
            java.util.Arrays.fill(outside, true);
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                double t = CsvTraceWriter.parse(cells[0]);
                for (int i = 0; i < n; i++) {
                    if (!wanted[i]) {
                        continue;
                    }
                    boolean within = Math.abs(CsvTraceWriter.parse(cells[i]) - finalRow[i]) <= band[i];
                    if (within && outside[i]) {
                        settled[i] = t;
                    }
                    outside[i] = !within;
                }
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (wanted[i]) {
                result.put(columns.get(i).name(), Double.isFinite(finalRow[i]) ? settled[i] : null);
            }
        }
        return result;
    }
}
