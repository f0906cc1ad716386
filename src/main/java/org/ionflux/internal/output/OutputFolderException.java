package org.ionflux.internal.output;

/**
 * The chosen output folder cannot be used (it holds files that are not an earlier result, it is a file, it is the
 * root of the file system): bad input, exit code 2, and nothing is written.
 */
public final class OutputFolderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the folder as the user named it, and what is wrong */
    public OutputFolderException(String message) {
        super(message);
    }
}
