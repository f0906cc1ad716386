package org.ionflux.internal.workflow.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.output.MalformedTraceException;
import org.ionflux.internal.output.TraceCsvReader;

/**
 * Compares a run's {@code trace.csv} with its reference (WORKFLOWS.md section 2), streaming both files row by row:
 * the same columns in the same order, the same output times (within {@value #TIME_TOLERANCE} output intervals),
 * the same number of rows, and every value within {@code atol + rtol |ref|} of the reference. An infinite value
 * must be equal, and so must an undefined one ({@code nan} only matches {@code nan}). {@code t_s} is compared as
 * the output time, not as a value.
 *
 * <p>The worst value is the one with the largest {@code |run - ref| / (atol + rtol |ref|)}; of equal ratios, the
 * first column, then the first row, so the result does not depend on anything but the two files.
 */
public final class TraceComparison {

    /** Output times agree when they differ by at most this many output intervals. */
    public static final double TIME_TOLERANCE = 1e-9;

    /** Most failing columns named in a one-line message. */
    static final int COLUMNS_NAMED = 5;

    private TraceComparison() {
    }

    /** What a comparison found, in order of precedence. */
    public enum Kind {
        /** Every value within tolerance. */
        MATCH,
        /** At least one value outside its tolerance. */
        VALUES,
        /** Different output times, or a different number of rows. */
        TIMES,
        /** Different columns, or the same columns in another order. */
        COLUMNS,
        /** The reference could not be read: a short row, a value that is not a number, no header. */
        MALFORMED_REFERENCE
    }

    /**
     * One value compared.
     *
     * @param column    column name
     * @param row       0-based data row
     * @param timeS     output time, s
     * @param run       the run's value
     * @param reference the reference's value
     * @param allowed   {@code atol + rtol |ref|}, in the column's unit
     * @param ratio     {@code |run - ref| / allowed}; infinite for an infinite or undefined value that differs
     */
    public record Value(String column, long row, double timeS, double run, double reference, double allowed,
                        double ratio) {

        /** @return true if the value is within its tolerance */
        public boolean within() {
            return ratio <= 1.0;
        }

        /**
         * @return e.g. {@code cell.K_mM at t = 60.0 s: run 8.71, reference 8.7, difference 0.0100 > allowed
         *     8.80e-05 (114x)}
         */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(column).append(" at t = ").append(CsvTraceWriter.format(timeS)).append(" s: run ")
                    .append(CsvTraceWriter.format(run)).append(", reference ").append(CsvTraceWriter.format(reference));
            if (Double.isInfinite(ratio)) {
                sb.append(" (an infinite or undefined value must be equal)");
            } else {
                sb.append(String.format(Locale.ROOT, ", difference %.3g %s allowed %.3g (%sx)",
                        Math.abs(run - reference), ratio <= 1.0 ? "<=" : ">", allowed, ratioText(ratio)));
            }
            return sb.toString();
        }

