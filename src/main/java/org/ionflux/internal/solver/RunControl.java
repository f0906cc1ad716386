package org.ionflux.internal.solver;

/**
 * Lets another thread ask a running simulation to stop at its next step (a Ctrl-C or SIGTERM handler), and see
 * how far it got (a progress bar).
 */
public final class RunControl {

    private volatile boolean stopRequested;
    private volatile double time;
    private volatile long steps;

    /** Asks the run to stop; it ends with status {@code interrupted}. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return true once a stop was requested */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Called by the run after every accepted step. */
    void progress(double timeS, long acceptedSteps) {
        time = timeS;
        steps = acceptedSteps;
    }

    /** @return the simulated time reached so far, s (0 before the first step) */
    public double timeS() {
        return time;
    }

    /** @return the accepted steps so far */
    public long steps() {
        return steps;
    }
}
