package org.ionflux.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.ionflux.scenario.LoadedScenario;
import org.ionflux.solver.RunControl;
import org.ionflux.solver.RunResult;
import org.ionflux.solver.Simulation;

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
     */
    public static Outcome run(LoadedScenario scenario, Path out, RunControl control) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            Simulation simulation = new Simulation(scenario.model());
            ThinnedTrace thinned = new ThinnedTrace(PLOT_ROWS);
            RunResult result;
            long rows;
            Path trace = work.resolve("trace.csv");
            try (CsvTraceWriter csv = new CsvTraceWriter(trace)) {
                result = simulation.run(new TeeSink(csv, thinned), control);
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
            Path destination = result.status() == RunResult.Status.COMPLETED ? target
                    : parent.resolve(target.getFileName() + ".failed");
            replace(work, destination);
            return new Outcome(result, destination, rows);
        } finally {
            if (Files.exists(work)) {
                deleteTree(work);
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
