package org.ionflux.internal.workflow.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ionflux.internal.output.CheckPlot;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.output.OutputFolder;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.RunWriter;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.workflow.RunJob;

/**
 * Runs the scenarios of a {@link CheckPlan} on a thread pool and gives one {@link Verdict} per scenario, in the
 * plan's order (WORKFLOWS.md section 2). Each scenario is run by {@link RunJob#run} into {@code <out>/<name>/}
 * exactly as {@code ionflux run} writes it, then its {@code trace.csv} is compared with
 * {@code <reference>/<name>/trace.csv} by {@link TraceComparison}. Runs share nothing, so the verdicts and every
 * number in them are the same whatever the number of threads.
 *
 * <p>With {@code update}, a completed run's outputs ({@code trace.csv}, {@code summary.json}, the plots, the copy
 * of the scenario) replace the reference, after it is compared with the old one (new, unchanged or changed); a
 * failed run writes nothing there.
 */
public final class CheckRunner {

    /** Largest {@code max_relative_mass_error} and {@code max_relative_charge_error} a passing run may have. */
    public static final double MAX_INVARIANT_ERROR = 1e-9;
    /** Most problems of a bad scenario shown in its report line (the JUnit report has them all). */
    static final int PROBLEMS_SHOWN = 3;
    /** Most rows drawn in {@code check.png}. */
    static final int PLOT_POINTS = 4000;
    /** The plot a failing value writes into the run's output folder. */
    public static final String PLOT_FILE = "check.png";

    private final CheckPlan plan;
    private final RunControl control;

    private CheckRunner(CheckPlan plan, RunControl control) {
        this.plan = plan;
        this.control = control;
    }

