package org.ionflux.internal.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that writes results: both start the JVM's shutdown, whose hook asks the
 * work to stop and then waits, at most {@link RunCommand#INTERRUPT_GRACE_S} seconds, until the command has
 * finished what it had computed ({@link #release}); then the JVM exits with 130 or 143.
 */
final class StopOnSignal {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal(Runnable requestStop, Runnable afterGrace) {
        hook = new Thread(() -> {
            requestStop.run();
            try {
                if (!finished.await(RunCommand.INTERRUPT_GRACE_S, TimeUnit.SECONDS)) {
                    afterGrace.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ionflux-interrupt");
    }

    /**
     * Installs the hook.
     *
     * @param requestStop asks the work to stop at its next step
     * @param afterGrace  runs when the work did not finish within the grace
     */
    static StopOnSignal install(Runnable requestStop, Runnable afterGrace) {
        StopOnSignal s = new StopOnSignal(requestStop, afterGrace);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Installs the hook, with nothing to do past the grace. */
    static StopOnSignal install(Runnable requestStop) {
        return install(requestStop, () -> { });
    }

    /** The command has finished: a waiting hook returns, and the hook is removed unless the JVM is shutting down. */
    void release() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting on a signal; it exits with 130 or 143 once the hook returns
        }
    }
}
