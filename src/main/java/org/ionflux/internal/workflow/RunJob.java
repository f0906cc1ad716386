package org.ionflux.internal.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.output.OutputFolder;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.RunWriter;
import org.ionflux.internal.output.ScenarioCopy;
import org.ionflux.internal.output.TraceRecorder;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;

/**
 * {@code ionflux run}: runs a model and streams its outputs into a temporary folder beside {@code DIR}, then moves
 * it into place: to {@code DIR} when the run completed, to {@code DIR.failed} when it failed or was interrupted.
 * {@code DIR} never holds a half-written or partial result, and a failure keeps every row computed before it.
 */
public final class RunJob {

    private RunJob() {
    }

    /**
     * What a run wrote.
     *
     * @param result the run's outcome
     * @param folder where its outputs are now ({@code DIR} or {@code DIR.failed})
     * @param rows   trace rows written
     */
    public record Outcome(RunResult result, Path folder, long rows) {
    }

    /**
     * Runs a scenario and writes its outputs, with a copy of the scenario ({@link ScenarioCopy}).
     *
     * @param scenario the scenario; its SHA-256 goes into the summary
     * @param out      the chosen output folder DIR
     * @param control  lets a Ctrl-C handler stop the run
     * @param report   true to write {@code report.html} too ({@code run --report})
     * @throws OutputFolderException when DIR or DIR.failed exists and is not an earlier result (nothing is written)
     * @throws IOException when the outputs cannot be written; if the run itself ended, the message says where its
     *                     outputs were left
     */
    public static Outcome run(LoadedScenario scenario, Path out, RunControl control, boolean report)
            throws IOException, OutputFolderException {
        return run(scenario, out, control, report, new Salvage());
    }

    /**
     * As {@link #run(LoadedScenario, Path, RunControl, boolean)}, with a {@link Salvage} through which a signal
     * handler that cannot wait for the end can move what was written so far to {@code DIR.failed}.
     */
    public static Outcome run(LoadedScenario scenario, Path out, RunControl control, boolean report,
                              Salvage salvage) throws IOException, OutputFolderException {
        Model model = scenario.model();
        String sha256 = scenario.sha256();
        OutputFolder folder = OutputFolder.of(out, RunWriter.OUTPUT_FILES);
        Path work = folder.newWorkFolder();
        salvage.started(folder, work);
        boolean keepWork = false;
        try {
            writeCopy(scenario, work);
            Simulation simulation = new Simulation(model);
            RunResult result;
            long rows;
            try (RunWriter writer = new RunWriter(work)) {
                try {
                    result = simulation.run(new TraceRecorder(simulation.system(), model.settings().record(),
                            writer), control);
                    writer.drainTrace();
                } catch (RuntimeException | StackOverflowError e) {
                    // a bug or a full disk must not lose what was computed: the trace so far goes to DIR.failed
                    double[] last = writer.latestRow();
                    String why = e instanceof UncheckedIOException io ? "could not write the trace: "
                            + io.getCause().getMessage() : "internal error: " + e;
                    result = RunResult.failedOutsideTheSolver(model.settings().solver().key(), why,
                            last == null ? 0.0 : last[0]);
                }
                writer.finish(model, sha256, result);
                rows = writer.rows();
            }
            if (report) {
                // the page names the folder the outputs are about to move to, not the hidden work folder
                Path destination = result.status() == RunResult.Status.COMPLETED ? folder.target() : folder.failed();
                ReportJob.writeInto(work, destination.getFileName().toString());
            }
            keepWork = true;
            Path destination = salvage.publish(result.status() == RunResult.Status.COMPLETED);
            keepWork = false;
            return new Outcome(result, destination, rows);
        } finally {
            if (!keepWork) {
                OutputFolder.deleteTree(work);
            }
        }
    }

