package org.ionflux.internal.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the trace to {@code trace.csv} as it is computed (docs/commands.md): a header, then one line per row.
 * Values are formatted straight into a byte buffer (ASCII) in the shortest form that reads back to the same double
 * ({@link #format}), so memory does not grow with the number of rows or columns. Synchronous: {@link RunWriter}
 * runs it on a thread of its own.
 */
public final class CsvTraceWriter implements TraceSink, Closeable {

    /** Bytes buffered before a write to the file. */
    static final int BUFFER_BYTES = 1 << 16;
    /** Longest formatted value: a sign, 17 digits, a point, {@code E-324}. */
    private static final int MAX_VALUE_BYTES = 32;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int used;
    private long rows;
    private boolean closed;

    /** Opens (creates or truncates) {@code file}. */
    public CsvTraceWriter(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                header.append(',');
            }
            header.append(columns.get(i).name());
        }
        header.append('\n');
        byte[] bytes = header.toString().getBytes(StandardCharsets.UTF_8);
        try {
            flushBuffer();
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(double[] row) {
        try {
            for (int i = 0; i < row.length; i++) {
                if (used + MAX_VALUE_BYTES + 1 > buffer.length) {
                    flushBuffer();
                }
                if (i > 0) {
                    buffer[used++] = ',';
                }
                String text = format(row[i]);
                for (int k = 0; k < text.length(); k++) {
                    buffer[used++] = (byte) text.charAt(k);
                }
            }
            if (used + 1 > buffer.length) {
                flushBuffer();
            }
            buffer[used++] = '\n';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    private void flushBuffer() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    /** @return the number of data rows written */
    public long rows() {
        return rows;
    }

    /**
     * Formats a value with full double precision: the shortest decimal that reads back to the same double
     * ({@link JsonWriter#number}, in the layout of {@code Double.toString}), {@code inf}, {@code -inf}, {@code nan}.
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return JsonWriter.number(value);
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

    /** Writes what is buffered and closes the file; further calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
