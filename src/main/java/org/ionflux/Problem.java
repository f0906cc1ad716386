package org.ionflux;

/**
 * One defect of a scenario, located: the file, the field path and, for a file, the line and column. Immutable.
 *
 * <pre>{@code
 * Problem p = e.problems().get(0);
 * p.path();      // "membranes.plasma.channels[1].conductance"
 * p.format();    // "bad.yaml:14:9: membranes.plasma.channels[1].conductance: ..."
 * }</pre>
 *
 * @param file    the file as the user named it
 * @param path    field path, e.g. {@code membranes.plasma.channels[1].conductance}; empty for the whole file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what was found and what is expected
 */
public record Problem(String file, String path, int line, int column, String message) {

    /** @return {@code file:line:column: path: message}, the parts that are known */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
