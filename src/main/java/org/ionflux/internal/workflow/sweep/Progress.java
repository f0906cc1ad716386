package org.ionflux.internal.workflow.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress line of a sweep on a terminal: variants done and failed, the rate, and the time left, rewritten in
 * place (carriage return) twice a second on standard error. {@link #none()} counts without printing (output that is
 * not a terminal stays quiet).
 */
public final class Progress {

    /** Time between two updates of the line, ms. */
    static final long PERIOD_MS = 500;

    private final PrintWriter err;
    private final String name;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private int total;
    private int before;
    private long startNanos;
    private Thread printer;
    private int lastLength;

    private Progress(PrintWriter err, String name) {
        this.err = err;
        this.name = name;
    }

    /** @return a progress line on {@code err} */
    public static Progress line(PrintWriter err, String name) {
        return new Progress(err, name);
    }

    /** @return a progress that prints nothing */
    public static Progress none() {
        return new Progress(null, "");
    }

    /**
     * Starts the clock (and the line).
     *
     * @param total  variants in the sweep
     * @param before variants that had a row already ({@code --resume}), of which {@code failedBefore} failed
     */
    void start(int total, int before, int failedBefore) {
        this.total = total;
        this.before = before;
        this.done.set(before);
        this.failed.set(failedBefore);
        this.startNanos = System.nanoTime();
        if (err != null) {
            printer = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        print();
                        Thread.sleep(PERIOD_MS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ionflux-sweep-progress");
            printer.setDaemon(true);
            printer.start();
        }
    }

    /** Counts a variant that has its row. */
    void finished(boolean completed) {
        done.incrementAndGet();
        if (!completed) {
            failed.incrementAndGet();
        }
    }

    /** Ends the line (a last update, then a line end). */
    void stop() {
        if (printer != null) {
            printer.interrupt();
            try {
                printer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            print();
            synchronized (this) {
                err.println();
                err.flush();
            }
        }
    }

    private synchronized void print() {
        String text = text(done.get(), failed.get(), (System.nanoTime() - startNanos) * 1e-9);
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < lastLength; i++) {
            line.append(' ');
        }
        lastLength = text.length();
        err.print(line);
        err.flush();
    }

    /** @return the line: {@code sweep NAME: 412/1000 done, 3 failed, 85.2 variants/s, 7 s left} */
    String text(int doneNow, int failedNow, double elapsedS) {
        int ran = doneNow - before;
        double rate = elapsedS > 0 ? ran / elapsedS : 0;
        String left = rate > 0 && doneNow < total ? ", " + duration((total - doneNow) / rate) + " left" : "";
        return String.format(Locale.ROOT, "sweep %s: %d/%d done, %d failed, %.1f variants/s%s", name, doneNow, total,
                failedNow, rate, left);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
