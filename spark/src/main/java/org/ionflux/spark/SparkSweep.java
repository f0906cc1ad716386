package org.ionflux.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ionflux.ScenarioException;
import org.ionflux.Sweep;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code spark-submit --class org.ionflux.spark.SparkSweep ionflux-spark.jar SWEEP_FILE --out DIR [--resume]
 * [--partitions N]}: runs a sweep file on Spark and writes {@code DIR/sweep.csv}, {@code DIR/sweep.json} and the
 * plots exactly as {@code ionflux sweep} does (the same bytes in {@code sweep.csv}).
 *
 * <p>The driver reads the sweep and validates every variant (bad input: exit 2, nothing runs), then cuts the
 * variants without a row into contiguous partitions. Each task gets the sweep as its two files' bytes (so executors
 * need no shared file system), runs its variants one after another with the core's {@link Sweep#run(int)} and
 * sends their rows back. The driver writes rows in variant order as partitions finish ({@link Sweep.Output}), so
 * a job killed midway keeps every row before the first unfinished partition, and {@code --resume} goes on from
 * there. {@code DIR} is a folder on the driver's machine. Exit codes as {@code ionflux sweep}: 0 every variant
 * completed, 1 some failed (or the outputs could not be written), 2 bad input.
 */
public final class SparkSweep {

    /** Partitions per core of the cluster ({@code spark.default.parallelism}) when {@code --partitions} is not given. */
    static final int PARTITIONS_PER_CORE = 4;

    private SparkSweep() {
    }

    /**
     * What a sweep on Spark did.
     *
     * @param variants   variants in the sweep
     * @param completed  variants whose row says completed (those kept by a resume included)
     * @param failed     variants whose row says failed
     * @param kept       rows kept from an earlier run
     * @param partitions partitions the remaining variants were cut into (0 when none remained)
     * @param folder     the output folder, absolute
     * @param wallS      wall time from the sweep's validation to its last plot, s
     */
    public record Outcome(int variants, int completed, int failed, int kept, int partitions, Path folder,
                          double wallS) {
    }

    /**
     * The command line, for {@code spark-submit}: the master and the rest of the Spark configuration come from
     * {@code spark-submit} ({@code --master local[2]}); run with plain {@code java}, it uses {@code local[*]}.
     */
    public static void main(String[] args) {
        int code = execute(args, null, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line.
     *
     * @param context the Spark context to use, or null to make one (and stop it at the end)
     * @return the exit code
     */
    public static int execute(String[] args, JavaSparkContext context, PrintStream out, PrintStream err) {
        Path sweepFile = null;
        Path dir = null;
        boolean resume = false;
        int partitions = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out":
                        dir = Path.of(args[++i]);
                        break;
                    case "--resume":
                        resume = true;
                        break;
                    case "--partitions":
                        partitions = Integer.parseInt(args[++i]);
                        if (partitions < 1) {
                            throw new IllegalArgumentException("--partitions must be at least 1");
                        }
                        break;
                    default:
                        if (args[i].startsWith("--") || sweepFile != null) {
                            throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                        }
                        sweepFile = Path.of(args[i]);
                }
            }
            if (sweepFile == null) {
                throw new IllegalArgumentException("no sweep file given");
            }
        } catch (RuntimeException e) {
            err.println("ionflux-spark: " + e.getMessage() + "\nusage: spark-submit --class " + SparkSweep.class.getName()
                    + " ionflux-spark.jar SWEEP_FILE [--out DIR] [--resume] [--partitions N]");
            return 2;
        }
        long start = System.nanoTime();
        Sweep sweep;
        try {
            sweep = Sweep.load(sweepFile);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (dir == null) {
            dir = Path.of("results", "sweeps", sweep.name());
        }
        JavaSparkContext sc = context;
        if (sc == null) {
            SparkConf conf = new SparkConf().setAppName("ionflux sweep " + sweep.name())
                    .setIfMissing("spark.master", "local[*]");
            sc = new JavaSparkContext(conf);
        }
        try {
            Outcome o = run(sc, sweep, dir, resume, partitions, start);
            out.printf(Locale.ROOT, "%s: %d variants, %d completed, %d failed%s; %.1f s on Spark %s (%d partitions); "
                            + "sweep.csv in %s%n", sweep.name(), o.variants(), o.completed(), o.failed(),
                    o.kept() > 0 ? " (" + o.kept() + " rows kept from the earlier run)" : "", o.wallS(),
                    sc.master(), o.partitions(), o.folder());
            if (o.failed() > 0) {
                err.printf(Locale.ROOT, "%s: %d variant%s failed; the reasons are in the message column of %s%n",
                        sweep.name(), o.failed(), o.failed() == 1 ? "" : "s", o.folder().resolve("sweep.csv"));
                return 1;
            }
            return 0;
        } catch (IOException e) {
            err.println(sweep.name() + ": " + e.getMessage());
            return e.getMessage() != null && (e.getMessage().contains("cannot resume")
                    || e.getMessage().contains("output folder")) ? 2 : 1;
        } finally {
            if (context == null) {
                sc.stop();
            }
        }
    }

