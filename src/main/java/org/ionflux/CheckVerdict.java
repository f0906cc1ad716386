package org.ionflux;

/**
 * What {@link Ionflux#check} says about one scenario: the line {@code ionflux check} prints for it.
 *
 * <pre>{@code
 * for (CheckVerdict v : Ionflux.check(List.of(Path.of("scenarios")), CheckOptions.defaults())) {
 *     if (!v.passed()) {
 *         System.err.println(v.line());   // FAIL donnan: plasma.V_mV at t = 12.0 s: run ..., reference ...
 *     }
 * }
 * }</pre>
 *
 * @param scenario  the scenario's name (for a file with problems, its file name without the extension)
 * @param outcome   whether it passed, and how
 * @param reason    why it failed (the worst value with its column, time, both values and the allowed difference;
 *                  a missing reference; ...), or what {@code update} found; empty for a plain pass
 * @param line      the report line, e.g. {@code PASS donnan} or {@code FAIL donnan: ...}
 * @param wallTimeS wall time of its run and comparison, s
 */
public record CheckVerdict(String scenario, Outcome outcome, String reason, String line, double wallTimeS) {

    /** How a scenario came out; the last three only when the references are updated. */
    public enum Outcome {
        /** Its trace agrees with the reference within the tolerances, and its invariants hold. */
        PASS,
        /** A value, a column, an output time or an invariant is off. */
        FAILURE,
        /** It could not be compared: a bad scenario, a failed run, a missing or malformed reference. */
        ERROR,
        /** A reference was written where there was none. */
        NEW,
        /** The new trace agrees with the old reference; the reference was rewritten. */
        UNCHANGED,
        /** The new trace differs from the old reference; the reference was rewritten. */
        CHANGED
    }

    /** @return true unless it is a failure or an error */
    public boolean passed() {
        return outcome != Outcome.FAILURE && outcome != Outcome.ERROR;
    }
}