    /**
     * Runs every scenario of the plan and reports each verdict, in the plan's order, as soon as it and those
     * before it are known.
     *
     * @param control   lets a Ctrl-C handler stop the runs (an interrupted run is an error; scenarios not started
     *                  yet are not run)
     * @param onVerdict called in the caller's thread, once per scenario, in order
     * @return the verdicts, in order
     * @throws InterruptedException if the calling thread is interrupted while it waits (the runs are stopped)
     */
    public static List<Verdict> run(CheckPlan plan, RunControl control, Consumer<Verdict> onVerdict)
            throws InterruptedException {
        CheckRunner runner = new CheckRunner(plan, control);
        List<CheckPlan.Entry> entries = plan.entries();
        int threads = Math.max(1, Math.min(plan.options().threads(), entries.size()));
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "ionflux-check-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Verdict>> futures = new ArrayList<>();
            for (CheckPlan.Entry entry : entries) {
                futures.add(pool.submit(() -> runner.verdict(entry)));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Verdict v;
                try {
                    v = futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    v = new Verdict(entries.get(i).name(), Verdict.Outcome.ERROR, "internal-error",
                            "internal error: " + cause, "", 0.0);
                }
                verdicts.add(v);
                onVerdict.accept(v);
            }
            return verdicts;
        } catch (InterruptedException e) {
            control.requestStop();
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    private Verdict verdict(CheckPlan.Entry entry) {
        long start = System.nanoTime();
        Verdict v = plan.options().update() ? update(entry) : check(entry);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Verdict(v.scenario(), v.outcome(), v.type(), v.reason(), v.detail(), seconds);
    }

    // ---------------------------------------------------------------------------------------------------------

    private Verdict check(CheckPlan.Entry entry) {
        Ran ran = runScenario(entry, "");
        if (ran.problem() != null) {
            return ran.problem();
        }
        String name = entry.name();
        Path reference = plan.options().reference().resolve(name).resolve("trace.csv");
        if (!Files.isRegularFile(reference)) {
            return error(name, "no-reference", "no reference: " + reference + " does not exist (write it with "
                    + "'ionflux check --update')", "");
        }
        Path runFolder = ran.outcome().folder();
        Tolerances tolerances = Tolerances.of(entry.loaded().check());
        TraceComparison.Comparison c;
        try {
            c = TraceComparison.compare(runFolder.resolve("trace.csv"), reference, reference.toString(), tolerances,
                    entry.loaded().model().settings().outputIntervalS());
        } catch (IOException e) {
            return error(name, "internal-error", "cannot compare the traces: " + oneLine(e.getMessage()),
                    String.valueOf(e.getMessage()));
        }
        List<String> invariants = invariantProblems(ran.outcome().result());
        switch (c.kind()) {
            case MALFORMED_REFERENCE:
                return error(name, "malformed-reference", "malformed reference " + c.message(), "");
            case COLUMNS:
                return failure(name, "columns", c.message(), "");
            case TIMES:
                return failure(name, "times", c.message(), "");
            case VALUES:
                String plotNote = plot(entry, runFolder, reference, tolerances, c);
                String reason = c.message() + (invariants.isEmpty() ? "" : "; " + String.join("; ", invariants));
                return failure(name, "values", reason, detail(c) + plotNote);
            default:
                if (!invariants.isEmpty()) {
                    return failure(name, "invariants", String.join("; ", invariants), "");
                }
                return new Verdict(name, Verdict.Outcome.PASS, "", "", "", 0.0);
        }
    }

    private Verdict update(CheckPlan.Entry entry) {
        Ran ran = runScenario(entry, "; the reference was not written");
        if (ran.problem() != null) {
            return ran.problem();
        }
        String name = entry.name();
        Path runFolder = ran.outcome().folder();
        Path folder = plan.options().reference().resolve(name);
        Path reference = folder.resolve("trace.csv");
        Tolerances tolerances = Tolerances.of(entry.loaded().check());
        TraceComparison.Comparison c = null;
        String plotNote = "";
        if (Files.isRegularFile(reference)) {
            try {
                c = TraceComparison.compare(runFolder.resolve("trace.csv"), reference, reference.toString(),
                        tolerances, entry.loaded().model().settings().outputIntervalS());
            } catch (IOException e) {
                return error(name, "internal-error", "cannot compare the traces: " + oneLine(e.getMessage())
                        + "; the reference was not written", String.valueOf(e.getMessage()));
            }
            if (c.kind() == TraceComparison.Kind.VALUES) {
                plotNote = plot(entry, runFolder, reference, tolerances, c);
            }
        }
        try {
            publish(runFolder, folder);
        } catch (OutputFolderException | IOException e) {
            return error(name, "cannot-write", "cannot write the reference: " + oneLine(e.getMessage()),
                    String.valueOf(e.getMessage()));
        }
        List<String> invariants = invariantProblems(ran.outcome().result());
        String warning = invariants.isEmpty() ? "" : "; warning: " + String.join("; ", invariants)
                + " (check will fail)";
        if (c == null) {
            return new Verdict(name, Verdict.Outcome.NEW, "", warning.isEmpty() ? "" : warning.substring(2), "",
                    0.0);
        }
        if (c.matches()) {
            return new Verdict(name, Verdict.Outcome.UNCHANGED, "", c.message() + warning, "", 0.0);
        }
        String reason = c.kind() == TraceComparison.Kind.MALFORMED_REFERENCE ? "the old reference was malformed ("
                + c.message() + ")" : c.message();
        return new Verdict(name, Verdict.Outcome.CHANGED, "", reason + warning, detail(c) + plotNote, 0.0);
    }

    /** Copies a completed run's outputs into the reference folder, replacing an earlier reference at once. */
    private static void publish(Path runFolder, Path referenceFolder) throws IOException, OutputFolderException {
        OutputFolder destination = OutputFolder.of(referenceFolder, RunWriter.OUTPUT_FILES);
        Path work = destination.newWorkFolder();
        boolean published = false;
        try {
            try (Stream<Path> files = Files.list(runFolder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!file.getFileName().toString().equals(PLOT_FILE)) {
                        Files.copy(file, work.resolve(file.getFileName()));
                    }
                }
            }
            destination.publish(work, true);
            published = true;
        } finally {
            if (!published) {
                OutputFolder.deleteTree(work);
            }
        }
    }

    /** The outcome of running one scenario into its output folder: the run, or why it cannot be compared. */
    private record Ran(RunJob.Outcome outcome, Verdict problem) {
    }

