package org.ionflux.internal.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceSink;

/**
 * Streams the trace to {@code trace.csv} as it is computed (docs/commands.md): a header, then one line per row. Values
 * go straight into a buffered writer, so memory does not grow with the number of rows or columns.
 */
public final class CsvTraceWriter implements TraceSink, Closeable {

    private final BufferedWriter out;
    private long rows;

    /** Opens (creates or truncates) {@code file}. */
    public CsvTraceWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(columns.get(i).name());
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(double[] row) {
        try {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(format(row[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** @return the number of data rows written */
    public long rows() {
        return rows;
    }

    /** Formats a value with full double precision (shortest round-trip form), {@code inf}, {@code -inf}, {@code nan}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    /** Parses a value written by {@link #format(double)}. */
    public static double parse(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
