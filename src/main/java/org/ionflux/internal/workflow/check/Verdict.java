package org.ionflux.internal.workflow.check;

/**
 * What {@code ionflux check} says about one scenario: one line of the report, and one test case of the JUnit XML.
 *
 * @param scenario the scenario's name (the file name without its extension for a file that could not be read)
 * @param outcome  pass, failure or error; or, with {@code --update}, new, unchanged or changed
 * @param type     a short word for the kind of failure or error (JUnit's {@code type}), e.g. {@code values},
 *                 {@code no-reference}; empty when it passed
 * @param reason   one line: why it failed, or what {@code --update} found; empty for a plain pass
 * @param detail   more lines for the JUnit report (the worst value of every failing column, every problem of a
 *                 bad scenario); may be empty
 * @param wallTimeS wall time of this scenario's run and comparison, s
 */
public record Verdict(String scenario, Outcome outcome, String type, String reason, String detail, double wallTimeS) {

    /** The outcomes; the last three only with {@code --update}. */
    public enum Outcome {
        /** Its trace agrees with the reference. */
        PASS,
        /** A value, a column, an output time or an invariant is off (a JUnit failure). */
        FAILURE,
        /** It could not be compared: a bad scenario, a failed run, no or a malformed reference (a JUnit error). */
        ERROR,
        /** {@code --update}: a reference written where there was none. */
        NEW,
        /** {@code --update}: the new trace agrees with the old reference within the tolerances. */
        UNCHANGED,
        /** {@code --update}: the new trace differs from the old reference. */
        CHANGED;

        /** @return true for every outcome but a failure or an error */
        public boolean passed() {
            return this != FAILURE && this != ERROR;
        }
    }

    /** @return true unless it is a failure or an error */
    public boolean passed() {
        return outcome.passed();
    }

    /**
     * @return the report line: {@code PASS N}, {@code FAIL N: reason}; with {@code --update}: {@code new N},
     *     {@code unchanged N (reason)}, {@code changed N: reason}
     */
    public String line() {
        switch (outcome) {
            case PASS:
                return "PASS " + scenario;
            case NEW:
                return "new " + scenario;
            case UNCHANGED:
                return "unchanged " + scenario + (reason.isEmpty() ? "" : " (" + reason + ")");
            case CHANGED:
                return "changed " + scenario + ": " + reason;
            default:
                return "FAIL " + scenario + ": " + reason;
        }
    }
}