    /**
     * Runs the scenario into {@code <out>/<name>/}.
     *
     * @param consequence appended to the reason when it cannot be compared, e.g. "; the reference was not written"
     */
    private Ran runScenario(CheckPlan.Entry entry, String consequence) {
        String name = entry.name();
        if (!entry.readable()) {
            return new Ran(null, error(name, "bad-scenario", "bad scenario: " + problems(entry)
                    + consequence, entry.problem()));
        }
        if (control.isStopRequested()) {
            return new Ran(null, error(name, "interrupted", "not run: interrupted" + consequence, ""));
        }
        LoadedScenario loaded = entry.loaded();
        RunJob.Outcome outcome;
        try {
            outcome = RunJob.run(loaded, plan.options().out().resolve(name), control, false);
        } catch (OutputFolderException | IOException e) {
            return new Ran(null, error(name, "run-failed", "cannot write the outputs: " + oneLine(e.getMessage())
                    + consequence, String.valueOf(e.getMessage())));
        }
        RunResult r = outcome.result();
        if (r.status() == RunResult.Status.INTERRUPTED) {
            return new Ran(outcome, error(name, "interrupted", "interrupted at t = "
                    + CsvTraceWriter.format(r.failedAtS()) + " s; the trace so far is in " + outcome.folder()
                    + consequence, ""));
        }
        if (r.status() != RunResult.Status.COMPLETED) {
            return new Ran(outcome, error(name, "run-failed", "the run failed at t = "
                    + CsvTraceWriter.format(r.failedAtS()) + " s: " + oneLine(r.error()) + "; the trace so far is in "
                    + outcome.folder() + consequence, String.valueOf(r.error())));
        }
        return new Ran(outcome, null);
    }

    /** @return the invariants above {@link #MAX_INVARIANT_ERROR}, each said in words; empty if none */
    static List<String> invariantProblems(RunResult r) {
        List<String> problems = new ArrayList<>();
        invariant("max_relative_mass_error", r.maxRelativeMassError(), problems);
        invariant("max_relative_charge_error", r.maxRelativeChargeError(), problems);
        return problems;
    }

    private static void invariant(String key, double value, List<String> problems) {
        // NaN: the invariant does not apply (null in summary.json)
        if (!Double.isNaN(value) && !(value <= MAX_INVARIANT_ERROR)) {
            problems.add(String.format(Locale.ROOT, "%s is %.3g, above %.0e", key, value, MAX_INVARIANT_ERROR));
        }
    }

    /** Writes {@code check.png} for the worst value; @return a line for the detail, or why it is missing. */
    private String plot(CheckPlan.Entry entry, Path runFolder, Path reference, Tolerances tolerances,
                        TraceComparison.Comparison c) {
        TraceComparison.Value worst = c.worst();
        Path file = runFolder.resolve(PLOT_FILE);
        try {
            TraceComparison.Series s = TraceComparison.series(runFolder.resolve("trace.csv"), reference,
                    worst.column(), tolerances, c.rows(), worst.row(), PLOT_POINTS);
            CheckPlot.write(file, entry.name(), worst.column(), s.time(), s.run(), s.reference(), s.allowed(),
                    s.keptIndex());
            return "\nplot: " + file;
        } catch (IOException | RuntimeException e) {
            return "\nno plot: " + e.getMessage();
        }
    }

    /** @return the worst value of every failing column, one per line */
    private static String detail(TraceComparison.Comparison c) {
        if (c.worstByColumn().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("the worst value of each column outside tolerance:");
        for (TraceComparison.Value v : c.worstByColumn()) {
            sb.append("\n").append(v.describe());
        }
        return sb.toString();
    }

    private static Verdict error(String name, String type, String reason, String detail) {
        return new Verdict(name, Verdict.Outcome.ERROR, type, reason, detail == null ? "" : detail, 0.0);
    }

    private static Verdict failure(String name, String type, String reason, String detail) {
        return new Verdict(name, Verdict.Outcome.FAILURE, type, reason, detail, 0.0);
    }

    /** @return the text on one line: line breaks become "; " */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    /** @return the reader's message on one line, its first {@value #PROBLEMS_SHOWN} problems at most */
    static String problems(CheckPlan.Entry entry) {
        List<String> lines = entry.problem().strip().lines().toList();
        if (lines.size() <= PROBLEMS_SHOWN + 1) {
            return oneLine(entry.problem());
        }
        return oneLine(String.join("\n", lines.subList(0, PROBLEMS_SHOWN + 1))) + "; ... (every problem: ionflux "
                + "validate " + entry.file() + ")";
    }
}
