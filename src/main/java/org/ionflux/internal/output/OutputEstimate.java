package org.ionflux.internal.output;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.scenario.TraceColumnNames;
import org.ionflux.internal.solver.OutputTimes;

/**
 * The size of a run's {@code trace.csv}, estimated before it starts: rows (every output time; a run that stops at
 * a steady state writes fewer) times the recorded columns times {@value #BYTES_PER_VALUE} bytes a value (a full
 * precision double such as {@code -65.00123456789012} and its comma), plus the header.
 *
 * <p>Example: {@code OutputEstimate.of(model).bytes()}; {@code OutputEstimate.format(163e9)} is {@code "163 GB"}.
 *
 * @param rows    data rows
 * @param columns recorded columns, {@code t_s} included
 * @param bytes   estimated size of trace.csv
 */
public record OutputEstimate(long rows, int columns, long bytes) {

    /** Bytes of one value in trace.csv, with its separator: what full-precision values take on average. */
    public static final int BYTES_PER_VALUE = 20;

    /** @return the estimate for {@code model}'s trace (every output row, the columns its record patterns keep) */
    public static OutputEstimate of(Model model) {
        long rows = new OutputTimes(model.settings().durationS(), model.settings().outputIntervalS()).count();
        List<Pattern> patterns = model.settings().record().stream().map(TraceColumns::globToRegex).toList();
        int columns = 0;
        long header = 0;
        for (String name : TraceColumnNames.of(model)) {
            if (name.equals("t_s") || patterns.isEmpty()
                    || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
                columns++;
                header += name.length() + 1;
            }
        }
        double bytes = header + (double) rows * columns * BYTES_PER_VALUE;
        return new OutputEstimate(rows, columns, bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes);
    }

    /** @return {@code bytes} in decimal units, three significant digits: "980 B", "12.3 MB", "163 GB" */
    public static String format(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 999.5 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        String number = u == 0 || bytes >= 99.95 ? String.format(Locale.ROOT, "%.0f", bytes)
                : bytes >= 9.995 ? String.format(Locale.ROOT, "%.1f", bytes) : String.format(Locale.ROOT, "%.2f", bytes);
        return number + " " + units[u];
    }
}
