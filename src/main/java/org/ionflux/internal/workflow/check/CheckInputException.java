package org.ionflux.internal.workflow.check;

/**
 * Bad input to {@code ionflux check}, found before anything runs: no scenario, a path that does not exist, two
 * scenarios with one name, a {@code --junit} file that cannot be written, a wrong option. Exit code 2.
 */
public final class CheckInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message every problem found, one per line */
    public CheckInputException(String message) {
        super(message);
    }
}
