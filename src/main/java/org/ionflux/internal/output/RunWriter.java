package org.ionflux.internal.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.RunResult;

/**
 * Writes the outputs of one run into a folder (docs/commands.md "Outputs of run"): {@code trace.csv} as the rows
 * stream in (formatted and written on a thread of its own, {@link BackgroundTraceWriter}), then {@link #finish} adds
 * {@code summary.json} and the plots. The times to equilibrium are computed as the rows stream. Memory stays
 * bounded: the plots come from an evenly thinned copy of the trace.
 */
public final class RunWriter implements TraceSink, Closeable {

    /** Names of the files a run writes besides its PNG plots (an earlier result is recognised by them). */
    public static final Set<String> OUTPUT_FILES = Set.of("trace.csv", "summary.json", "report.html", "scenario.yaml",
            "scenario.json", ScenarioCopy.INITIAL_STATE);

    /** Rows kept for plots. */
    static final int PLOT_ROWS = 4000;

    private final Path folder;
    private final Path trace;
    private final CsvTraceWriter csv;
    private final BackgroundTraceWriter background;
    private final ThinnedTrace thinned = new ThinnedTrace(PLOT_ROWS);
    private final EquilibriumTimes.Streaming equilibrium = new EquilibriumTimes.Streaming();
    private final TeeSink tee;
    private long rows;

    /** Opens {@code folder/trace.csv}. */
    public RunWriter(Path folder) throws IOException {
        this.folder = folder;
        this.trace = folder.resolve("trace.csv");
        this.csv = new CsvTraceWriter(trace);
        this.background = new BackgroundTraceWriter(csv);
        this.tee = new TeeSink(background, thinned, equilibrium);
        Plots.warmUpInBackground();
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        tee.begin(columns);
    }

    @Override
    public void row(double[] row) {
        tee.row(row);
        rows++;
    }

    /**
     * Waits until every row so far is in {@code trace.csv}'s buffer.
     *
     * @throws java.io.UncheckedIOException if the trace could not be written (a full disk)
     */
    public void drainTrace() {
        background.drain();
    }

    /** @return data rows given so far; once the trace is drained, the rows written */
    public long rows() {
        return background.drained() ? csv.rows() : rows;
    }

    /** @return the last row written, or null */
    public double[] latestRow() {
        return thinned.latest();
    }

    /**
     * Closes the trace and writes {@code summary.json} and the plots.
     *
     * @param model          the model that ran
     * @param scenarioSha256 SHA-256 of the scenario file
     * @param result         how the run ended
     */
    public void finish(Model model, String scenarioSha256, RunResult result) throws IOException {
        try {
            background.drain();
        } catch (RuntimeException e) {
            throw BackgroundTraceWriter.asIoException(e);
        }
        csv.close();
        double[] finalRow = thinned.latest();
        Map<String, Double> times = null;
        if (result.status() == RunResult.Status.COMPLETED && finalRow != null) {
            double atol = model.settings().absoluteTolerance();
            times = equilibrium.times(atol);
            if (times == null) {
                // a long run whose columns outgrew the streaming computation's memory: one pass over the file
                times = EquilibriumTimes.compute(trace, thinned.columns(), finalRow, atol);
            }
        }
        Summary.write(folder.resolve("summary.json"), model, scenarioSha256, result, thinned.columns(), finalRow,
                times);
        if (csv.rows() > 0) {
            Plots.write(folder, model.name(), thinned, model.settings().plot());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            background.drain();
        } catch (RuntimeException e) {
            // already reported by drainTrace or finish; the file is closed below all the same
        }
        csv.close();
    }
}
