package org.ionflux.internal.solver;

/** Lets another thread (a Ctrl-C handler) ask a running simulation to stop at its next step. */
public final class RunControl {

    private volatile boolean stopRequested;

    /** Asks the run to stop; it ends with status {@code interrupted}. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return true once a stop was requested */
    public boolean isStopRequested() {
        return stopRequested;
    }
}
