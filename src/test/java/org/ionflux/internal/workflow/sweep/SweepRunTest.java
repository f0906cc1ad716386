package org.ionflux.internal.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.Ionflux;
import org.ionflux.Result;
import org.ionflux.Scenario;
import org.ionflux.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps end to end: the rows of a grid against single runs of the same variants through the API, with the metrics
 * computed here from the whole trace; threads; failed variants; {@code --traces}; resume.
 */
class SweepRunTest {

    private static final String[] GRID = {
        "parameters:",
        "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.02, 0.05, \"0.1 mS/cm^2\"]}",
        "  - {path: compartments.bath.concentrations.Cl, range: {from: 100 mM, to: 160, steps: 3}}",
        "combine: grid",
        "metrics:",
        "  - {column: cell.Cl_mM, stat: final}",
        "  - {column: cell.Cl_mM, stat: min}",
        "  - {column: cell.K_mM, stat: max}",
        "  - {column: plasma.I_Cl_uA_cm2, stat: mean}",
        "  - {column: cell.Cl_mM, stat: time_to_equilibrium}",
        "  - {column: cell.K_mM, stat: time_to_equilibrium}",
        "  - {column: plasma.E_Cl_mV, stat: max}"};

    @TempDir
    Path tmp;

    @Test
    void aThreeByThreeGridMatchesSingleRunsOfTheSameVariants() throws Exception {
        Sweep sweep = Sweep.load(SweepFiles.write(tmp, "grid", SweepFiles.SEED, GRID));
        assertThat(sweep.size()).isEqualTo(9);
        Sweep.Outcome outcome = sweep.run(tmp.resolve("out"), 2);
        assertThat(outcome.completed()).isEqualTo(9);
        assertThat(outcome.failed()).isZero();

        List<String> lines = Files.readAllLines(outcome.csv());
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("variant,membranes.plasma.channels[0].conductance [mS/cm^2],"
                + "compartments.bath.concentrations.Cl [mM],final(cell.Cl_mM),min(cell.Cl_mM),max(cell.K_mM),"
                + "mean(plasma.I_Cl_uA_cm2),time_to_equilibrium(cell.Cl_mM),time_to_equilibrium(cell.K_mM),"
                + "max(plasma.E_Cl_mV),status,message");
        double[] conductances = {0.02, 0.05, 0.1};
        double[] bathCl = {100, 130, 160};
        Scenario base = Ionflux.load(SweepFiles.SEED);
        for (int v = 0; v < 9; v++) {
            List<String> cells = SweepCsv.split(lines.get(v + 1));
            double g = conductances[v / 3];
            double cl = bathCl[v % 3];
            assertThat(cells.get(0)).isEqualTo(Integer.toString(v));
            assertThat(Double.parseDouble(cells.get(1))).isEqualTo(g);
            assertThat(Double.parseDouble(cells.get(2))).isEqualTo(cl);
            assertThat(cells.subList(10, 12)).containsExactly("completed", "");

            Result r = base.with("membranes.plasma.channels[0].conductance", g)
                    .with("compartments.bath.concentrations.Cl", cl).run();
            assertThat(r.completed()).isTrue();
            double[] t = r.column("t_s");
            double[] clCell = r.column("cell.Cl_mM");
            double[] kCell = r.column("cell.K_mM");
            double atol = 1e-12; // the seed scenario's atol
            assertThat(Double.parseDouble(cells.get(3))).isEqualTo(clCell[clCell.length - 1]);
            assertThat(Double.parseDouble(cells.get(4))).isEqualTo(java.util.Arrays.stream(clCell).min().orElseThrow());
            assertThat(Double.parseDouble(cells.get(5))).isEqualTo(java.util.Arrays.stream(kCell).max().orElseThrow());
            assertThat(Double.parseDouble(cells.get(6))).isCloseTo(trapezoidMean(t, r.column("plasma.I_Cl_uA_cm2")),
                    within(1e-15));
            assertThat(Double.parseDouble(cells.get(7))).isEqualTo(settlingTime(t, clCell, atol));
            assertThat(Double.parseDouble(cells.get(8))).isEqualTo(settlingTime(t, kCell, atol));
            double[] eCl = r.column("plasma.E_Cl_mV");
            assertThat(Double.parseDouble(cells.get(9))).isEqualTo(java.util.Arrays.stream(eCl).max().orElseThrow());
        }
        assertThat(outcome.plots()).hasSize(14).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(outcome.plots().get(0).getFileName().toString())
                .isEqualTo("final_cell.Cl_mM_vs_membranes.plasma.channels_0_.conductance.png");
    }

    /** The time-weighted mean by the trapezoidal rule, written out here. */
    private static double trapezoidMean(double[] t, double[] v) {
        double sum = 0;
        for (int k = 0; k + 1 < t.length; k++) {
            sum += (t[k + 1] - t[k]) * (v[k] + v[k + 1]) / 2;
        }
        return sum / (t[t.length - 1] - t[0]);
    }

