package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ionflux.internal.solver.RunControl;

/**
 * The progress bar of {@code run} on a terminal: one line on stderr, redrawn twice a second, with the simulated
 * time against the duration, steps per second and the time left; erased when the run ends.
 *
 * <p>Example: {@code Progress p = Progress.start(control, 600, err); ...; p.stop();}
 */
final class Progress {

    /** Time between two redraws, ms. */
    static final long PERIOD_MS = 500;
    private static final int WIDTH = 24;

    private final RunControl control;
    private final double durationS;
    private final PrintWriter err;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private volatile boolean stopped;
    private int lastLength;

    private Progress(RunControl control, double durationS, PrintWriter err) {
        this.control = control;
        this.durationS = durationS;
        this.err = err;
        this.thread = new Thread(this::loop, "ionflux-progress");
        thread.setDaemon(true);
    }

    /** Starts drawing on {@code err}. */
    static Progress start(RunControl control, double durationS, PrintWriter err) {
        Progress p = new Progress(control, durationS, err);
        p.thread.start();
        return p;
    }

    /** Stops drawing and erases the line. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
                lastLength = 0;
            }
        }
    }

    private void loop() {
        long lastSteps = 0;
        long lastNanos = startNanos;
        while (!stopped) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long steps = control.steps();
            double rate = (steps - lastSteps) / ((now - lastNanos) / 1e9);
            lastSteps = steps;
            lastNanos = now;
            String line = line(control.timeS(), durationS, rate, (now - startNanos) / 1e9);
            synchronized (this) {
                if (stopped) {
                    return;
                }
                String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
                err.print("\r" + padded);
                err.flush();
                lastLength = line.length();
            }
        }
    }

    /**
     * @return the bar for simulated time {@code t} of {@code duration}, {@code rate} steps/s, {@code elapsed} s of
     *     wall time, e.g. {@code [#########...............]  37%  t = 222 s of 600 s, 1840 steps/s, 1 min 4 s left}
     */
    static String line(double t, double duration, double rate, double elapsed) {
        double fraction = duration > 0 ? Math.min(1, Math.max(0, t / duration)) : 0;
        int filled = (int) Math.floor(fraction * WIDTH);
        String left = fraction >= 1 ? "writing the outputs" : fraction > 0 && elapsed > 0 ? duration(elapsed * (1 - fraction) / fraction) + " left"
                : "time left unknown";
        return String.format(Locale.ROOT, "[%s%s] %3d%%  t = %s of %s, %s steps/s, %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), seconds(t), seconds(duration),
                Double.isFinite(rate) ? String.format(Locale.ROOT, "%.0f", rate) : "?", left);
    }

    /** @return a simulated time with three significant digits and its unit */
    static String seconds(double s) {
        String text = String.format(Locale.ROOT, "%.3g", s);
        if (text.contains("e")) {
            text = text.replaceAll("\\.?0+e", "e");
        } else if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text + " s";
    }

    /** @return a wall time in words: "12 s", "4 min 5 s", "13 h 20 min" */
    static String duration(double s) {
        long total = Math.round(s);
        if (total < 60) {
            return total + " s";
        }
        if (total < 3600) {
            return total / 60 + " min " + total % 60 + " s";
        }
        return total / 3600 + " h " + (total % 3600) / 60 + " min";
    }

    /**
     * @return true if this process's stderr is a terminal (Linux: file descriptor 2 is a tty or pseudo-terminal);
     *     false where that cannot be told
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
