package org.ionflux.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ionflux.Sweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on Spark {@code local[2]} writes the same {@code sweep.csv}, byte for byte, as the core's threads; a
 * resumed one goes on after the kept rows; bad input exits 2.
 */
class SparkSweepTest {

    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ionflux-spark-test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    /** A 4 x 5 grid over a 120 s copy of the seed scenario, with a variant the scenario rejects. */
    private Path sweepFile() throws Exception {
        Path scenario = tmp.resolve("seed.yaml");
        Files.writeString(scenario, Files.readString(Path.of("../scenarios/seed-chloride.yaml"))
                .replace("duration: 600 s", "duration: 120 s"));
        Path file = tmp.resolve("spark-grid.yaml");
        Files.writeString(file, String.join("\n",
                "name: spark-grid",
                "scenario: seed.yaml",
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.005, to: 0.5, steps: 4, "
                        + "scale: log}}",
                "  - {path: compartments.cell.volume, values: [0.5, 1, \"2 pL\", -1, 8]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: cell.Cl_mM, stat: time_to_equilibrium}",
                "  - {column: plasma.I_Cl_uA_cm2, stat: mean}",
                "  - {column: cell.K_mM, stat: min}",
                ""));
        return file;
    }

    private static int execute(StringBuilder log, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSweep.execute(args, sc, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        log.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void sparkLocalWritesTheSameCsvAsThreadsByteForByte() throws Exception {
        Path file = sweepFile();
        Sweep.Outcome threaded = Sweep.load(file).run(tmp.resolve("threads"), 2);
        assertThat(threaded.failed()).isEqualTo(4);

        Path out = tmp.resolve("spark");
        StringBuilder log = new StringBuilder();
        int code = execute(log, file.toString(), "--out", out.toString(), "--partitions", "3");
        assertThat(code).as(log.toString()).isEqualTo(1); // the 4 variants with a negative volume failed
        assertThat(log.toString()).contains("spark-grid: 20 variants, 16 completed, 4 failed")
                .contains("on Spark local[2] (3 partitions)");
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(threaded.csv()));
        assertThat(Files.readString(out.resolve("sweep.json"))).isEqualTo(Files.readString(
                threaded.folder().resolve("sweep.json")));
        try (var pngs = Files.newDirectoryStream(out, "*.png")) {
            assertThat(pngs).hasSize(8);
        }
    }

    @Test
    void aResumedSparkSweepRunsOnlyTheMissingVariants() throws Exception {
        Path file = sweepFile();
        Path whole = Sweep.load(file).run(tmp.resolve("whole"), 2).csv();
        Path out = tmp.resolve("resumed");
        StringBuilder log = new StringBuilder();
        execute(log, file.toString(), "--out", out.toString());
        // as if killed after 7 rows
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        Files.writeString(out.resolve("sweep.csv"), String.join("\n", lines.subList(0, 8)) + "\n");
        int code = execute(log, file.toString(), "--out", out.toString(), "--resume");
        assertThat(code).as(log.toString()).isEqualTo(1);
        assertThat(log.toString()).contains("(7 rows kept from the earlier run)");
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(whole));
    }

    @Test
    void aBadSweepFileExitsTwoBeforeAnyTask() throws Exception {
        Path file = sweepFile();
        Files.writeString(file, Files.readString(file).replace("stat: min", "stat: minimum"));
        StringBuilder log = new StringBuilder();
        assertThat(execute(log, file.toString(), "--out", tmp.resolve("bad").toString())).isEqualTo(2);
        assertThat(log.toString()).contains("spark-grid.yaml:10:25: metrics[3].stat").contains("unknown stat 'minimum'");
        assertThat(tmp.resolve("bad")).doesNotExist();
        assertThat(execute(log, "--out")).isEqualTo(2);
    }
}