    /**
     * The time to equilibrium from its definition, scanning backwards: the row after the last one outside
     * {@code max(1e-6 |final|, 10 atol)} of the final value (the first row if none is outside).
     */
    private static double settlingTime(double[] t, double[] v, double atol) {
        double last = v[v.length - 1];
        double band = Math.max(1e-6 * Math.abs(last), 10 * atol);
        for (int k = v.length - 1; k >= 0; k--) {
            if (!(Math.abs(v[k] - last) <= band)) {
                return t[k + 1];
            }
        }
        return t[0];
    }

    @Test
    void theCsvDoesNotDependOnTheNumberOfThreads() throws Exception {
        Path shortSeed = SweepFiles.shortSeed(tmp, "60 s");
        Sweep sweep = Sweep.load(SweepFiles.write(tmp, "lhs", shortSeed,
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.001, to: 1, scale: log}}",
                "  - {path: \"membranes.plasma.channels[1].permeability\", range: {from: 1e-8, to: 1e-6}}",
                "  - {path: membranes.plasma.potential.value, range: {from: -90 mV, to: -30 mV}}",
                "combine: {latin_hypercube: {samples: 40, seed: 7}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: mean}",
                "  - {column: plasma.I_K_uA_cm2, stat: min}",
                "  - {column: cell.K_mM, stat: time_to_equilibrium}"));
        byte[] one = Files.readAllBytes(sweep.run(tmp.resolve("one"), 1).csv());
        byte[] three = Files.readAllBytes(sweep.run(tmp.resolve("three"), 3).csv());
        assertThat(three).isEqualTo(one);
        // and a variant run alone gives the same line
        List<String> lines = Files.readAllLines(tmp.resolve("one/sweep.csv"));
        assertThat(sweep.run(17).csvLine()).isEqualTo(lines.get(18) + "\n");
    }

    @Test
    void aVariantTheScenarioRejectsIsAFailedRowAndTheOthersGoOn() throws Exception {
        Sweep sweep = Sweep.load(SweepFiles.write(tmp, "volumes", SweepFiles.shortSeed(tmp, "10 s"),
                "parameters:",
                "  - {path: compartments.cell.volume, values: [1, -1, \"3 pL\"]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}"));
        Sweep.Outcome o = sweep.run(tmp.resolve("out"), 2);
        assertThat(o.completed()).isEqualTo(2);
        assertThat(o.failed()).isEqualTo(1);
        List<String> lines = Files.readAllLines(o.csv());
        assertThat(lines.get(2)).startsWith("1,-1.0,,failed,")
                .contains("compartments.cell.volume: the volume must be greater than 0");
        assertThat(lines.get(3)).startsWith("2,3.0,").contains(",completed,");
    }

    @Test
    void tracesWriteEachVariantsRunAndTheSameRows() throws Exception {
        Path file = SweepFiles.write(tmp, "traces", SweepFiles.shortSeed(tmp, "60 s"),
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.05, 0.5]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: time_to_equilibrium}",
                "  - {column: plasma.I_Cl_uA_cm2, stat: mean}");
        Sweep sweep = Sweep.load(file);
        Sweep.Outcome plain = sweep.run(tmp.resolve("plain"), 2);
        Sweep.Outcome traced = sweep.run(tmp.resolve("traced"), 2, false, true);
        assertThat(Files.readAllBytes(traced.csv())).isEqualTo(Files.readAllBytes(plain.csv()));
        for (int v = 0; v < 2; v++) {
            Path run = traced.folder().resolve("variants").resolve(Integer.toString(v));
            assertThat(run.resolve("trace.csv")).isRegularFile();
            JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
            // the variant's scenario is kept beside its run (what ionflux report echoes), identified in the summary
            byte[] copy = Files.readAllBytes(run.resolve("scenario.json"));
            assertThat(new String(copy, java.nio.charset.StandardCharsets.UTF_8))
                    .contains(v == 0 ? "0.05" : "0.5");
            assertThat(summary.get("scenario_sha256").asText())
                    .isEqualTo(org.ionflux.internal.output.ScenarioCopy.sha256(copy));
            double tte = summary.get("time_to_equilibrium_s").get("cell.Cl_mM").asDouble();
            assertThat(SweepCsv.split(Files.readAllLines(traced.csv()).get(v + 1)).get(2))
                    .isEqualTo(Double.toString(tte));
        }
        // a run without --traces replaces the earlier sweep, variants folder included
        sweep.run(tmp.resolve("traced"), 1);
        assertThat(tmp.resolve("traced/variants")).doesNotExist();
    }

    @Test
    void aResumedSweepRedoesOnlyTheMissingRowsAndEndsWithTheSameFile() throws Exception {
        Path shortSeed = SweepFiles.shortSeed(tmp, "30 s");
        Path file = SweepFiles.write(tmp, "resume", shortSeed,
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.01, to: 1, steps: 12, "
                        + "scale: log}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}");
        Sweep sweep = Sweep.load(file);
        Path whole = sweep.run(tmp.resolve("whole"), 2).csv();
        byte[] expected = Files.readAllBytes(whole);

        // a sweep killed after 5 rows, in the middle of writing the 6th
        Path out = tmp.resolve("killed");
        sweep.run(out, 2);
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        String cut = String.join("\n", lines.subList(0, 6)) + "\n" + lines.get(6).substring(0, 9);
        Files.writeString(out.resolve("sweep.csv"), cut);
        for (Path png : Files.newDirectoryStream(out, "*.png")) {
            Files.delete(png);
        }
        Sweep.Outcome resumed = sweep.run(out, 2, true, false);
        assertThat(resumed.kept()).isEqualTo(5);
        assertThat(Files.readAllBytes(resumed.csv())).isEqualTo(expected);
        assertThat(resumed.plots()).hasSize(1);

        // resuming a finished sweep runs nothing and changes nothing
        Sweep.Outcome again = sweep.run(out, 2, true, false);
        assertThat(again.kept()).isEqualTo(12);
        assertThat(Files.readAllBytes(again.csv())).isEqualTo(expected);
    }

    @Test
    void resumeRefusesTheRowsOfAnotherSweepFile() throws Exception {
        Path shortSeed = SweepFiles.shortSeed(tmp, "10 s");
        Path file = SweepFiles.write(tmp, "first", shortSeed,
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.01, 0.1]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}");
        Sweep.load(file).run(tmp.resolve("out"), 1);
        Files.writeString(file, Files.readString(file).replace("0.1]", "0.2]"));
        Sweep changed = Sweep.load(file);
        assertThatThrownBy(() -> changed.run(tmp.resolve("out"), 1, true, false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot resume")
                .hasMessageContaining("came from a different sweep file");
        // without --resume it starts over
        assertThat(changed.run(tmp.resolve("out"), 1).kept()).isZero();
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws Exception {
        Path file = SweepFiles.write(tmp, "other", SweepFiles.shortSeed(tmp, "10 s"),
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.01]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}");
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> Sweep.load(file).run(out, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds files that are not the outputs of a sweep");
        assertThat(out.resolve("notes.txt")).hasContent("keep me");
        assertThat(out.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void aStoppedSweepKeepsItsRowsInOrderAndResumesToTheSameFile() throws Exception {
        Path file = SweepFiles.write(tmp, "stop", SweepFiles.SEED,
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.01, to: 1, steps: 400}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: mean}");
        SweepPlan plan = SweepPlan.load(file, 2);
        Path whole = tmp.resolve("whole");
        SweepJob.run(plan, whole, 2, false, false, Progress.none(), new SweepControl());

        Path out = tmp.resolve("stopped");
        SweepControl control = new SweepControl();
        Thread stopper = new Thread(() -> {
            try {
                while (!Files.exists(out.resolve("sweep.csv")) || Files.readAllLines(out.resolve("sweep.csv")).size() < 6) {
                    Thread.sleep(1);
                }
            } catch (Exception e) {
                // the sweep ended first: nothing to stop
            }
            control.requestStop();
        });
        stopper.start();
        SweepJob.Outcome stopped = SweepJob.run(plan, out, 2, false, false, Progress.none(), control);
        stopper.join();
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.plots()).isEmpty();
        List<String> kept = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(kept.size()).isBetween(6, 400);
        for (int v = 1; v < kept.size(); v++) {
            assertThat(kept.get(v)).startsWith((v - 1) + ",");
        }
        SweepJob.Outcome resumed = SweepJob.run(plan, out, 2, true, false, Progress.none(), new SweepControl());
        assertThat(resumed.kept()).isEqualTo(kept.size() - 1);
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("sweep.csv")));
    }

    @Test
    void thousandsOfVariantsKeepNoTrace() throws Exception {
        // 3000 variants of a 3-row run: what must stay bounded is the sweep's own memory (the unit-test heap is
        // large; SweepProcessIT runs 100,000 variants in a 256 MiB heap)
        Path tiny = SweepFiles.shortSeed(tmp, "2 s");
        Path file = SweepFiles.write(tmp, "many", tiny,
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.01, to: 1, steps: 60}}",
                "  - {path: compartments.bath.concentrations.Cl, range: {from: 100, to: 150, steps: 50}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: cell.Cl_mM, stat: time_to_equilibrium}");
        Sweep.Outcome o = Sweep.load(file).run(tmp.resolve("out"), 2);
        assertThat(o.completed()).isEqualTo(3000);
        assertThat(Files.readAllLines(o.csv())).hasSize(3001);
        assertThat(SweepRunner.window(2)).isLessThan(3000);
    }
}
