package org.ionflux.internal.workflow.sweep;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ionflux.internal.solver.RunControl;

/** Lets another thread (a Ctrl-C handler) stop a sweep: no variant starts after it, and those running stop. */
public final class SweepControl {

    private volatile boolean stopRequested;
    private final Set<RunControl> running = ConcurrentHashMap.newKeySet();

    /** Stops the sweep: the variants running stop at their next step and get no row. */
    public void requestStop() {
        stopRequested = true;
        running.forEach(RunControl::requestStop);
    }

    /** @return true once a stop was requested */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** @return the control of a variant that starts now (already stopped if the sweep is) */
    RunControl start() {
        RunControl control = new RunControl();
        running.add(control);
        if (stopRequested) {
            control.requestStop();
        }
        return control;
    }

    /** The variant of {@code control} has ended. */
    void end(RunControl control) {
        running.remove(control);
    }
}
