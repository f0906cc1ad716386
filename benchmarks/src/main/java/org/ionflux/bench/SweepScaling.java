package org.ionflux.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ionflux.Result;
import org.ionflux.Scenario;
import org.ionflux.internal.workflow.sweep.Progress;
import org.ionflux.internal.workflow.sweep.SweepControl;
import org.ionflux.internal.workflow.sweep.SweepJob;
import org.ionflux.internal.workflow.sweep.SweepPlan;

/**
 * The sweep figures of benchmarks/README.md (a {@code main}, not JMH: on a shared machine the configurations are
 * interleaved round by round, so that a burst of other work hits them all alike). {@code SweepScaling [SWEEP_FILE]
 * [ROUNDS]} (default {@code sweeps/seed-conductance.yaml}, 8 rounds, after 4 rounds of warm-up) times, each round:
 * the sweep on 1 and on 2 threads, split into its phases (reading and validating every variant; running them and
 * writing {@code sweep.csv}; the plots), and the same variants as a user's loop through the API,
 * {@code Scenario.with(path, value).run()} on a plain pool of 1 and 2 threads. Prints the medians, the speed-ups,
 * the overhead of the sweep over the loop, the sum of the variants' integration times, the process's CPU time
 * and the machine's load average.
 */
public final class SweepScaling {

    private SweepScaling() {
    }

    public static void main(String[] args) throws Exception {
        Path file = SweepBenchmark.find(args.length > 0 ? args[0] : "sweeps/seed-conductance.yaml");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = 4;
        Path out = Files.createTempDirectory("ionflux-sweep-scaling");
        SweepPlan first = SweepPlan.load(file, 1);
        Scenario base = org.ionflux.Ionflux.load(first.definition().base().file());
        String path = first.definition().parameters().get(0).path();
        double[] values = new double[first.variants().count()];
        for (int v = 0; v < values.length; v++) {
            values[v] = first.variants().value(v, 0);
        }
        String[] names = {"sweep 1 thread", "sweep 2 threads", "api loop 1 thread", "api loop 2 threads"};
        double[][] wall = new double[4][rounds];
        double[][] phases = new double[4][rounds]; // validate, then run + sweep.csv + plots, for 1 and 2 threads
        double[][] plots = new double[2][rounds];
        double[][] cpu = new double[4][rounds];
        double[] integration = new double[rounds];
        String loadBefore = load();
        for (int r = -warmup; r < rounds; r++) {
            for (int c = 0; c < 4; c++) {
                int threads = c % 2 == 0 ? 1 : 2;
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                if (c < 2) {
                    SweepPlan plan = SweepPlan.load(file, threads);
                    long t1 = System.nanoTime();
                    SweepJob.run(plan, out.resolve("s" + threads), threads, false, false, Progress.none(),
                            new SweepControl());
                    if (r >= 0) {
                        phases[2 * c][r] = (t1 - t0) * 1e-9;
                        phases[2 * c + 1][r] = (System.nanoTime() - t1) * 1e-9;
                    }
                } else {
                    double integ = apiLoop(base, path, values, threads);
                    if (r >= 0 && threads == 1) {
                        integration[r] = integ;
                    }
                }
                if (r >= 0) {
                    wall[c][r] = (System.nanoTime() - t0) * 1e-9;
                    cpu[c][r] = (cpuNanos() - cpu0) * 1e-9;
                }
            }
            if (r >= 0) {
                // the plots alone, drawn again from each sweep.csv on the same number of threads
                for (int c = 0; c < 2; c++) {
                    long t0 = System.nanoTime();
                    SweepJob.plots(first, out.resolve("s" + (c + 1)), c + 1);
                    plots[c][r] = (System.nanoTime() - t0) * 1e-9;
                }
            }
        }
        String loadAfter = load();
        System.out.printf(Locale.ROOT, "%s: %d variants, %d rounds (after %d of warm-up), medians:%n", file,
                values.length, rounds, warmup);
        for (int c = 0; c < 4; c++) {
            System.out.printf(Locale.ROOT, "  %-20s %7.3f s wall (min %.3f, max %.3f), %7.3f s CPU%n", names[c],
                    median(wall[c]), min(wall[c]), max(wall[c]), median(cpu[c]));
        }
        for (int c = 0; c < 2; c++) {
            System.out.printf(Locale.ROOT, "  sweep %d thread%s: read and validate %.3f s, run + sweep.csv + plots "
                            + "%.3f s, of which the %d plots alone %.3f s%n", c + 1, c == 0 ? "" : "s",
                    median(phases[2 * c]), median(phases[2 * c + 1]),
                    first.definition().metrics().size() * first.definition().parameters().size(),
                    median(plots[c]));
        }
        double s1 = median(wall[0]);
        double s2 = median(wall[1]);
        double a1 = median(wall[2]);
        double a2 = median(wall[3]);
        double p1 = median(plots[0]);
        double p2 = median(plots[1]);
        System.out.printf(Locale.ROOT, "  speed-up 2 threads / 1: sweep %.2fx (without the plots %.2fx), api loop "
                + "%.2fx%n", s1 / s2, (s1 - p1) / (s2 - p2), a1 / a2);
        System.out.printf(Locale.ROOT, "  sweep over api loop: %+.1f %% at 1 thread, %+.1f %% at 2 threads; without "
                + "the plots %+.1f %% and %+.1f %%%n", 100 * (s1 / a1 - 1), 100 * (s2 / a2 - 1),
                100 * ((s1 - p1) / a1 - 1), 100 * ((s2 - p2) / a2 - 1));
        double sumIntegration = median(integration);
        System.out.printf(Locale.ROOT, "  sum of the variants' integration times (api loop, 1 thread): %.3f s; "
                + "sweep on 1 thread without the plots minus it: %.3f s (%.1f %% of it)%n", sumIntegration,
                s1 - p1 - sumIntegration, 100 * (s1 - p1 - sumIntegration) / sumIntegration);
        System.out.printf(Locale.ROOT, "  load average before: %s; after: %s%n", loadBefore, loadAfter);
    }

    /** @return the sum of the runs' integration wall times, s */
    private static double apiLoop(Scenario base, String path, double[] values, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Double>> runs = new ArrayList<>();
            for (double v : values) {
                runs.add(() -> {
                    Result r = base.with(path, v).run();
                    r.last("t_s");
                    return r.integrationWallTimeS();
                });
            }
            double sum = 0;
            for (Future<Double> f : pool.invokeAll(runs)) {
                sum += f.get();
            }
            return sum;
        } finally {
            pool.shutdown();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return String.join(" ", Arrays.copyOf(parts, 3));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(Double.NaN);
    }
}
