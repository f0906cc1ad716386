package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ionflux.internal.output.CsvTraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that fail keep what they computed in DIR.failed with the reason and the time (exit 1), never touch an
 * earlier result in DIR; and run never replaces anything but an earlier result.
 */
class RunFailureTest {

    private static final Path FAILING = Path.of("src/test/resources/failing");

    @TempDir
    Path tmp;

    private static JsonNode summary(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    }

    /** @return the data rows of a trace, each parsed, after checking every line has the header's width */
    private static List<double[]> rows(Path trace) throws IOException {
        List<String> lines = Files.readAllLines(trace);
        int width = lines.get(0).split(",").length;
        return lines.stream().skip(1).map(l -> {
            String[] cells = l.split(",", -1);
            assertThat(cells).hasSize(width);
            return Stream.of(cells).mapToDouble(CsvTraceWriter::parse).toArray();
        }).toList();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aConcentrationDrivenBelowMinusAtolFailsAtTheFirstBadRowAndKeepsTheRowsBefore() throws Exception {
        Path out = tmp.resolve("pump");
        BadInputTest.Result good = BadInputTest.cli("run", "scenarios/ghk-relaxation.yaml", "--out", out.toString());
        assertThat(good.code()).as(good.err()).isZero();
        byte[] earlier = Files.readAllBytes(out.resolve("trace.csv"));

        BadInputTest.Result r = BadInputTest.cli("run", FAILING.resolve("pump-empties.yaml").toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.ENGINE_FAILURE);
        assertThat(r.err()).contains("pump-empties: failed at t = 3.3").contains("the concentration of Na in cell "
                + "fell below -atol").contains("the trace so far (33 rows) is in " + out.toAbsolutePath() + ".failed");
        // the earlier complete result is untouched
        assertThat(Files.readAllBytes(out.resolve("trace.csv"))).isEqualTo(earlier);
        assertThat(summary(out).get("status").asText()).isEqualTo("completed");

        Path failed = tmp.resolve("pump.failed");
        JsonNode json = summary(failed);
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).contains("Na in cell");
        // Na falls linearly at 3 I_p A / (F Vol) = 0.311 mM/s from 1 mM: below 0 after 3.22 s, first bad row 3.3 s
        assertThat(json.get("failed_at_s").asDouble()).isCloseTo(3.3, within(1e-9));
        List<double[]> rows = rows(failed.resolve("trace.csv"));
        assertThat(rows).hasSize(33);
        assertThat(rows.get(32)[0]).isCloseTo(3.2, within(1e-12));
        assertThat(rows.get(32)[2]).as("cell.Na_mM at 3.2 s").isBetween(0.0, 0.01);
        assertThat(listing(tmp)).containsExactly("pump", "pump.failed");
    }

    @Test
    void aNonFiniteStateFailsNamingTheVariable() throws Exception {
        Path out = tmp.resolve("rk4");
        BadInputTest.Result r = BadInputTest.cli("run", FAILING.resolve("unstable-rk4.yaml").toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.ENGINE_FAILURE);
        JsonNode json = summary(tmp.resolve("rk4.failed"));
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).containsAnyOf("potential of membrane plasma", "in cell");
        assertThat(json.get("failed_at_s").asDouble()).isPositive();
        assertThat(rows(tmp.resolve("rk4.failed/trace.csv"))).isNotEmpty();
        assertThat(listing(tmp)).containsExactly("rk4.failed");
    }

    @Test
    void aStepSizeUnderflowFailsWithAnExplanation() throws Exception {
        Path out = tmp.resolve("stiff");
        BadInputTest.Result r = BadInputTest.cli("run", FAILING.resolve("stiff.yaml").toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.ENGINE_FAILURE);
        JsonNode json = summary(tmp.resolve("stiff.failed"));
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).startsWith("step size underflow at t = 0.0 s")
                .contains("try solver: rosenbrock");
        assertThat(rows(tmp.resolve("stiff.failed/trace.csv"))).hasSize(1);
    }

    @Test
    void aFolderHoldingOtherFilesIsNeverReplaced() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        BadInputTest.Result r = BadInputTest.cli("run", "scenarios/ghk-relaxation.yaml", "--out", home.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("home: the output folder exists and holds files that are not the result of "
                + "a run; choose another --out");
        assertThat(Files.readString(home.resolve("thesis.tex"))).isEqualTo("years of work");
        assertThat(listing(tmp)).containsExactly("home");
        assertThat(listing(home)).containsExactly("thesis.tex");

        // nor a file, nor a DIR.failed that holds other files
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep");
        assertThat(BadInputTest.cli("run", "scenarios/ghk-relaxation.yaml", "--out", file.toString()).err())
                .contains("the output folder exists and is not a folder");
        Files.createDirectories(tmp.resolve("res.failed")).resolve("data.csv").toFile().createNewFile();
        BadInputTest.Result failed = BadInputTest.cli("run", "scenarios/ghk-relaxation.yaml", "--out",
                tmp.resolve("res").toString());
        assertThat(failed.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(failed.err()).contains("res.failed: the output folder exists and holds files");
        assertThat(Files.readString(file)).isEqualTo("keep");
        assertThat(listing(tmp)).containsExactly("home", "notes.txt", "res.failed");
    }

    @Test
    void aRunWritesOnlyItsFolderBesideTheChosenOne() throws Exception {
        Path out = tmp.resolve("a").resolve("b");
        BadInputTest.Result r = BadInputTest.cli("run", "scenarios/seed-chloride.yaml", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // again, replacing the earlier result: no temporary or old folder is left behind
        assertThat(BadInputTest.cli("run", "scenarios/seed-chloride.yaml", "--out", out.toString()).code()).isZero();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).sorted().toList())
                    .containsExactly("a/b/concentrations.png", "a/b/currents.png", "a/b/potential.png",
                            "a/b/scenario.yaml", "a/b/summary.json", "a/b/trace.csv");
        }
    }
}
