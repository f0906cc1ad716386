package org.ionflux.internal.workflow.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceRecorder;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.SweepDefinition;
import org.ionflux.internal.scenario.SweepFileReader;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;
import org.ionflux.internal.workflow.RunJob;

/**
 * A sweep ready to run: its file read, its variants made, and (when loaded from a file) every variant validated
 * before any runs; and the run of one variant, reduced to its {@code sweep.csv} row. The command, the public
 * {@code Sweep} and the Spark job all run variants through {@link #run}, so a row does not depend on who ran it.
 *
 * <p>Validation makes each variant's scenario and compiles it (that gives its trace columns, which the metrics'
 * columns are checked against). The compiled variants are kept for their run through soft references (the garbage
 * collector takes them back when memory is short), for at most one variant per 64 KiB of the heap's maximum, so a
 * small sweep does not make them twice and a huge one stays within its heap.
 */
public final class SweepPlan {

    /** Heap bytes per variant kept compiled between validation and run. */
    static final long HEAP_BYTES_PER_KEPT_VARIANT = 64 * 1024;
    /** Variants a validation thread takes at a time. */
    private static final int CHUNK = 32;

    private final SweepDefinition definition;
    private final Variants variants;
    private final List<String> header;
    private final AtomicReferenceArray<SoftReference<Compiled>> kept;

    /** A variant's scenario and its compiled, not yet run, simulation. */
    private record Compiled(LoadedScenario scenario, Simulation simulation) {
    }

    private SweepPlan(SweepDefinition definition, int keep) {
        this.definition = definition;
        this.variants = new Variants(definition);
        this.header = List.copyOf(SweepCsv.header(definition));
        this.kept = new AtomicReferenceArray<>(Math.min(keep, variants.count()));
    }

    /**
     * Reads a sweep file and validates every variant, on {@code threads} threads.
     *
     * @throws ScenarioException with every problem of the sweep file and its base scenario, and every metric whose
     *                           column no variant's trace has; nothing has run
     */
    public static SweepPlan load(Path sweepFile, int threads) throws ScenarioException {
        return validated(SweepFileReader.read(sweepFile), threads);
    }

    /**
     * A sweep sent as the bytes of its two files (to a Spark executor), read again but not validated again: the
     * sender validated it.
     *
     * @throws ScenarioException if it cannot be read (it could when it was sent: the bytes differ)
     */
    public static SweepPlan fromBytes(String sweepName, byte[] sweepBytes, String scenarioName,
                                      byte[] scenarioBytes) throws ScenarioException {
        SweepFileReader.Reading reading = SweepFileReader.fromBytes(sweepName, sweepBytes, scenarioName,
                scenarioBytes);
        if (!reading.problems().isEmpty() || !reading.variantsUsable()) {
            throw new ScenarioException(reading.problems().isEmpty() ? List.of(new Problem(sweepName, "", 0, 0,
                    "the sweep cannot be read")) : reading.problems());
        }
        return new SweepPlan(reading.definition(), 0);
    }

