package org.ionflux.internal.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code trace.csv} written by {@code run} back into a {@link ThinnedTrace} (bounded memory however long
 * the file), the kind of every column read from its name (docs/commands.md "Columns").
 */
public final class TraceCsvReader {

    private TraceCsvReader() {
    }

    /** The file is not a trace: a header without {@code t_s}, a row of the wrong width, a cell not a number. */
    public static final class MalformedTraceException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedTraceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param file     a trace.csv
     * @param capacity most rows kept (evenly thinned, the last row always kept)
     * @return the trace
     * @throws MalformedTraceException when the file is not a trace (no {@code t_s} header, a row of the wrong
     *                                 width, a cell that is not a number)
     * @throws IOException             when the file cannot be read
     */
    public static ThinnedTrace read(Path file, int capacity) throws IOException {
        ThinnedTrace trace = new ThinnedTrace(capacity);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("t_s")) {
                throw new MalformedTraceException(file + ": not a trace (its first line does not start with t_s)", null);
            }
            List<TraceColumns.Column> columns = new ArrayList<>();
            for (String name : header.split(",", -1)) {
                columns.add(new TraceColumns.Column(name, kindOf(name)));
            }
            trace.begin(columns);
            int width = columns.size();
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                double[] row = new double[width];
                int start = 0;
                for (int i = 0; i < width; i++) {
                    int end = line.indexOf(',', start);
                    if (end < 0) {
                        end = line.length();
                        if (i != width - 1) {
                            throw new MalformedTraceException(file + ":" + lineNumber + ": " + (i + 1)
                                    + " values, expected " + width, null);
                        }
                    }
                    row[i] = parse(line.substring(start, end), file, lineNumber);
                    start = end + 1;
                }
                if (start <= line.length()) {
                    throw new MalformedTraceException(file + ":" + lineNumber + ": more than " + width + " values",
                            null);
                }
                trace.row(row);
            }
        }
        return trace;
    }

    private static double parse(String cell, Path file, long line) throws IOException {
        switch (cell) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new MalformedTraceException(file + ":" + line + ": '" + cell + "' is not a number", e);
                }
        }
    }

    /** @return the kind of a trace column, from its name ({@code cell.K_mM}: a concentration) */
    public static TraceColumns.Kind kindOf(String name) {
        if (name.equals("t_s")) {
            return TraceColumns.Kind.TIME;
        }
        int dot = name.indexOf('.');
        String rest = dot < 0 ? name : name.substring(dot + 1);
        if (rest.equals("V_mV")) {
            return TraceColumns.Kind.POTENTIAL;
        }
        if (rest.startsWith("E_") && rest.endsWith("_mV")) {
            return TraceColumns.Kind.NERNST;
        }
        if (rest.startsWith("I_") && rest.endsWith("_uA_cm2")) {
            return TraceColumns.Kind.CURRENT;
        }
        if (rest.startsWith("J_") && rest.endsWith("_fmol_s")) {
            return TraceColumns.Kind.FLUX;
        }
        if (rest.equals("volume_pL")) {
            return TraceColumns.Kind.VOLUME;
        }
        if (rest.endsWith("_mM")) {
            return TraceColumns.Kind.CONCENTRATION;
        }
        return TraceColumns.Kind.GATE;
    }
}
