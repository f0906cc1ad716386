package org.ionflux.internal.workflow.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ionflux.internal.solver.RunControl;

/**
 * Runs the variants that have no row yet on {@code threads} threads and hands their rows to the output, which
 * writes them in variant order. Threads take variants in order; a thread does not start a variant more than
 * {@link #window} variants after the next row to write, so the rows waiting for a slow variant stay few and memory
 * does not grow with the number of variants.
 */
final class SweepRunner {

    /** Variants a thread may run ahead of the next row to write, per thread (at least {@link #MIN_WINDOW}). */
    static final int WINDOW_PER_THREAD = 256;
    /** Smallest window. */
    static final int MIN_WINDOW = 1024;

    private SweepRunner() {
    }

    /** @return how many variants may be started beyond the next row to write */
    static int window(int threads) {
        return Math.max(MIN_WINDOW, WINDOW_PER_THREAD * threads);
    }

    /**
     * Runs variants {@code output.next()} to the last.
     *
     * @param tracesDir where each variant's run outputs go, or null
     * @throws IOException when {@code sweep.csv} cannot be written (the other threads are stopped)
     */
    static void run(SweepPlan plan, SweepOutput output, int threads, Path tracesDir, Progress progress,
                    SweepControl control) throws IOException {
        int n = plan.variants().count();
        AtomicInteger next = new AtomicInteger(output.next());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int window = window(threads);
        List<Thread> workers = new ArrayList<>();
        int count = Math.max(1, Math.min(threads, n - output.next()));
        for (int w = 0; w < count; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (!control.isStopRequested()) {
                        int i = next.getAndIncrement();
                        if (i >= n || !output.awaitRoom(i, window, control::isStopRequested)) {
                            return;
                        }
                        RunControl run = control.start();
                        SweepRow row;
                        try {
                            row = plan.run(i, run, tracesDir);
                        } finally {
                            control.end(run);
                        }
                        if (row == null) {
                            return; // stopped: the variant has no row
                        }
                        output.accept(row);
                        progress.finished(row.completed());
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    control.requestStop();
                    output.wakeAll();
                }
            }, "ionflux-sweep-" + w);
            workers.add(t);
            t.start();
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            control.requestStop();
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }
}
