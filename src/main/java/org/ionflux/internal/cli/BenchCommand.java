package org.ionflux.internal.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.output.JsonWriter;
import org.ionflux.internal.workflow.RunJob;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux bench SCENARIO [--repeat N] [--warmup W]}: warm integration time, no files written. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the integration of a scenario (trace kept in memory, nothing written); print JSON.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file")
    private Path scenario;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "10", description = "timed runs (default 10)")
    private int repeat;

    @Option(names = "--warmup", paramLabel = "W", description = "warm-up runs (default: as many as fit in "
            + "3 s, at least 3 and at most 1000, so that the JIT has compiled the hot paths)")
    private Integer warmup;

    @Option(names = "--serve", description = "after the warm-up print {\"ready\":true}, then for every number N "
            + "read from standard input time N runs and print their median and minimum (s) as one JSON line, until "
            + "the end of input: to alternate short batches with another program (benchmarks/compare/pingpong.py)")
    private boolean serve;

    /** Default warm-up budget, s. */
    static final double DEFAULT_WARMUP_S = 3.0;
    /** Default warm-up bounds, runs. */
    static final int MIN_WARMUP = 3;
    static final int MAX_WARMUP = 1000;

    /**
     * The trace every run samples into, in memory: one for all runs (as the C comparison program keeps one buffer),
     * so that a timed run neither grows nor allocates and zeroes its rows.
     */
    private final InMemoryTrace trace = new InMemoryTrace();

    /** One run with the trace sampled in memory. */
    private RunResult run(LoadedScenario loaded) {
        return RunJob.runInMemory(loaded.model(), new RunControl(), trace).result();
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || (warmup != null && warmup < 0)) {
            spec.commandLine().getErr().println("bench: --repeat must be >= 1 and --warmup >= 0");
            return Main.BAD_INPUT;
        }
        LoadedScenario loaded = ScenarioLoading.load(scenario, spec.commandLine().getErr());
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        int warmupRuns = 0;
        long warmupStart = System.nanoTime();
        while (warmup != null ? warmupRuns < warmup : warmupRuns < MIN_WARMUP
                || (warmupRuns < MAX_WARMUP && (System.nanoTime() - warmupStart) * 1e-9 < DEFAULT_WARMUP_S)) {
            RunResult r = run(loaded);
            if (r.status() != RunResult.Status.COMPLETED) {
                spec.commandLine().getErr().println("bench: the run failed: " + r.error());
                return Main.ENGINE_FAILURE;
            }
            warmupRuns++;
        }
        if (serve) {
            return serve(loaded);
        }
        double[] times = new double[repeat];
        RunResult last = timeRuns(loaded, times);
        if (last == null) {
            return Main.ENGINE_FAILURE;
        }
        double median = sortedMedian(times);
        JsonWriter json = new JsonWriter(false).beginObject();
        json.name("scenario").value(loaded.model().name());
        json.name("solver").value(last.solverName());
        json.name("repeats").value(repeat);
        json.name("warmup_runs").value(warmupRuns);
        json.name("integration_wall_time_s").beginObject();
        json.name("median").value(median);
        json.name("min").value(times[0]);
        json.name("max").value(times[repeat - 1]);
        json.endObject();
        json.name("steps").value(last.steps());
        json.name("rhs_evaluations").value(last.rhsEvaluations());
        json.name("jacobian_evaluations").value(last.jacobianEvaluations());
        json.endObject();
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** Batches of runs as standard input asks for them ({@code --serve}). */
    private int serve(LoadedScenario loaded) throws java.io.IOException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("{\"ready\":true}");
        out.flush();
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
            int n;
            try {
                n = Integer.parseInt(line.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                spec.commandLine().getErr().println("bench --serve: expected a number of runs >= 1 per line, got '"
                        + line.strip() + "'");
                return Main.BAD_INPUT;
            }
            double[] times = new double[n];
            if (timeRuns(loaded, times) == null) {
                return Main.ENGINE_FAILURE;
            }
            double median = sortedMedian(times);
            JsonWriter json = new JsonWriter(false).beginObject();
            json.name("median").value(median);
            json.name("min").value(times[0]);
            json.endObject();
            out.println(json);
            out.flush();
        }
        return Main.OK;
    }

    /**
     * Times {@code times.length} runs into {@code times} (s).
     *
     * @return the last run, or null after reporting a failed one
     */
    private RunResult timeRuns(LoadedScenario loaded, double[] times) {
        RunResult last = null;
        for (int i = 0; i < times.length; i++) {
            last = run(loaded);
            if (last.status() != RunResult.Status.COMPLETED) {
                spec.commandLine().getErr().println("bench: the run failed: " + last.error());
                return null;
            }
            times[i] = last.integrationWallTimeS();
        }
        return last;
    }

    /** Sorts {@code times} and returns their median. */
    private static double sortedMedian(double[] times) {
        Arrays.sort(times);
        int n = times.length;
        return n % 2 == 1 ? times[n / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]);
    }
}
