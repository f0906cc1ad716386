package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ionflux.internal.cli.BadInputTest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.steady.SteadyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ionflux steady}: steady.json, the table, the exit codes and bad input (docs/commands.md). */
class SteadyCommandTest {

    @TempDir
    Path tmp;


    private static JsonNode read(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void donnanWritesSteadyJsonWithTheContractKeysAndPrintsTheTable() throws Exception {
        Path out = tmp.resolve("donnan");
        BadInputTest.Result r = cli("steady", "scenarios/donnan.yaml", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = read(out.resolve("steady.json"));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("scenario", "status", "at_s", "method", "iterations", "residual", "values",
                "conserved", "time_constants", "membranes");
        assertThat(json.get("scenario").asText()).isEqualTo("donnan");
        assertThat(json.get("status").asText()).isEqualTo("steady");
        assertThat(json.get("at_s").asDouble()).isZero();
        assertThat(json.get("residual").asDouble()).isLessThanOrEqualTo(1e-3);
        // values: every trace column but t_s, as run writes them
        assertThat(json.get("values").has("t_s")).isFalse();
        assertThat(json.get("values").get("plasma.V_mV").asDouble()).isCloseTo(-23.556, within(1e-3));
        // K is at equilibrium: E_K = V to 1e-12 relative (the bound for channels at equilibrium)
        double v = json.get("values").get("plasma.V_mV").asDouble();
        assertThat(json.get("values").get("plasma.E_K_mV").asDouble()).isCloseTo(v, within(1e-12 * Math.abs(v)));
        assertThat(json.get("conserved").get(0).get("description").asText()).isNotBlank();
        assertThat(json.get("conserved").get(0).has("value")).isTrue();
        JsonNode slowest = json.get("time_constants").get(0);
        assertThat(slowest.get("tau_s").asDouble()).isGreaterThan(1);
        assertThat(slowest.get("dominant").get(0).asText()).isEqualTo("cell.Cl_mM");
        JsonNode k = json.get("membranes").get("plasma").get("K");
        assertThat(k.get("E_mV").asDouble()).isCloseTo(-23.556, within(1e-3));
        assertThat(k.get("driving_force_mV").asDouble()).isCloseTo(0.0, within(1e-6));
        assertThat(k.get("at_equilibrium").asBoolean()).isTrue();
        assertThat(r.out()).contains("donnan: steady").contains("plasma.V_mV").contains("-23.5561")
                .contains("A amount in cell").contains("tau = 25.5 s").contains("tau = 1.00 ms")
                .contains("plasma       K").contains("steady.json is in");
    }

    @Test
    void theKayCellPrintsItsRestingState() throws Exception {
        Path file = tmp.resolve("kay.yaml");
        Files.writeString(file, SteadyModels.KAY);
        BadInputTest.Result r = cli("steady", file.toString(), "--out", tmp.resolve("kay").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("kay-2017: steady").contains("cell.volume_pL")
                .contains("X amount in cell");
    }

    @Test
    void aSwellingCellExitsOneAndNamesTheVolume() throws Exception {
        Path file = tmp.resolve("swelling.yaml");
        Files.writeString(file, SteadyModels.SWELLING);
        Path out = tmp.resolve("swelling");
        BadInputTest.Result r = cli("steady", file.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no_steady_state").contains("volume of cell");
        JsonNode json = read(out.resolve("steady.json"));
        assertThat(json.get("status").asText()).isEqualTo("no_steady_state");
        assertThat(json.get("message").asText()).contains("volume of cell");
        assertThat(json.get("values").size()).isZero();
    }

    @Test
    void theTimeChoosesTheParametersInForce() throws Exception {
        Path out = tmp.resolve("blocked");
        BadInputTest.Result r = cli("steady", "scenarios/pump-leak-cell.yaml", "--at", "1200", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = read(out.resolve("steady.json"));
        assertThat(json.get("at_s").asDouble()).isEqualTo(1200.0);
        // the pump is blocked from 1200 s: the cell swells to a Donnan state the bath's Y allows
        assertThat(json.get("values").get("cell.volume_pL").asDouble()).isGreaterThan(4);
    }

    @Test
    void aTimeOutsideTheRunIsBadInputAndWritesNothing() {
        for (String at : new String[] {"-1", "400.5", "NaN"}) {
            Path out = tmp.resolve("at" + at);
            BadInputTest.Result r = cli("steady", "scenarios/donnan.yaml", "--at", at, "--out", out.toString());
            assertThat(r.code()).as(at).isEqualTo(2);
            assertThat(r.err()).contains("--at").contains("400.0 s");
            assertThat(out).doesNotExist();
        }
        assertThat(cli("steady", "scenarios/donnan.yaml", "--at", "soon").code()).isEqualTo(2);
    }

    @Test
    void aFolderHoldingOtherFilesIsRefused() throws Exception {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        BadInputTest.Result r = cli("steady", "scenarios/donnan.yaml", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(out.resolve("notes.txt")).hasContent("keep me");
        assertThat(out.resolve("steady.json")).doesNotExist();
        // an earlier result is replaced
        Path earlier = tmp.resolve("earlier");
        assertThat(cli("steady", "scenarios/donnan.yaml", "--out", earlier.toString()).code()).isZero();
        assertThat(cli("steady", "scenarios/seed-chloride.yaml", "--out", earlier.toString()).code()).isZero();
        assertThat(read(earlier.resolve("steady.json")).get("scenario").asText()).isEqualTo("seed-chloride");
    }

    @Test
    void aBadScenarioIsBadInput() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("scenarios/donnan.yaml")).replace("area: 1000 um^2",
                "area: 1000 mV"));
        BadInputTest.Result r = cli("steady", bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("membranes.plasma.area");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void explainAddsWhereEachMembraneSettles() {
        BadInputTest.Result r = cli("explain", "scenarios/donnan.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Membrane plasma: inside cell, outside bath, V = -20.00 mV")
                .contains("Where it settles").contains("Membrane plasma: V = -23.56 mV; cell: K 120.710 mM")
                .contains("time constants from 1.00 ms (plasma.V_mV) to 25.5 s");
        BadInputTest.Result swelling = cli("explain", "scenarios/pump-leak-cell.yaml");
        assertThat(swelling.out()).contains("Membrane plasma: V = -69.29 mV");
    }
}
