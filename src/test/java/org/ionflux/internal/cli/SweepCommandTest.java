package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ionflux.internal.cli.BadInputTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ionflux sweep}: its lines and exit codes. */
class SweepCommandTest {

    @TempDir
    Path tmp;


    private Path sweep(String name, String values) throws Exception {
        Path scenario = tmp.resolve("seed.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/seed-chloride.yaml"))
                .replace("duration: 600 s", "duration: 20 s"));
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\nscenario: seed.yaml\nparameters:\n"
                + "  - {path: compartments.cell.volume, values: " + values + "}\n"
                + "metrics: [{column: cell.Cl_mM, stat: final}]\n");
        return file;
    }

    @Test
    void aSweepWritesItsCsvAndPlotsAndSaysWhere() throws Exception {
        Path out = tmp.resolve("out");
        BadInputTest.Result r = cli("sweep", sweep("ok", "[1, 2, 4]").toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ok: 3 variants, 3 completed, 0 failed; ").contains("on 2 threads")
                .contains("sweep.csv and 1 plots in " + out.toAbsolutePath());
        assertThat(r.err()).isEmpty(); // not a terminal: no progress line
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(4);
        assertThat(out.resolve("final_cell.Cl_mM_vs_compartments.cell.volume.png")).isRegularFile();
        assertThat(out.resolve("sweep.json")).isRegularFile();
    }

    @Test
    void aFailedVariantExitsOne() throws Exception {
        BadInputTest.Result r = cli("sweep", sweep("some-fail", "[1, -1]").toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("2 variants, 1 completed, 1 failed");
        assertThat(r.err()).contains("1 variant failed; the reasons are in the message column of");
    }

    @Test
    void aBadSweepFileExitsTwoAndWritesNothing() throws Exception {
        Path file = sweep("bad", "[1, .inf]");
        Path out = tmp.resolve("out");
        BadInputTest.Result r = cli("sweep", file.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:4:").contains("parameters[0].values[1]: expected a finite number")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("results")).doesNotExist();
    }

    @Test
    void wrongOptionsExitTwo() throws Exception {
        Path file = sweep("opts", "[1]");
        assertThat(cli("sweep", file.toString(), "--threads", "0").code()).isEqualTo(2);
        assertThat(cli("sweep").code()).isEqualTo(2);
        assertThat(cli("sweep", tmp.resolve("nothere.yaml").toString()).err()).contains("no such file");
    }

    @Test
    void resumeOfAnotherSweepIsRefusedWithExitTwo() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(cli("sweep", sweep("first", "[1, 2]").toString(), "--out", out.toString()).code()).isZero();
        Path other = sweep("first", "[1, 3]");
        BadInputTest.Result r = cli("sweep", other.toString(), "--out", out.toString(), "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot resume").contains("different sweep file");
        BadInputTest.Result again = cli("sweep", sweep("first", "[1, 2]").toString(), "--out", out.toString(), "--resume");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("(2 rows kept from the earlier run)");
    }

    @Test
    void helpListsTheOptions() {
        BadInputTest.Result r = cli("sweep", "--help");
        assertThat(r.out()).contains("--out").contains("--threads").contains("--resume").contains("--traces");
    }
}
