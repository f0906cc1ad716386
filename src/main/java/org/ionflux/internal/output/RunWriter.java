package org.ionflux.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;

/**
 * Runs a scenario and writes its outputs (SCENARIO.md "Outputs of run") into a temporary folder beside
 * {@code DIR}, then moves it into place: to {@code DIR} when the run completed, to {@code DIR.failed} when it
 * failed or was interrupted. {@code DIR} never holds a half-written or partial result.
 */
public final class RunWriter {

    /** Rows kept for plots. */
    static final int PLOT_ROWS = 4000;

    private RunWriter() {
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
     * Runs {@code scenario} and writes its outputs.
     *
     * @param out     the chosen output folder DIR
     * @param control lets a Ctrl-C handler stop the run
     * @throws ScenarioException when DIR or DIR.failed exists and is not an earlier result (nothing is written)
     * @throws IOException when the outputs cannot be written; if the run itself ended, the message says where its
     *                     outputs were left
     */
    public static Outcome run(LoadedScenario scenario, Path out, RunControl control)
            throws IOException, ScenarioException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new ScenarioException(List.of(new Problem(out.toString(), "", 0, 0, "the output folder cannot be "
                    + "the root of the file system: choose a folder for the results")));
        }
        Path failed = parent.resolve(target.getFileName() + ".failed");
        List<Problem> problems = new ArrayList<>();
        checkReplaceable(target, out.toString(), problems);
        checkReplaceable(failed, out + ".failed", problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        boolean keepWork = false;
        try {
            Simulation simulation = new Simulation(scenario.model());
            ThinnedTrace thinned = new ThinnedTrace(PLOT_ROWS);
            RunResult result;
            long rows;
            Path trace = work.resolve("trace.csv");
            try (CsvTraceWriter csv = new CsvTraceWriter(trace)) {
                try {
                    result = simulation.run(new TraceRecorder(simulation.system(),
                            scenario.model().settings().record(), new TeeSink(csv, thinned)), control);
                } catch (RuntimeException | StackOverflowError e) {
                    // a bug or a full disk must not lose what was computed: the trace so far goes to DIR.failed
                    double[] last = thinned.latest();
                    String why = e instanceof UncheckedIOException io ? "could not write the trace: "
                            + io.getCause().getMessage() : "internal error: " + e;
                    result = new RunResult(RunResult.Status.FAILED, scenario.model().settings().solver().key(), -1,
                            -1, -1, -1, Double.NaN, Double.NaN, Double.NaN, why, last == null ? 0.0 : last[0],
                            Double.NaN);
                }
                rows = csv.rows();
            }
            double[] finalRow = thinned.latest();
            Map<String, Double> equilibrium = null;
            if (result.status() == RunResult.Status.COMPLETED && finalRow != null) {
                equilibrium = EquilibriumTimes.compute(trace, thinned.columns(), finalRow,
                        scenario.model().settings().absoluteTolerance());
            }
            Summary.write(work.resolve("summary.json"), scenario.model(), scenario.sha256(), result,
                    thinned.columns(), finalRow, equilibrium);
            if (rows > 0) {
                Plots.write(work, scenario.model().name(), thinned);
            }
            Path destination = result.status() == RunResult.Status.COMPLETED ? target : failed;
            keepWork = true;
            try {
                replace(work, destination);
            } catch (IOException e) {
                throw new IOException("could not move the outputs to " + destination + " (" + e.getMessage()
                        + "); they are in " + work, e);
            }
            keepWork = false;
            return new Outcome(result, destination, rows);
        } finally {
            if (!keepWork && Files.exists(work)) {
                deleteTree(work);
            }
        }
    }

    /** Names of the files an earlier run may have left in DIR (SCENARIO.md "Outputs of run"). */
    private static boolean isRunOutput(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && (name.equals("trace.csv")
                || name.equals("summary.json") || name.endsWith(".png"));
    }

    /**
     * A destination may be replaced only if it is absent, an empty folder or an earlier result of run (a folder
     * with summary.json and only run outputs): {@code --out ~} or {@code --out scenarios} must never delete
     * anything else.
     */
    static void checkReplaceable(Path destination, String shown, List<Problem> problems) throws IOException {
        if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(new Problem(shown, "", 0, 0, "the output folder exists and is not a folder; choose "
                    + "another --out (ionflux only replaces folders holding an earlier result)"));
            return;
        }
        try (Stream<Path> entries = Files.list(destination)) {
            List<Path> all = entries.toList();
            boolean earlierResult = all.stream().anyMatch(p -> p.getFileName().toString().equals("summary.json"))
                    && all.stream().allMatch(RunWriter::isRunOutput);
            if (!all.isEmpty() && !earlierResult) {
                problems.add(new Problem(shown, "", 0, 0, "the output folder exists and holds files that are not "
                        + "the result of a run; choose another --out (ionflux only replaces folders holding an "
                        + "earlier result, never other files)"));
            }
        }
    }

    /** Moves {@code source} to {@code destination}, replacing an earlier folder there only once this is ready. */
    static void replace(Path source, Path destination) throws IOException {
        Path old = null;
        if (Files.exists(destination)) {
            old = destination.resolveSibling("." + destination.getFileName() + ".old-" + System.nanoTime());
            move(destination, old);
        }
        move(source, destination);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