        private static String ratioText(double ratio) {
            return ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio) : String.format(Locale.ROOT, "%.2g", ratio);
        }
    }

    /**
     * The outcome of a comparison.
     *
     * @param kind          what was found (the first problem in order of precedence)
     * @param message       one line saying it; for {@link Kind#MATCH} the largest difference, or that the traces
     *                      are identical; for {@link Kind#MALFORMED_REFERENCE} {@code file:line: what is wrong}
     * @param worst         the value with the largest ratio (null when no value was compared)
     * @param worstColumn   index of the worst value's column (-1 when none)
     * @param worstByColumn the worst value of each column with a value outside its tolerance, in column order
     * @param outside       number of values outside their tolerance
     * @param identical     true if every time and value is bit for bit the reference's
     * @param rows          data rows compared
     */
    public record Comparison(Kind kind, String message, Value worst, int worstColumn, List<Value> worstByColumn,
                             long outside, boolean identical, long rows) {

        /** Copies the list. */
        public Comparison {
            worstByColumn = List.copyOf(worstByColumn);
        }

        /** @return true if the traces agree within the tolerances */
        public boolean matches() {
            return kind == Kind.MATCH;
        }

        static Comparison of(Kind kind, String message) {
            return new Comparison(kind, message, null, -1, List.of(), 0, false, 0);
        }
    }

    /**
     * Compares two traces.
     *
     * @param runTrace        the run's {@code trace.csv}
     * @param reference       the reference {@code trace.csv}
     * @param shownReference  the reference as messages show it (as the user named it)
     * @param tolerances      the scenario's tolerances
     * @param outputIntervalS the scenario's output interval, s (output times are compared to 1e-9 of it)
     * @throws IOException when a file cannot be read, or the run's own trace is malformed (a bug)
     */
    public static Comparison compare(Path runTrace, Path reference, String shownReference, Tolerances tolerances,
                                     double outputIntervalS) throws IOException {
        try (TraceCsvReader ref = TraceCsvReader.open(reference, shownReference);
             TraceCsvReader run = openRun(runTrace)) {
            Comparison columns = compareColumns(run.columns(), ref.columns());
            if (columns != null) {
                return columns;
            }
            return compareRows(run, ref, tolerances, outputIntervalS);
        } catch (MalformedTraceException e) {
            if (e.file().equals(shownReference)) {
                return Comparison.of(Kind.MALFORMED_REFERENCE, e.getMessage());
            }
            throw new IOException("the run's own trace is malformed: " + e.getMessage(), e);
        }
    }

    private static TraceCsvReader openRun(Path runTrace) throws IOException {
        try {
            return TraceCsvReader.open(runTrace, runTrace.toString());
        } catch (MalformedTraceException e) {
            throw new IOException("the run's own trace is malformed: " + e.getMessage(), e);
        }
    }

    /** @return a {@link Kind#COLUMNS} comparison if the columns differ, else null */
    static Comparison compareColumns(List<String> run, List<String> ref) {
        if (run.equals(ref)) {
            return null;
        }
        List<String> missing = new ArrayList<>(ref);
        missing.removeAll(run);
        List<String> added = new ArrayList<>(run);
        added.removeAll(ref);
        if (missing.isEmpty() && added.isEmpty()) {
            int k = 0;
            while (run.get(k).equals(ref.get(k))) {
                k++;
            }
            return Comparison.of(Kind.COLUMNS, "the columns are in another order: column " + (k + 1) + " is "
                    + run.get(k) + " in the run and " + ref.get(k) + " in the reference");
        }
        StringBuilder sb = new StringBuilder("the columns changed:");
        if (!missing.isEmpty()) {
            sb.append(" missing from the run: ").append(String.join(", ", missing));
        }
        if (!added.isEmpty()) {
            sb.append(missing.isEmpty() ? "" : ";").append(" not in the reference: ").append(String.join(", ", added));
        }
        return Comparison.of(Kind.COLUMNS, sb.toString());
    }

    private static Comparison compareRows(TraceCsvReader run, TraceCsvReader ref, Tolerances tolerances,
                                          double outputIntervalS) throws IOException, MalformedTraceException {
        List<String> columns = run.columns();
        int n = columns.size();
        double[] atol = new double[n];
        for (int c = 1; c < n; c++) {
            atol[c] = tolerances.atol(columns.get(c));
        }
        double rtol = tolerances.rtol();
        double[] r = new double[n];
        double[] f = new double[n];
        Value[] worst = new Value[n];
        long[] outside = new long[n];
        double timeTolerance = TIME_TOLERANCE * outputIntervalS;
        boolean identical = true;
        long row = 0;
        while (true) {
            boolean hasRun = run.next(r);
            boolean hasRef = ref.next(f);
            if (!hasRun || !hasRef) {
                if (hasRun || hasRef) {
                    long runRows = row + (hasRun ? 1 + countRest(run, r) : 0);
                    long refRows = row + (hasRef ? 1 + countRest(ref, f) : 0);
                    return Comparison.of(Kind.TIMES, "the run has " + rows(runRows) + ", the reference "
                            + rows(refRows));
                }
                break;
            }
            if (!(Math.abs(r[0] - f[0]) <= timeTolerance)) {
                return Comparison.of(Kind.TIMES, "the output times differ: row " + (row + 1) + " is at t = "
                        + CsvTraceWriter.format(r[0]) + " s in the run and t = " + CsvTraceWriter.format(f[0])
                        + " s in the reference");
            }
            identical &= Double.compare(r[0], f[0]) == 0;
            for (int c = 1; c < n; c++) {
                double run1 = r[c];
                double ref1 = f[c];
                if (Double.compare(run1, ref1) == 0) {
                    if (worst[c] == null) {
                        worst[c] = new Value(columns.get(c), row, f[0], run1, ref1, atol[c] + rtol * Math.abs(ref1),
                                0.0);
                    }
                    continue;
                }
                identical = false;
                double allowed = atol[c] + rtol * Math.abs(ref1);
                double ratio = ratio(run1, ref1, allowed);
                if (ratio > 1.0) {
                    outside[c]++;
                }
                if (worst[c] == null || ratio > worst[c].ratio()) {
                    worst[c] = new Value(columns.get(c), row, f[0], run1, ref1, allowed, ratio);
                }
            }
            row++;
        }
        int worstColumn = -1;
        long total = 0;
        List<Value> failing = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            if (worst[c] != null && (worstColumn < 0 || worst[c].ratio() > worst[worstColumn].ratio())) {
                worstColumn = c;
            }
            if (outside[c] > 0) {
                total += outside[c];
                failing.add(worst[c]);
            }
        }
        Value worstValue = worstColumn < 0 ? null : worst[worstColumn];
        if (total == 0) {
            String message = identical ? "identical" : worstValue == null ? "no values"
                    : "largest difference: " + worstValue.describe();
            return new Comparison(Kind.MATCH, message, worstValue, worstColumn, failing, 0, identical, row);
        }
        StringBuilder message = new StringBuilder(worstValue.describe());
        message.append("; ").append(total).append(total == 1 ? " value" : " values").append(" outside tolerance in ")
                .append(failing.size()).append(failing.size() == 1 ? " column: " : " columns: ");
        message.append(String.join(", ", failing.stream().limit(COLUMNS_NAMED).map(Value::column).toList()));
        if (failing.size() > COLUMNS_NAMED) {
            message.append(", ...");
        }
        return new Comparison(Kind.VALUES, message.toString(), worstValue, worstColumn, failing, total, false, row);
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    /** @return {@code |run - ref| / allowed}; infinite when an infinite or undefined value differs */
    static double ratio(double run, double ref, double allowed) {
        if (Double.isNaN(run) || Double.isNaN(ref)) {
            return Double.isNaN(run) && Double.isNaN(ref) ? 0.0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(run) || Double.isInfinite(ref)) {
            return run == ref ? 0.0 : Double.POSITIVE_INFINITY;
        }
        double difference = Math.abs(run - ref);
        if (difference == 0) {
            return 0.0;
        }
        return allowed > 0 ? difference / allowed : Double.POSITIVE_INFINITY;
    }

    private static long countRest(TraceCsvReader reader, double[] scratch) throws IOException,
            MalformedTraceException {
        long n = 0;
        while (reader.next(scratch)) {
            n++;
        }
        return n;
    }

    /**
     * One column of both traces, for a plot: at most about {@code maxPoints} rows, evenly spaced, always with the
     * row {@code keep}.
     *
     * @param time      output times, s
     * @param run       the run's values
     * @param reference the reference's values
     * @param allowed   {@code atol + rtol |ref|} at each row
     * @param keptIndex the index of row {@code keep} in these arrays
     */
    public record Series(double[] time, double[] run, double[] reference, double[] allowed, int keptIndex) {
    }

    /**
     * Reads one column of both traces (which {@link #compare} found to have the same columns and times).
     *
     * @param rows      data rows of the traces
     * @param keep      a row always included (the worst value)
     * @param maxPoints most rows to read besides {@code keep}
     */
    public static Series series(Path runTrace, Path reference, String column, Tolerances tolerances, long rows,
                                long keep, int maxPoints) throws IOException {
        long stride = Math.max(1, (rows + maxPoints - 1) / maxPoints);
        int capacity = (int) Math.min(rows, (rows + stride - 1) / stride + 1);
        double[] t = new double[capacity];
        double[] a = new double[capacity];
        double[] b = new double[capacity];
        double[] allowed = new double[capacity];
        int kept = -1;
        int k = 0;
        double atol = tolerances.atol(column);
        try (TraceCsvReader run = TraceCsvReader.open(runTrace, runTrace.toString());
             TraceCsvReader ref = TraceCsvReader.open(reference, reference.toString())) {
            int c = run.columns().indexOf(column);
            double[] r = new double[run.columns().size()];
            double[] f = new double[ref.columns().size()];
            for (long row = 0; row < rows && run.next(r) && ref.next(f) && k < capacity; row++) {
                if (row % stride == 0 || row == keep) {
                    if (row == keep) {
                        kept = k;
                    }
                    t[k] = f[0];
                    a[k] = r[c];
                    b[k] = f[c];
                    allowed[k] = atol + tolerances.rtol() * Math.abs(f[c]);
                    k++;
                }
            }
        } catch (MalformedTraceException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Series(java.util.Arrays.copyOf(t, k), java.util.Arrays.copyOf(a, k),
                java.util.Arrays.copyOf(b, k), java.util.Arrays.copyOf(allowed, k), kept);
    }
}
