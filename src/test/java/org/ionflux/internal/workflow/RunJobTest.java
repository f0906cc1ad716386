package org.ionflux.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.output.EquilibriumTimes;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} writes: the CSV header of docs/commands.md, the summary, the plots, and where failures go. */
class RunJobTest {

    @TempDir
    Path tmp;

    private static LoadedScenario seed() throws Exception {
        return ScenarioReader.read(Path.of("scenarios/seed-chloride.yaml"));
    }

    private static RunJob.Outcome run(LoadedScenario scenario, Path out, RunControl control) throws Exception {
        return RunJob.run(scenario, out, control, false);
    }

    @Test
    void headerMatchesTheContractInOrder() throws Exception {
        Path out = tmp.resolve("seed");
        RunJob.Outcome outcome = run(seed(), out, new RunControl());
        assertThat(outcome.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        List<String> lines = Files.readAllLines(out.resolve("trace.csv"));
        // docs/commands.md: t_s; V per membrane; concentrations per compartment and ion (ions map order);
        // E and I per membrane and charged species with a channel; J per membrane and moved species
        assertThat(lines.get(0)).isEqualTo("t_s,plasma.V_mV,cell.Cl_mM,cell.K_mM,bath.Cl_mM,bath.K_mM,"
                + "plasma.E_Cl_mV,plasma.I_Cl_uA_cm2,plasma.E_K_mV,plasma.I_K_uA_cm2,"
                + "plasma.J_Cl_fmol_s,plasma.J_K_fmol_s");
        assertThat(lines).hasSize(1 + 601);
        assertThat(lines.get(1)).startsWith("0.0,-70.0,13.0,140.0,130.0,5.0,");
        assertThat(lines.get(601)).startsWith("600.0,");
    }

    @Test
    void summaryHasTheContractKeys() throws Exception {
        Path out = tmp.resolve("seed");
        run(seed(), out, new RunControl());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(json.get("scenario").asText()).isEqualTo("seed-chloride");
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.get("scenario_sha256").asText()).hasSize(64);
        assertThat(json.get("options").get("rtol").asDouble()).isEqualTo(1e-8);
        assertThat(json.get("solver").get("name").asText()).isEqualTo("dormand-prince-853");
        assertThat(json.get("solver").get("rejected_steps").isNull()).isTrue();
        assertThat(json.get("solver").get("rhs_evaluations").asLong()).isGreaterThan(0);
        assertThat(json.get("max_relative_mass_error").asDouble()).isLessThan(1e-12);
        assertThat(json.get("max_relative_charge_error").isNull()).isTrue();
        assertThat(json.get("final").get("t_s").asDouble()).isEqualTo(600.0);
        assertThat(json.get("final").size()).isEqualTo(12);
        // the bath never moves: at equilibrium from the first row
        assertThat(json.get("time_to_equilibrium_s").get("bath.Cl_mM").asDouble()).isEqualTo(0.0);
        assertThat(json.get("time_to_equilibrium_s").has("plasma.J_Cl_fmol_s")).isFalse();
    }

    @Test
    void plotsAreWrittenAndHaveContent() throws Exception {
        Path out = tmp.resolve("seed");
        run(seed(), out, new RunControl());
        for (String name : List.of("potential.png", "concentrations.png", "currents.png")) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(500);
            assertThat(distinctColours(image)).as(name + " is not blank").isGreaterThan(5);
        }
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void aFailedRunGoesToDirFailedAndLeavesDirUntouched() throws Exception {
        Path out = tmp.resolve("seed");
        run(seed(), out, new RunControl());
        byte[] before = Files.readAllBytes(out.resolve("trace.csv"));

        // fixed-step RK4 at 10 ms on the Donnan cell, whose potential relaxes in 1 ms: h lambda = -10 is far
        // outside RK4's stability interval (-2.79, 0), so V grows by ~300x per step until it is not finite
        Model model = Scenarios.shipped("donnan");
        Model unstable = model.withSettings(new org.ionflux.internal.model.SimulationSettings(10, 0.1,
                org.ionflux.internal.model.SolverKind.CLASSICAL_RK4, 1e-8, 1e-12, 0.01, List.of()));
        LoadedScenario bad = new LoadedScenario(unstable, Path.of("x.yaml"), "0".repeat(64));
        RunJob.Outcome outcome = RunJob.run(bad, out, new RunControl(), false);
        assertThat(outcome.result().status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(outcome.folder()).isEqualTo(out.toAbsolutePath().resolveSibling("seed.failed"));
        assertThat(Files.readAllBytes(out.resolve("trace.csv"))).isEqualTo(before);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                outcome.folder().resolve("summary.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).containsAnyOf("potential of membrane plasma", "in cell");
        assertThat(json.get("failed_at_s").asDouble()).isGreaterThan(0);
        List<String> partial = Files.readAllLines(outcome.folder().resolve("trace.csv"));
        assertThat(partial.get(0)).startsWith("t_s,");
        assertThat(partial.size()).isGreaterThan(1);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("seed", "seed.failed");
        }
    }

    @Test
    void anInterruptedRunKeepsItsTraceWithStatusInterrupted() throws Exception {
        Path out = tmp.resolve("stop");
        RunControl control = new RunControl();
        control.requestStop();
        RunJob.Outcome outcome = run(seed(), out, control);
        assertThat(outcome.result().status()).isEqualTo(RunResult.Status.INTERRUPTED);
        assertThat(Files.exists(out)).isFalse();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                outcome.folder().resolve("summary.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("interrupted");
        assertThat(Files.readAllLines(outcome.folder().resolve("trace.csv")).size()).isGreaterThan(1);
    }

    @Test
    void timeToEquilibriumIsTheFirstTimeAfterWhichTheColumnStaysInItsBand() throws IOException {
        Scenarios.Run run = Scenarios.run(Scenarios.shipped("ghk-relaxation"));
        Path csv = tmp.resolve("trace.csv");
        try (CsvTraceWriter w = new CsvTraceWriter(csv)) {
            w.begin(run.trace().columns());
            run.trace().rows().forEach(w::row);
        }
        double[] last = run.trace().rows().get(run.trace().rows().size() - 1);
        var times = EquilibriumTimes.compute(csv, run.trace().columns(), last, 1e-12);
        double[] t = run.trace().column("t_s");
        double[] c = run.trace().column("cell.K_mM");
        double fin = c[c.length - 1];
        double band = Math.max(1e-6 * fin, 1e-11);
        int firstStaying = c.length - 1;
        while (firstStaying > 0 && Math.abs(c[firstStaying - 1] - fin) <= band) {
            firstStaying--;
        }
        assertThat(times.get("cell.K_mM")).isEqualTo(t[firstStaying]);
        // 1e-6 of 32 mM from a 107 mM start with tau = 29.4 s: about 15 tau = 440 s
        assertThat(times.get("cell.K_mM")).isGreaterThan(400).isLessThan(600);
        assertThat(times.get("plasma.V_mV")).isEqualTo(0.0);
    }
}
