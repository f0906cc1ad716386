package org.ionflux.spark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ionflux.Sweep;

/**
 * The figures of benchmarks/README.md for Spark (not a test): {@code SparkSweepTiming SWEEP_FILE OUT MASTER RUNS}
 * starts one Spark context, then runs the sweep {@code RUNS} times into {@code OUT} (each run reads and validates the
 * sweep, runs every variant on Spark and writes {@code sweep.csv} and the plots), and prints the context's start-up
 * time and each run's wall time. The first runs warm the JIT of the driver and the executors; the median of the
 * last half is the warm figure.
 */
public final class SparkSweepTiming {

    private SparkSweepTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String master = args[2];
        int runs = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster(master).setAppName("ionflux timing")
                .set("spark.ui.enabled", "false"));
        double startS = (System.nanoTime() - t0) * 1e-9;
        double[] wall = new double[runs];
        try {
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                SparkSweep.Outcome o = SparkSweep.run(sc, Sweep.load(file), out, false, 0, start);
                wall[r] = o.wallS();
                System.out.printf(Locale.ROOT, "run %d: %.3f s, %d completed, %d partitions%n", r + 1, wall[r],
                        o.completed(), o.partitions());
            }
        } finally {
            sc.stop();
        }
        double[] warm = Arrays.copyOfRange(wall, runs / 2, runs);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "spark context start: %.3f s; first run: %.3f s; warm median (last %d runs): "
                + "%.3f s (min %.3f, max %.3f)%n", startS, wall[0], warm.length, warm[warm.length / 2], warm[0],
                warm[warm.length - 1]);
    }
}
