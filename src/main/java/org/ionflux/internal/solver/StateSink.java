package org.ionflux.internal.solver;

/** Receives the solver state at every output time of a run, in time order, as it is computed. */
public interface StateSink {

    /**
     * @param timeS the output time, s (exactly {@code k * output_interval}, or the duration)
     * @param y     the state at that time (SI; only valid during the call: copy what you keep)
     */
    void sample(double timeS, double[] y);

    /**
     * Announces that the states of the samples that follow, until the next call, lie componentwise within
     * {@code [lowest, highest]} (null: unknown), so that a sink may check something once for all of them. The arrays
     * are valid during the call only. The default ignores it.
     */
    default void rowsWithin(double[] lowest, double[] highest) {
    }
}
