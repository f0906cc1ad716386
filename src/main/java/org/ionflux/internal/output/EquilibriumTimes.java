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
 * Computed while the rows stream ({@link Streaming}), or in one pass over {@code trace.csv} ({@link #compute}) when
 * a long run outgrows the streaming computation's memory; both give the same times.
 */
public final class EquilibriumTimes {

    /** Relative part of the band around the final value. */
    static final double RELATIVE_BAND = 1e-6;
    /** Absolute part of the band, in multiples of atol (output units). */
    static final double ATOL_MULTIPLE = 10.0;

    private EquilibriumTimes() {
    }

    /** @return whether the column has a time to equilibrium (potentials, concentrations, volumes) */
    static boolean wanted(TraceColumns.Column column) {
        TraceColumns.Kind kind = column.kind();
        return kind == TraceColumns.Kind.POTENTIAL || kind == TraceColumns.Kind.CONCENTRATION
                || kind == TraceColumns.Kind.VOLUME;
    }

    /** @return the band around the final value within which a column has settled */
    static double band(double finalValue, double atol) {
        return Math.max(RELATIVE_BAND * Math.abs(finalValue), ATOL_MULTIPLE * atol);
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
            wanted[i] = wanted(columns.get(i));
            band[i] = band(finalRow[i], atol);
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

    /**
     * The same times, computed while the rows stream, without knowing the final values in advance and without
     * reading the file again.
     *
     * <p>The last row outside the band of the final value F is, if above F, a row that is larger than every row
     * after it (a later row at least as large would be at least as far from F, hence outside too; rounding of
     * {@code |y - F|} is monotone in y), and if below F, smaller than every row after it. So each column keeps the
     * rows that are strict maxima (and strict minima) of the rows after them, two monotone stacks: a new value pops
     * the entries it dominates. At the end, the topmost entry of either stack outside the band is the last row
     * outside it, and the time of the row after it is the answer. A NaN row is outside any band: it empties both
     * stacks. Monotone columns keep one entry per row, so the stacks hold at most {@link #MAX_ENTRIES} entries in
     * all; beyond that {@link #times} returns null and the caller reads the file ({@link #compute}).</p>
     */
    public static final class Streaming implements TraceSink {

        /** Most stack entries kept over all columns (20 bytes each), before giving up for the file pass. */
        static final int MAX_ENTRIES = 500_000;

        private final int maxEntries;
        private List<TraceColumns.Column> columns = List.of();
        private int[] wantedColumns = new int[0];
        private Stack[] above;
        private Stack[] below;
        /** Per wanted column: the row of the last NaN, or -1; and the time of the row after it. */
        private long[] lastNan;
        private double[] afterNan;
        private long row;
        private double firstTime = Double.NaN;
        private double[] latest;
        private int entries;
        private boolean overflow;

        /** With room for {@link #MAX_ENTRIES} stack entries. */
        public Streaming() {
            this(MAX_ENTRIES);
        }

        /** @param maxEntries most stack entries kept over all columns before giving up for the file pass */
        Streaming(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        @Override
        public void begin(List<TraceColumns.Column> newColumns) {
            columns = List.copyOf(newColumns);
            wantedColumns = java.util.stream.IntStream.range(0, columns.size())
                    .filter(i -> wanted(columns.get(i))).toArray();
            int n = wantedColumns.length;
            above = new Stack[n];
            below = new Stack[n];
            lastNan = new long[n];
            afterNan = new double[n];
            for (int k = 0; k < n; k++) {
                above[k] = new Stack();
                below[k] = new Stack();
                lastNan[k] = -1;
            }
        }

        @Override
        public void row(double[] values) {
            double t = values[0];
            if (row == 0) {
                firstTime = t;
            }
            latest = latest == null ? values.clone() : copyInto(values, latest);
            if (overflow) {
                row++;
                return;
            }
            for (int k = 0; k < wantedColumns.length; k++) {
                double y = values[wantedColumns[k]];
                // the rows pushed at the previous row learn the time of the row after them
                above[k].setNextTime(row - 1, t);
                below[k].setNextTime(row - 1, t);
                if (lastNan[k] == row - 1 && row > 0) {
                    afterNan[k] = t;
                }
                if (Double.isNaN(y)) {
                    entries -= above[k].size + below[k].size;
                    above[k].size = 0;
                    below[k].size = 0;
                    lastNan[k] = row;
                    continue;
                }
                entries -= above[k].popWhile(y, true);
                entries -= below[k].popWhile(y, false);
                above[k].push(row, y);
                below[k].push(row, y);
                entries += 2;
            }
            if (entries > maxEntries) {
                overflow = true;
                above = null;
                below = null;
            }
            row++;
        }

        private static double[] copyInto(double[] from, double[] to) {
            System.arraycopy(from, 0, to, 0, to.length);
            return to;
        }

        /**
         * @param atol absolute tolerance, output units
         * @return column name to time in s (null where the final value is not finite), as {@link #compute} gives
         *     for the same rows; null if no row came or the rows outgrew the memory bound (then use the file)
         */
        public Map<String, Double> times(double atol) {
            if (overflow || latest == null) {
                return null;
            }
            Map<String, Double> result = new LinkedHashMap<>();
            for (int k = 0; k < wantedColumns.length; k++) {
                int c = wantedColumns[k];
                double fin = latest[c];
                if (!Double.isFinite(fin)) {
                    result.put(columns.get(c).name(), null);
                    continue;
                }
                double band = band(fin, atol);
                // the last row outside the band, and the time of the row after it
                long lastOutside = lastNan[k];
                double settled = lastNan[k] >= 0 ? afterNan[k] : firstTime;
                for (Stack s : new Stack[] {above[k], below[k]}) {
                    int e = s.lastOutside(fin, band);
                    if (e >= 0 && s.rows[e] > lastOutside) {
                        lastOutside = s.rows[e];
                        settled = s.nextTimes[e];
                    }
                }
                result.put(columns.get(c).name(), settled);
            }
            return result;
        }

        /** Rows of one column that are strict maxima (or minima) of the rows after them, oldest first. */
        private static final class Stack {
            long[] rows = new long[16];
            double[] values = new double[16];
            double[] nextTimes = new double[16];
            int size;

            void setNextTime(long previousRow, double t) {
                if (size > 0 && rows[size - 1] == previousRow) {
                    nextTimes[size - 1] = t;
                }
            }

            /** Pops the entries that y dominates (not below it for maxima, not above for minima). */
            int popWhile(double y, boolean maxima) {
                int before = size;
                while (size > 0 && (maxima ? values[size - 1] <= y : values[size - 1] >= y)) {
                    size--;
                }
                return before - size;
            }

            void push(long row, double y) {
                if (size == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, 2 * size);
                    values = java.util.Arrays.copyOf(values, 2 * size);
                    nextTimes = java.util.Arrays.copyOf(nextTimes, 2 * size);
                }
                rows[size] = row;
                values[size] = y;
                nextTimes[size] = Double.NaN;
                size++;
            }

            /** @return the newest entry outside the band around fin (entries farther down are farther), or -1 */
            int lastOutside(double fin, double band) {
                for (int e = size - 1; e >= 0; e--) {
                    if (!(Math.abs(values[e] - fin) <= band)) {
                        return e;
                    }
                }
                return -1;
            }
        }
    }
}