    /**
     * The temporary folder of a run being written, for a handler that can wait no longer (a SIGTERM whose grace
     * ran out): {@link #abandon()} moves it to {@code DIR.failed} as it is, so that no hidden folder stays behind.
     * Publishing and abandoning exclude each other; whichever comes first wins.
     *
     * <p>Example: {@code Salvage s = new Salvage(); RunJob.run(scenario, dir, control, false, s);} and, from a
     * shutdown hook, {@code s.abandon()}.
     */
    public static final class Salvage {

        private OutputFolder folder;
        private Path work;
        private boolean settled;

        synchronized void started(OutputFolder outputs, Path workFolder) {
            folder = outputs;
            work = workFolder;
        }

        synchronized Path publish(boolean complete) throws IOException {
            if (settled) {
                throw new IOException("the outputs were already moved to " + folder.failed());
            }
            settled = true;
            return folder.publish(work, complete);
        }

        /**
         * Moves the outputs written so far to {@code DIR.failed}, unless they were already moved.
         *
         * @return where they are now, or null if nothing was moved
         */
        public synchronized Path abandon() {
            if (settled || work == null) {
                return null;
            }
            settled = true;
            try {
                return folder.publish(work, false);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * A run kept in memory.
     *
     * @param result how it ended
     * @param trace  its rows, in output units
     */
    public record InMemory(RunResult result, InMemoryTrace trace) {
    }

    /**
     * Runs {@code model} with its trace in memory (no files); a failure keeps the rows before it.
     *
     * @param control lets another thread stop the run
     */
    public static InMemory runInMemory(Model model, RunControl control) {
        return runInMemory(model, control, new InMemoryTrace());
    }

    /**
     * {@link #runInMemory(Model, RunControl)} into {@code trace}, which is {@link InMemoryTrace#reset reset} first
     * (its room is reused: {@code bench} runs into one trace).
     */
    public static InMemory runInMemory(Model model, RunControl control, InMemoryTrace trace) {
        Simulation simulation = new Simulation(model);
        int expected = (int) Math.min(simulation.outputTimes().count(), 10_000_000L);
        trace.reset(expected);
        RunResult result;
        try {
            result = simulation.run(new TraceRecorder(simulation.system(), model.settings().record(), trace),
                    control);
        } catch (RuntimeException | StackOverflowError e) {
            List<double[]> rows = trace.rows();
            result = RunResult.failedOutsideTheSolver(model.settings().solver().key(), "internal error: " + e,
                    rows.isEmpty() ? 0.0 : rows.get(rows.size() - 1)[0]);
        }
        return new InMemory(result, trace);
    }

    /**
     * Writes a run kept in memory into {@code out} as {@link #run} would have (the same files, the same bytes but
     * for the wall time): into {@code DIR} if it completed, {@code DIR.failed} otherwise.
     *
     * @return where the outputs are now
     */
    public static Path write(LoadedScenario scenario, InMemory run, Path out)
            throws IOException, OutputFolderException {
        Model model = scenario.model();
        String sha256 = scenario.sha256();
        OutputFolder folder = OutputFolder.of(out, RunWriter.OUTPUT_FILES);
        Path work = folder.newWorkFolder();
        boolean keepWork = false;
        try {
            writeCopy(scenario, work);
            try (RunWriter writer = new RunWriter(work)) {
                writer.begin(run.trace().columns());
                for (double[] row : run.trace().rows()) {
                    writer.row(row);
                }
                writer.finish(model, sha256, run.result());
            }
            keepWork = true;
            Path destination = folder.publish(work, run.result().status() == RunResult.Status.COMPLETED);
            keepWork = false;
            return destination;
        } finally {
            if (!keepWork) {
                OutputFolder.deleteTree(work);
            }
        }
    }

    private static void writeCopy(LoadedScenario scenario, Path work) throws IOException {
        ScenarioCopy copy = ScenarioCopy.of(scenario);
        if (copy != null) {
            copy.write(work);
        }
    }
}
