package org.ionflux.internal.workflow.sweep;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * The text of {@code sweep.csv} (docs/commands.md "sweep"): its header and lines. Cells are separated by commas; a
 * cell holding a comma, a double quote or a line end is written in double quotes with its quotes doubled (RFC 4180),
 * and line ends inside a message become spaces, so every row is one line. Numbers are written as in
 * {@code trace.csv} (the shortest text that reads back to the same double, {@code inf}, {@code -inf},
 * {@code nan}); a metric without a value is an empty cell.
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    /** @return the header cells: variant, the parameters, the metrics, status, message */
    public static List<String> header(SweepDefinition definition) {
        List<String> header = new ArrayList<>();
        header.add("variant");
        definition.parameters().forEach(p -> header.add(p.header()));
        definition.metrics().forEach(m -> header.add(m.header()));
        header.add("status");
        header.add("message");
        return header;
    }

    /** @return the cells joined into one line, escaped, with its line end */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    /** @return the cell as CSV: quoted when it holds a comma, a quote or a line end; line ends become spaces */
    static String escape(String cell) {
        String oneLine = cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (oneLine.indexOf(',') < 0 && oneLine.indexOf('"') < 0) {
            return oneLine;
        }
        return '"' + oneLine.replace("\"", "\"\"") + '"';
    }

    /**
     * Splits one line (without its line end) into cells, undoing {@link #escape}.
     *
     * @return the cells, or null when the line is not well formed (an unclosed quote)
     */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
