package org.ionflux.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ionflux.Scenario;
import org.ionflux.ScenarioException;
import org.ionflux.Sweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: a sweep should cost what its variants cost, and use every core. {@code sweep} times the whole of
 * {@code ionflux sweep sweeps/seed-conductance.yaml --threads N} through the API (reading and validating the 1000
 * variants, running them, {@code sweep.csv} and the 3 plots); {@code apiLoop} times the same 1000 variants as a
 * user's own loop would run them, {@code Scenario.with(path, value).run()} on a plain thread pool of N threads
 * (whole traces in memory, no metrics, no files). The ratio of the two at one thread is the sweep machinery's
 * overhead; the ratio of 2 threads to 1 is the speed-up, and {@code apiLoop}'s own speed-up says what the machine
 * allows. One shot per iteration (a sweep takes seconds).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SweepBenchmark {

    /** The parameter the sweep varies. */
    static final String PATH = "membranes.plasma.channels[0].conductance";

    /** Threads running variants. */
    @Param({"1", "2"})
    public int threads;

    private Path sweepFile;
    private Path out;
    private Scenario base;
    private double[] conductances;

    @Setup(Level.Trial)
    public void prepare() throws IOException, ScenarioException {
        sweepFile = find("sweeps/seed-conductance.yaml");
        Sweep sweep = Sweep.load(sweepFile);
        base = sweep.scenario();
        conductances = new double[sweep.size()];
        for (int v = 0; v < conductances.length; v++) {
            conductances[v] = sweep.values(v)[0];
        }
        out = Files.createTempDirectory("ionflux-sweep-bench");
    }

    /** @return the file from the repository's top folder or from {@code benchmarks/} */
    static Path find(String path) {
        Path here = Path.of(path);
        return Files.exists(here) ? here : Path.of("..").resolve(path);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        try (var files = Files.walk(out)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int sweep() throws IOException, ScenarioException {
        return Sweep.load(sweepFile).run(out.resolve("sweep"), threads).completed();
    }

    @Benchmark
    public double apiLoop() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Double>> runs = new ArrayList<>();
            for (double g : conductances) {
                runs.add(() -> base.with(PATH, g).run().last("cell.Cl_mM"));
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
}
