package org.ionflux.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ionflux.Ionflux;
import org.ionflux.Result;
import org.ionflux.ScenarioException;
import org.ionflux.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps through the public API only, as a Java user (or the Spark job) sees them. */
class SweepApiTest {

    @TempDir
    Path tmp;

    private Path sweepFile() throws IOException {
        Path scenario = tmp.resolve("seed.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/seed-chloride.yaml"))
                .replace("duration: 600 s", "duration: 60 s"));
        Path file = tmp.resolve("api.yaml");
        Files.writeString(file, String.join("\n",
                "name: api",
                "scenario: seed.yaml",
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.01, \"0.2 mS/cm^2\"]}",
                "  - {path: compartments.bath.concentrations.Cl, range: {from: 65 mM, to: 130 mM, steps: 3}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: plasma.V_mV, stat: mean}",
                ""));
        return file;
    }

    @Test
    void aSweepDescribesItsVariants() throws Exception {
        Sweep sweep = Sweep.load(sweepFile());
        assertThat(sweep.name()).isEqualTo("api");
        assertThat(sweep.size()).isEqualTo(6);
        assertThat(sweep.parameters()).containsExactly("membranes.plasma.channels[0].conductance",
                "compartments.bath.concentrations.Cl");
        assertThat(sweep.units()).containsExactly("mS/cm^2", "mM");
        assertThat(sweep.metrics()).containsExactly("final(cell.Cl_mM)", "mean(plasma.V_mV)");
        assertThat(sweep.columns()).containsExactly("variant", "membranes.plasma.channels[0].conductance [mS/cm^2]",
                "compartments.bath.concentrations.Cl [mM]", "final(cell.Cl_mM)", "mean(plasma.V_mV)", "status",
                "message");
        assertThat(sweep.values(4)).containsExactly(0.2, 97.5);
        assertThat(sweep.scenario().name()).isEqualTo("seed-chloride");
    }

    @Test
    void aVariantRunAloneIsItsScenarioRunThroughTheApi() throws Exception {
        Sweep sweep = Sweep.load(sweepFile());
        Sweep.Row row = sweep.run(5);
        Result r = sweep.variant(5).run();
        Result byHand = sweep.scenario().with("membranes.plasma.channels[0].conductance", "0.2 mS/cm^2")
                .with("compartments.bath.concentrations.Cl", 130).run();
        assertThat(row.variant()).isEqualTo(5);
        assertThat(row.completed()).isTrue();
        assertThat(row.status()).isEqualTo("completed");
        assertThat(row.message()).isEmpty();
        assertThat(row.metric("final(cell.Cl_mM)")).isEqualTo(r.last("cell.Cl_mM"))
                .isEqualTo(byHand.last("cell.Cl_mM"));
        assertThat(row.metrics()).hasSize(2);
        assertThatThrownBy(() -> row.metric("final(cell.K_mM)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsFromAnyEngineGoIntoTheSameSweepCsv() throws Exception {
        Sweep sweep = Sweep.load(sweepFile());
        byte[] threaded = Files.readAllBytes(sweep.run(tmp.resolve("threaded"), 2).csv());
        // another engine: the rows computed in any order (here shuffled), handed back to an Output
        List<Sweep.Row> rows = new ArrayList<>();
        for (int v = 0; v < sweep.size(); v++) {
            rows.add(sweep.run(v));
        }
        Collections.shuffle(rows, new java.util.Random(3));
        Path out = tmp.resolve("engine");
        try (Sweep.Output output = sweep.open(out, false)) {
            assertThat(output.firstMissing()).isZero();
            for (Sweep.Row row : rows) {
                output.accept(row);
            }
            assertThat(output.rows()).isEqualTo(6);
        }
        assertThat(Files.readAllBytes(out.resolve("sweep.csv"))).isEqualTo(threaded);
        assertThat(out.resolve("sweep.json")).isRegularFile();
        try (var pngs = Files.newDirectoryStream(out, "*.png")) {
            assertThat(pngs).hasSize(4);
        }
    }

    @Test
    void aSweepTravelsAsItsFilesBytes() throws Exception {
        Sweep sweep = Sweep.load(sweepFile());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sweep);
        }
        // the files are gone: the copy needs only what it carries
        Files.delete(tmp.resolve("seed.yaml"));
        Sweep copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Sweep) in.readObject();
        }
        assertThat(copy.size()).isEqualTo(6);
        assertThat(copy.run(2).csvLine()).isEqualTo(sweep.run(2).csvLine());
        // and a row travels back
        ByteArrayOutputStream rowBytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(rowBytes)) {
            out.writeObject(copy.run(3));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(rowBytes.toByteArray()))) {
            assertThat(((Sweep.Row) in.readObject()).csvLine()).isEqualTo(sweep.run(3).csvLine());
        }
    }

    @Test
    void aBadSweepFileIsOneScenarioException() throws Exception {
        Path file = sweepFile();
        Files.writeString(file, Files.readString(file).replace("stat: mean", "stat: average"));
        assertThatThrownBy(() -> Sweep.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("api.yaml:8:").hasMessageContaining("metrics[1].stat")
                .hasMessageContaining("unknown stat 'average'");
        assertThat(Ionflux.version()).isNotEmpty();
    }
}
