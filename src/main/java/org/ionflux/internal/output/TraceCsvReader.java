package org.ionflux.internal.output;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a {@code trace.csv} written by {@link CsvTraceWriter} row by row (memory does not grow with the number of
 * rows): the header, then one {@code double[]} per line. A short or long row, an empty header, a duplicate column
 * or a cell that is not a number is a {@link MalformedTraceException} naming the file and line.
 */
public final class TraceCsvReader implements Closeable {

    private final Path file;
    private final String shown;
    private final BufferedReader in;
    private final List<String> columns;
    private long line;

    private TraceCsvReader(Path file, String shown) throws IOException, MalformedTraceException {
        this.file = file;
        this.shown = shown;
        this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        boolean ok = false;
        try {
            String header = in.readLine();
            line = 1;
            if (header == null || header.isEmpty()) {
                throw malformed("the file is empty: expected a header line of column names");
            }
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                if (names[i].isEmpty()) {
                    throw malformed("column " + (i + 1) + " of the header has no name");
                }
                for (int j = 0; j < i; j++) {
                    if (names[j].equals(names[i])) {
                        throw malformed("the column " + names[i] + " appears twice in the header");
                    }
                }
            }
            this.columns = List.of(names);
            ok = true;
        } finally {
            if (!ok) {
                in.close();
            }
        }
    }

    /**
     * Opens a trace file and reads its header.
     *
     * @param file  the file
     * @param shown the file's name as messages should show it (as the user named it)
     * @throws MalformedTraceException when the header is missing or malformed
     * @throws IOException             when the file cannot be read
     */
    public static TraceCsvReader open(Path file, String shown) throws IOException, MalformedTraceException {
        return new TraceCsvReader(file, shown);
    }

    /** @return the column names of the header, in order */
    public List<String> columns() {
        return columns;
    }

    /** @return the line number of the row read last (1 is the header) */
    public long line() {
        return line;
    }

    /** @return the file, as messages show it */
    public String shown() {
        return shown;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /**
     * Reads the next row.
     *
     * @param into an array of {@code columns().size()} values to fill
     * @return false at the end of the file
     * @throws MalformedTraceException when the row has the wrong number of values or one is not a number
     */
    public boolean next(double[] into) throws IOException, MalformedTraceException {
        String text = in.readLine();
        if (text == null) {
            return false;
        }
        line++;
        String[] cells = text.split(",", -1);
        if (cells.length != columns.size()) {
            throw malformed("expected " + columns.size() + " values (one per column of the header), found "
                    + cells.length);
        }
        for (int c = 0; c < cells.length; c++) {
            try {
                into[c] = CsvTraceWriter.parse(cells[c].trim());
            } catch (NumberFormatException e) {
                throw malformed("the value of " + columns.get(c) + " is '" + abbreviate(cells[c])
                        + "', not a number");
            }
        }
        return true;
    }

    private static String abbreviate(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "...";
    }

    private MalformedTraceException malformed(String message) {
        return new MalformedTraceException(shown, line, message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Reads a whole trace into an evenly thinned copy (bounded memory however long the file), each column's kind
     * read from its name: what the plots and the report need.
     *
     * @param capacity most rows kept (evenly thinned, the last row always kept)
     * @throws MalformedTraceException when the file is not a trace (no {@code t_s} first, a short or long row, a
     *                                 cell that is not a number)
     * @throws IOException             when the file cannot be read
     */
    public static ThinnedTrace read(Path file, int capacity) throws IOException, MalformedTraceException {
        ThinnedTrace trace = new ThinnedTrace(capacity);
        try (TraceCsvReader reader = open(file, file.toString())) {
            if (!reader.columns().get(0).equals("t_s")) {
                throw reader.malformed("not a trace: its first column is not t_s");
            }
            List<TraceColumns.Column> columns = new java.util.ArrayList<>();
            for (String name : reader.columns()) {
                columns.add(new TraceColumns.Column(name, kindOf(name)));
            }
            trace.begin(columns);
            double[] row = new double[columns.size()];
            while (reader.next(row)) {
                trace.row(row);
            }
        }
        return trace;
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
