package org.ionflux.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ionflux.Ionflux;
import org.ionflux.Model;
import org.ionflux.Problem;
import org.ionflux.Result;
import org.ionflux.Scenario;
import org.ionflux.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public API as a user sees it, from a package outside the engine that imports only {@code org.ionflux}
 * (ArchitectureTest checks that it needs nothing else).
 */
class PublicApiTest {

    @TempDir
    Path tmp;

    private static Scenario ghk() throws ScenarioException {
        return Ionflux.load(Path.of("scenarios/ghk-relaxation.yaml"));
    }

    @Test
    void aLoadedScenarioRunsInMemoryAndGivesItsColumns() throws Exception {
        Result r = ghk().run();
        assertThat(r.status()).isEqualTo("completed");
        assertThat(r.completed()).isTrue();
        assertThat(r.error()).isNull();
        assertThat(r.columns()).startsWith("t_s", "plasma.V_mV", "cell.K_mM");
        assertThat(r.rowCount()).isEqualTo(1201);
        double[] t = r.column("t_s");
        assertThat(t[0]).isEqualTo(0.0);
        assertThat(t[1200]).isEqualTo(600.0);
        assertThat(r.column("cell.K_mM")[0]).isEqualTo(140.0);
        assertThat(r.last("cell.K_mM")).isEqualTo(r.column("cell.K_mM")[1200]);
        assertThat(r.steps()).isPositive();
        assertThat(r.solver()).isEqualTo("rosenbrock");
        assertThatThrownBy(() -> r.column("cell.k_mM")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell.K_mM");
    }

    @Test
    void withChangesOneParameterAndKeepsTheRest() throws Exception {
        Scenario base = ghk();
        Scenario faster = base.with("membranes.plasma.channels[0].permeability", "2e-5 cm/s");
        Scenario sameAsNumber = base.with("membranes.plasma.channels[0].permeability", 2e-5);
        double[] k0 = base.run().column("cell.K_mM");
        double[] k1 = faster.run().column("cell.K_mM");
        assertThat(sameAsNumber.run().column("cell.K_mM")).containsExactly(k1);
        // twice the permeability halves the time constant (29.4 s -> 14.7 s): at 60 s (row 120) the faster cell's
        // distance to E_K = V is exp(-60/29.4) = 0.13 of the slower one's; both end at the same equilibrium
        int last = k0.length - 1;
        assertThat(Math.abs(k1[120] - k1[last])).isLessThan(Math.abs(k0[120] - k0[last]) / 5);
        assertThat(k1[last]).isCloseTo(k0[last], org.assertj.core.api.Assertions.within(1e-6));
        // the original is unchanged
        assertThat(base.run().column("cell.K_mM")).containsExactly(k0);
    }

    @Test
    void badPathsAndValuesNameThePath() throws Exception {
        Scenario s = ghk();
        assertThatThrownBy(() -> s.with("membranes.plasma.chanels[0].permeability", 1.0))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("membranes.plasma.chanels[0]");
        assertThatThrownBy(() -> s.with("membranes.plasma.channels[5].permeability", 1.0))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("membranes.plasma.channels[5]");
        assertThatThrownBy(() -> s.with("membranes.plasma.channels[0].permeability", "-1 cm/s"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("membranes.plasma.channels[0].permeability");
        assertThatThrownBy(() -> s.with("compartments.cell.concentrations.Na", 1.0))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("compartments.cell.concentrations.Na");
    }

    private static Model seedInCode() {
        return Model.builder("seed-chloride")
                .description("Chloride leaves a cell clamped at -70 mV (E_Cl = -58 mV).")
                .temperature("20 degC")
                .ion("Cl", -1).ion("K", 1)
                .compartment("cell").volume("2 pL").concentration("Cl", "13 mM").concentration("K", "140 mM").done()
                .bath("bath").concentration("Cl", "130 mM").concentration("K", "5 mM").done()
                .membrane("plasma", "cell", "bath").area("1000 um^2").capacitance("1 uF/cm^2").clamp("-70 mV")
                    .ohmic("Cl", "0.05 mS/cm^2").ghk("K", "1e-7 cm/s").done()
                .simulation("600 s", "1 s")
                .simulationOption("solver", "dormand-prince-853")
                .simulationOption("rtol", 1e-8).simulationOption("atol", 1e-12)
                .build();
    }

    @Test
    void aModelBuiltInCodeRunsLikeTheSameFile() throws Exception {
        Result fromFile = Ionflux.load(Path.of("scenarios/seed-chloride.yaml")).run();
        Result fromCode = Ionflux.scenario(seedInCode()).run();
        assertThat(fromCode.columns()).isEqualTo(fromFile.columns());
        for (String column : fromFile.columns()) {
            assertThat(fromCode.column(column)).as(column).containsExactly(fromFile.column(column));
        }
        // and its YAML is a scenario file that reads back to the same run
        Path yaml = tmp.resolve("seed.yaml");
        Files.writeString(yaml, seedInCode().toYaml());
        assertThat(Ionflux.load(yaml).run().column("cell.Cl_mM")).containsExactly(fromFile.column("cell.Cl_mM"));
    }

    @Test
    void aBadModelIsReportedLikeABadFile() {
        Model bad = Model.builder("bad").ion("K", 1)
                .compartment("cell").volume("-1 pL").concentration("K", "140 mM").done()
                .bath("bath").concentration("K", "5 mM").done()
                .membrane("plasma", "cell", "bath").area("1000 um^2").clamp("-70 mV")
                    .pump("pmca", Map.of("max_current", "0.1 uA/cm^2", "km", "0.2 uM")).done()
                .simulation("1 s", "0.1 s").build();
        assertThatThrownBy(() -> Ionflux.scenario(bad)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            List<String> paths = e.problems().stream().map(Problem::path).toList();
            assertThat(paths).contains("compartments.cell.volume", "membranes.plasma.pumps[0]");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("<model bad>"));
        });
    }

    @Test
    void writeProducesTheFilesOfRunAndExplainTheTextOfExplain() throws Exception {
        Scenario s = ghk();
        Result r = s.run();
        Path dir = r.write(tmp.resolve("out"));
        assertThat(dir).isEqualTo(tmp.resolve("out").toAbsolutePath());
        List<String> lines = Files.readAllLines(dir.resolve("trace.csv"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", r.columns()));
        assertThat(lines).hasSize(1 + r.rowCount());
        assertThat(dir.resolve("summary.json")).exists();
        assertThat(dir.resolve("concentrations.png")).exists();
        assertThat(s.explain()).contains("Membrane plasma").contains("E_X(mV)");
        // a folder holding other files is refused, and nothing is written
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> r.write(foreign)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("holds files that are not the result of a run");
        assertThat(Files.list(foreign).toList()).hasSize(1);
    }
}
