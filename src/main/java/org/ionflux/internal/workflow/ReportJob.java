package org.ionflux.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.ExplainReport;
import org.ionflux.internal.output.Plots;
import org.ionflux.internal.output.ScenarioCopy;
import org.ionflux.internal.output.Summary;
import org.ionflux.internal.output.ThinnedTrace;
import org.ionflux.internal.output.MalformedTraceException;
import org.ionflux.internal.output.TraceCsvReader;
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.RunFigures;
import org.ionflux.internal.output.report.ReportPage;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.ScenarioReader;

/**
 * {@code ionflux report RESULT_DIR}: reads a {@code run} output folder ({@code summary.json}, {@code trace.csv},
 * the scenario copy) and writes {@code RESULT_DIR/report.html} ({@link ReportPage}), replacing an earlier one in
 * one move, so that the folder never holds a half-written page.
 */
public final class ReportJob {

    /** The page's file name. */
    public static final String FILE = "report.html";
    /** Rows of the trace kept for the plots, as for the PNGs. */
    static final int PLOT_ROWS = 4000;

    private ReportJob() {
    }

    /** The folder is not a {@code run} output folder; the message says why. */
    public static final class NotARunFolderException extends Exception {
        private static final long serialVersionUID = 1L;

        NotARunFolderException(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code folder/report.html}.
     *
     * @return the page's path
     * @throws NotARunFolderException when {@code folder} is not a {@code run} output folder (nothing is written)
     * @throws IOException            when a file cannot be read or the page cannot be written
     */
    public static Path write(Path folder) throws NotARunFolderException, IOException {
        JsonNode summary = readSummary(folder);
        try {
            Path absolute = folder.toAbsolutePath().normalize();
            return writeInto(folder, summary, absolute.getFileName() == null ? absolute.toString()
                    : absolute.getFileName().toString());
        } catch (BadTrace e) {
            throw new NotARunFolderException(e.getMessage());
        }
    }

    /**
     * Writes the report of a run's outputs just written into {@code folder} ({@code run --report}).
     *
     * @param folderName the name of the folder the outputs will be published as
     */
    static Path writeInto(Path folder, String folderName) throws IOException {
        try {
            return writeInto(folder, readSummary(folder), folderName);
        } catch (NotARunFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Path writeInto(Path folder, JsonNode summary, String folderName) throws IOException {
        String name = summary.path("scenario").asText();
        Path copy = ScenarioCopy.find(folder);
        String scenarioText = "";
        boolean matches = false;
        ExplainReport.Explanation explanation = null;
        String explainNote = "";
        String description = "";
        List<String> plotPatterns = List.of();
        if (copy == null) {
            explainNote = "This result folder keeps no copy of its scenario, so its initial state cannot be "
                    + "explained here; run 'ionflux explain' on the scenario file.";
        } else {
            byte[] bytes = Files.readAllBytes(copy);
            scenarioText = new String(bytes, StandardCharsets.UTF_8);
            matches = ScenarioCopy.sha256(bytes).equals(summary.path("scenario_sha256").asText());
            try {
                // a relative initial_state would not resolve from the copy: the folder keeps the file itself
                Path start = ScenarioCopy.findInitialState(folder);
                LoadedScenario loaded = ScenarioReader.read(copy, start);
                Model model = loaded.model();
                explanation = ExplainReport.explain(model);
                if (start != null) {
                    explainNote = "This run started from the state in " + ScenarioCopy.INITIAL_STATE + " (a copy of "
                            + "the file the scenario's initial_state names), not from the initial values written in "
                            + "the scenario: the potentials, concentrations, volumes and gates below are that state.";
                }
                description = model.description().strip();
                plotPatterns = model.settings().plot();
            } catch (ScenarioException e) {
                explainNote = "This version of ionflux cannot read the scenario copy again, so its initial "
                        + "state is not explained here: " + e.getMessage();
            }
        }
        ThinnedTrace trace = readTrace(folder);
        RunFigures.Figures figures = Plots.figures(name, trace.columns(), trace.rows(), plotPatterns);
        List<Figure> list = List.of(figures.potential(), figures.concentrations(), figures.currents());
        List<ReportPage.Plot> plots = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String file = Plots.FILES.get(i);
            String id = file.substring(0, file.indexOf('.'));
            plots.add(new ReportPage.Plot(file, FigureRenderer.svg(list.get(i), id)));
        }
        String html = ReportPage.render(new ReportPage.Content(folderName, summary, description, explanation,
                explainNote, plots, copy == null ? null : copy.getFileName().toString(), scenarioText, matches,
                Summary.version()));
        Path target = folder.resolve(FILE);
        // a new file with the user's default permissions, like the other outputs (not createTempFile's 0600)
        Path temporary = folder.resolve(".report-" + java.util.UUID.randomUUID() + ".html.tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * @return the parsed summary of a run output folder
     * @throws NotARunFolderException naming what is missing: the folder, its summary.json (or one that is not a
     *                                run's), its trace.csv
     */
    static JsonNode readSummary(Path folder) throws NotARunFolderException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new NotARunFolderException(folder + ": " + (Files.exists(folder) ? "not a folder"
                    : "no such folder") + "; give the folder that 'ionflux run' wrote (it holds summary.json and "
                    + "trace.csv)");
        }
        Path summaryFile = folder.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw new NotARunFolderException(folder + ": not a run output folder (no summary.json); give the folder "
                    + "that 'ionflux run' wrote");
        }
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(summaryFile.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new NotARunFolderException(summaryFile + ": not a run summary (not JSON: "
                    + e.getOriginalMessage() + ")");
        }
        for (String key : List.of("scenario", "status", "solver", "final")) {
            if (summary == null || !summary.isObject() || !summary.has(key)) {
                throw new NotARunFolderException(summaryFile + ": not the summary of a run (no '" + key + "')");
            }
        }
        if (!Files.isRegularFile(folder.resolve("trace.csv"))) {
            throw new NotARunFolderException(folder + ": not a run output folder (no trace.csv)");
        }
        return summary;
    }

    /** Reads the folder's trace for the plots; a malformed one is a {@link BadTrace}. */
    private static ThinnedTrace readTrace(Path folder) throws IOException {
        try {
            return TraceCsvReader.read(folder.resolve("trace.csv"), PLOT_ROWS);
        } catch (MalformedTraceException e) {
            throw new BadTrace(e.getMessage());
        }
    }

    /** The folder's trace.csv is not a trace: the folder is not a run's. */
    private static final class BadTrace extends IOException {
        private static final long serialVersionUID = 1L;

        BadTrace(String message) {
            super(message);
        }
    }
}
