package org.ionflux.internal.output;

/** A {@code trace.csv} that cannot be read as a trace: a short row, a cell that is not a number, no header. */
public final class MalformedTraceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file    the file, as the user named it
     * @param line    1-based line (1 is the header)
     * @param message what is wrong there
     */
    public MalformedTraceException(String file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** @return the file, as the user named it */
    public String file() {
        return file;
    }

    /** @return the 1-based line */
    public long line() {
        return line;
    }
}