    private static SweepPlan validated(SweepFileReader.Reading reading, int threads) throws ScenarioException {
        List<Problem> problems = new ArrayList<>(reading.problems());
        SweepPlan plan = null;
        if (reading.variantsUsable()) {
            long keep = Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_KEPT_VARIANT;
            plan = new SweepPlan(reading.definition(), (int) Math.min(Integer.MAX_VALUE, keep));
            Set<String> columns = plan.validateAll(threads);
            for (SweepDefinition.Metric m : reading.definition().metrics()) {
                if (!columns.contains(m.column())) {
                    problems.add(new Problem(reading.definition().file(), m.path(), m.line(), m.fileColumn(),
                            "no variant's trace has a column '" + m.column() + "'; the columns are "
                                    + shortList(new TreeSet<>(columns))));
                }
            }
        }
        if (plan == null && problems.isEmpty()) {
            problems.add(new Problem(reading.definition() == null ? "sweep" : reading.definition().file(), "", 0, 0,
                    "the sweep cannot be read"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return plan;
    }

    private static String shortList(Set<String> columns) {
        List<String> list = new ArrayList<>(columns);
        return list.size() <= 40 ? String.join(", ", list) : String.join(", ", list.subList(0, 40)) + ", ... ("
                + list.size() + " in all)";
    }

    /**
     * Makes and compiles every variant, keeps the first ones compiled, and collects the trace columns any variant
     * has. A variant that its scenario rejects is not a problem of the sweep: it becomes a failed row when it runs.
     *
     * @return the union of the variants' recorded trace columns (the base scenario's when every variant is rejected)
     */
    private Set<String> validateAll(int threads) {
        int n = variants.count();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, (n + CHUNK - 1) / CHUNK));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ionflux-sweep-validate");
            t.setDaemon(true);
            return t;
        });
        List<Future<Set<String>>> parts = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    Set<String> seen = new HashSet<>();
                    Set<List<String>> seenSets = new HashSet<>();
                    for (int start = next.getAndAdd(CHUNK); start < n; start = next.getAndAdd(CHUNK)) {
                        for (int i = start; i < Math.min(n, start + CHUNK); i++) {
                            Compiled c = compileOrNull(i);
                            if (c == null) {
                                continue;
                            }
                            List<String> names = recordedColumns(c);
                            if (seenSets.add(names)) {
                                seen.addAll(names);
                            }
                            if (i < kept.length()) {
                                kept.set(i, new SoftReference<>(c));
                            }
                        }
                    }
                    return seen;
                }));
            }
            Set<String> union = new HashSet<>();
            for (Future<Set<String>> f : parts) {
                union.addAll(f.get());
            }
            if (union.isEmpty()) {
                Simulation base = new Simulation(definition.base().model());
                union.addAll(recordedColumns(new Compiled(definition.base(), base)));
            }
            return union;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating the variants", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validating the variants failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the variant compiled, or null when its scenario rejects its values */
    private Compiled compileOrNull(int variant) {
        try {
            LoadedScenario scenario = variants.scenario(variant, false);
            return new Compiled(scenario, new Simulation(scenario.model()));
        } catch (ScenarioException | RuntimeException e) {
            return null;
        }
    }

    /** @return the trace columns the variant records ({@code simulation.record}) */
    private static List<String> recordedColumns(Compiled c) {
        TraceColumns columns = new TraceColumns(c.simulation().system(), c.scenario().model().settings().record());
        return columns.columns().stream().map(TraceColumns.Column::name).toList();
    }

    /** @return the sweep */
    public SweepDefinition definition() {
        return definition;
    }

    /** @return the variants */
    public Variants variants() {
        return variants;
    }

    /** @return the columns of {@code sweep.csv} */
    public List<String> header() {
        return header;
    }

    /**
     * Runs one variant and reduces its trace to its row. Nothing but the metrics is kept; with {@code tracesDir},
     * the run's outputs are also written to {@code tracesDir/<variant>/} as {@code ionflux run} writes them (or
     * {@code <variant>.failed}) and the metrics are read back from its {@code trace.csv}, which holds the same
     * numbers.
     *
     * @param control   lets another thread stop the run
     * @param tracesDir where the variants' run outputs go, or null to write none
     * @return the row; null when the run was stopped through {@code control} (the variant has no row then)
     */
    public SweepRow run(int variant, RunControl control, Path tracesDir) {
        double[] values = variants.values(variant);
        int metricCount = definition.metrics().size();
        Compiled compiled = takeKept(variant);
        try {
            if (compiled == null) {
                LoadedScenario scenario;
                try {
                    scenario = variants.scenario(variant, false);
                } catch (ScenarioException e) {
                    return SweepRow.failed(variant, values, metricCount, rejection(e));
                }
                compiled = new Compiled(scenario, tracesDir == null ? new Simulation(scenario.model()) : null);
            }
            return tracesDir == null ? runStreaming(variant, values, compiled, control)
                    : runWithTraces(variant, values, compiled.scenario(), control, tracesDir);
        } catch (RuntimeException | StackOverflowError e) {
            return SweepRow.failed(variant, values, metricCount, "internal error: " + e);
        }
    }

    private Compiled takeKept(int variant) {
        if (variant >= kept.length()) {
            return null;
        }
        SoftReference<Compiled> ref = kept.getAndSet(variant, null);
        return ref == null ? null : ref.get();
    }

    /** @return the problems of a rejected variant, one sentence each: {@code path: message; ...} */
    private static String rejection(ScenarioException e) {
        List<String> parts = new ArrayList<>();
        for (Problem p : e.problems()) {
            parts.add(p.path().isEmpty() ? p.message() : p.path() + ": " + p.message());
        }
        return "the scenario rejects this variant: " + String.join("; ", parts);
    }

    private SweepRow runStreaming(int variant, double[] values, Compiled compiled, RunControl control) {
        Simulation simulation = compiled.simulation();
        if (simulation == null) {
            simulation = new Simulation(compiled.scenario().model());
        }
        List<SweepDefinition.Metric> metrics = definition.metrics();
        // only the metrics' columns are computed (those the scenario records): the same numbers as a full trace
        List<String> recorded = recordedColumns(new Compiled(compiled.scenario(), simulation));
        List<String> needed = new ArrayList<>();
        for (SweepDefinition.Metric m : metrics) {
            if (recorded.contains(m.column()) && !needed.contains(m.column())) {
                needed.add(m.column());
            }
        }
        if (needed.isEmpty()) {
            needed.add("t_s");
        }
        RunResult result;
        try (MetricsSink sink = new MetricsSink(metrics, compiled.scenario().model().settings().absoluteTolerance())) {
            String solver = compiled.scenario().model().settings().solver().key();
            try {
                result = simulation.run(new TraceRecorder(simulation.system(), needed, sink), control);
            } catch (RuntimeException | StackOverflowError e) {
                result = RunResult.failedOutsideTheSolver(solver, "internal error: " + e, Double.NaN);
            }
            return row(variant, values, result, sink);
        }
    }

    private SweepRow runWithTraces(int variant, double[] values, LoadedScenario scenario, RunControl control,
                                   Path tracesDir) {
        int metricCount = definition.metrics().size();
        RunJob.Outcome outcome;
        try {
            // identified by the SHA-256 of its tree, as Scenario.with identifies an edited scenario; the run keeps
            // that tree as its scenario.json
            LoadedScenario identified = new LoadedScenario(scenario.model(), scenario.file(), scenario.tree().sha256(),
                    scenario.warnings(), scenario.tree(), scenario.check());
            outcome = RunJob.run(identified, tracesDir.resolve(Integer.toString(variant)), control, false);
        } catch (OutputFolderException | IOException e) {
            return SweepRow.failed(variant, values, metricCount, "cannot write its run outputs: " + e.getMessage());
        }
        RunResult result = outcome.result();
        if (result.status() != RunResult.Status.COMPLETED) {
            return row(variant, values, result, null);
        }
        try (MetricsSink sink = new MetricsSink(definition.metrics(), scenario.model().settings().absoluteTolerance());
             BufferedReader in = Files.newBufferedReader(outcome.folder().resolve("trace.csv"),
                     StandardCharsets.UTF_8)) {
            List<TraceColumns.Column> columns = new ArrayList<>();
            for (String name : in.readLine().split(",", -1)) {
                columns.add(new TraceColumns.Column(name, TraceColumns.Kind.TIME));
            }
            sink.begin(columns);
            double[] row = new double[columns.size()];
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < row.length; i++) {
                    row[i] = CsvTraceWriter.parse(cells[i]);
                }
                sink.row(row);
            }
            return row(variant, values, result, sink);
        } catch (IOException e) {
            return SweepRow.failed(variant, values, metricCount, "cannot read back its trace: " + e.getMessage());
        }
    }

    /** @return the row of a run that ended; null when it was stopped */
    private SweepRow row(int variant, double[] values, RunResult result, MetricsSink sink) {
        switch (result.status()) {
            case COMPLETED:
                return new SweepRow(variant, values, sink.values(), sink.defined(), true, "");
            case INTERRUPTED:
                return null;
            default:
                String at = Double.isNaN(result.failedAtS()) ? "" : " at t = " + result.failedAtS() + " s";
                return SweepRow.failed(variant, values, definition.metrics().size(), "the run failed" + at + ": "
                        + result.error());
        }
    }
}