    /**
     * Runs the variants of {@code sweep} that have no row in {@code dir} on Spark.
     *
     * @param partitions partitions to cut the variants into; 0 for {@link #PARTITIONS_PER_CORE} per core
     * @param startNanos when the sweep started (its validation), for the wall time
     * @throws IOException when {@code dir} may not be used, a resume is refused, or the outputs cannot be written
     */
    public static Outcome run(JavaSparkContext sc, Sweep sweep, Path dir, boolean resume, int partitions,
                              long startNanos) throws IOException {
        int n = sweep.size();
        int slices = 0;
        Path folder;
        int kept;
        int rows;
        int failed;
        try (Sweep.Output output = sweep.open(dir, resume)) {
            folder = output.folder();
            kept = output.firstMissing();
            if (kept < n) {
                slices = Math.min(n - kept, partitions > 0 ? partitions : PARTITIONS_PER_CORE
                        * sc.defaultParallelism());
                List<Integer> variants = IntStream.range(kept, n).boxed().collect(Collectors.toList());
                JavaRDD<Integer> rdd = sc.parallelize(variants, slices);
                AtomicReference<IOException> failure = new AtomicReference<>();
                ClassTag<Sweep.Row[]> tag = ClassTag$.MODULE$.apply(Sweep.Row[].class);
                sc.sc().runJob(rdd.rdd(), new RunVariants(sweep), new WriteRows(output, failure), tag);
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            rows = output.rows();
            failed = output.failedRows();
        }
        return new Outcome(n, rows - failed, failed, kept, slices, folder, (System.nanoTime() - startNanos) * 1e-9);
    }

    /** On an executor: runs the variants of one partition, in order, with the core API. */
    static final class RunVariants extends AbstractFunction1<scala.collection.Iterator<Integer>, Sweep.Row[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Travels as the bytes of its sweep file and base scenario. */
        private final Sweep sweep;

        RunVariants(Sweep sweep) {
            this.sweep = sweep;
        }

        @Override
        public Sweep.Row[] apply(scala.collection.Iterator<Integer> variants) {
            List<Sweep.Row> rows = new ArrayList<>();
            while (variants.hasNext()) {
                rows.add(sweep.run(variants.next()));
            }
            return rows.toArray(new Sweep.Row[0]);
        }
    }

    /** On the driver, as each partition finishes: hands its rows to the output, which writes them in order. */
    static final class WriteRows extends AbstractFunction2<Object, Sweep.Row[], BoxedUnit> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Sweep.Output output;
        private final transient AtomicReference<IOException> failure;

        WriteRows(Sweep.Output output, AtomicReference<IOException> failure) {
            this.output = output;
            this.failure = failure;
        }

        @Override
        public BoxedUnit apply(Object partition, Sweep.Row[] rows) {
            if (failure.get() == null) {
                try {
                    for (Sweep.Row row : rows) {
                        output.accept(row);
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }
            return BoxedUnit.UNIT;
        }
    }
}
