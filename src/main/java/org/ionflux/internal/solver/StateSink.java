package org.ionflux.internal.solver;

/** Receives the solver state at every output time of a run, in time order, as it is computed. */
public interface StateSink {

    /**
     * @param timeS the output time, s (exactly {@code k * output_interval}, or the duration)
     * @param y     the state at that time (SI; only valid during the call: copy what you keep)
     */
    void sample(double timeS, double[] y);
}
