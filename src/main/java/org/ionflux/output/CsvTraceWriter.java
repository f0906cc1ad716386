package org.ionflux.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.solver.TraceColumns;
import org.ionflux.solver.TraceSink;

/** Streams the trace to {@code trace.csv} as it is computed (SCENARIO.md): a header, then one line per row. */
public final class CsvTraceWriter implements TraceSink, Closeable {

    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    /** Opens (creates or truncates) {@code file}. */
    public CsvTraceWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(columns.get(i).name());
        }
        write();
    }

    @Override
    public void row(double[] row) {
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(format(row[i]));
        }
        write();
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

    private void write() {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
