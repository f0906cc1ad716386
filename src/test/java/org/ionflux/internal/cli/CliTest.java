package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ionflux.internal.cli.BadInputTest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: text and exit codes, captured through picocli's writers. */
class CliTest {

    @TempDir
    Path tmp;


    @Test
    void explainTeachesTheSeedExample() {
        BadInputTest.Result r = cli("explain", "scenarios/seed-chloride.yaml");
        assertThat(r.code()).isZero();
        String clRow = r.out().lines().filter(l -> l.startsWith("Cl ")).findFirst().orElseThrow();
        assertThat(clRow).contains("13.00").contains("130.0").contains("-58.17").contains("-70.00")
                .contains("-11.83").contains("inward").contains("out of cell");
        assertThat(r.out()).contains("E_Cl = -58.17 mV")
                .contains("V - E_Cl = -11.83 mV is negative and Cl is an anion, so Cl flows out of cell into bath")
                .contains("inward current")
                .contains("diffusion alone pushes it into cell")
                .contains("electrical force pushes it out of cell");
    }

    @Test
    void explainAccountsForGatedChannelsAndTheLeakAtRest() {
        BadInputTest.Result r = cli("explain", "scenarios/hh-squid-axon.yaml");
        assertThat(r.code()).isZero();
        // HH 1952 at rest: Na in, K out and the leak cancel (E_L = -54.387 mV makes -65 mV the rest)
        assertThat(r.out()).contains("Na (hh-na gated channel)").contains("K (hh-k gated channel)")
                .contains("Non-specific leak: it reverses at E_L = -54.39 mV").contains("(-3.184 uA/cm^2)");
        double na = Double.parseDouble(r.out().replaceAll("(?s).*Na \\(hh-na.*?\\(([-+0-9.]+) uA/cm\\^2.*", "$1"));
        double k = Double.parseDouble(r.out().replaceAll("(?s).*K \\(hh-k.*?\\(([-+0-9.]+) uA/cm\\^2.*", "$1"));
        assertThat(na + k - 3.184).isCloseTo(0.0, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void runWritesIntoTheChosenFolder() {
        Path out = tmp.resolve("seed");
        BadInputTest.Result r = cli("run", "scenarios/ghk-relaxation.yaml", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("completed");
        assertThat(out.resolve("trace.csv")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
    }

    @Test
    void badInputExitsTwoWithTheFieldAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("scenarios/seed-chloride.yaml"))
                .replace("area: 1000 um^2", "area: 1000 mV"));
        Path out = tmp.resolve("out");
        BadInputTest.Result r = cli("run", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:").contains("membranes.plasma.area").contains("is a potential")
                .doesNotContain("Exception").doesNotContain("\tat ");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("bad.yaml");
        }
    }

    @Test
    void validateReportsEveryFile() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\"}");
        BadInputTest.Result ok = cli("validate", "scenarios/seed-chloride.yaml", "scenarios/donnan.yaml");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("seed-chloride.yaml: valid").contains("donnan.yaml: valid");
        BadInputTest.Result mixed = cli("validate", "scenarios/seed-chloride.yaml", bad.toString());
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("bad.json").contains("required field 'ions' is missing");
    }

    @Test
    void benchPrintsOneJsonObject() throws Exception {
        BadInputTest.Result r = cli("bench", "scenarios/ghk-relaxation.yaml", "--repeat", "3", "--warmup", "1");
        assertThat(r.code()).as(r.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("scenario").asText()).isEqualTo("ghk-relaxation");
        assertThat(json.get("repeats").asInt()).isEqualTo(3);
        double min = json.get("integration_wall_time_s").get("min").asDouble();
        double median = json.get("integration_wall_time_s").get("median").asDouble();
        double max = json.get("integration_wall_time_s").get("max").asDouble();
        assertThat(min).isPositive().isLessThanOrEqualTo(median);
        assertThat(median).isLessThanOrEqualTo(max);
        assertThat(json.get("steps").asLong()).isPositive();
        assertThat(json.get("rhs_evaluations").asLong()).isGreaterThan(json.get("steps").asLong());
    }

    /** {@code bench --serve}: ready when warm, then one JSON line per batch asked for on standard input. */
    @Test
    void benchServesBatchesAskedForOnStandardInput() throws Exception {
        BadInputTest.Result r = withInput("2\n3\n",
                () -> cli("bench", "scenarios/ghk-relaxation.yaml", "--warmup", "1", "--serve"));
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(lines[0]).get("ready").asBoolean()).isTrue();
        for (int k = 1; k < 3; k++) {
            var batch = mapper.readTree(lines[k]);
            assertThat(batch.get("min").asDouble()).isPositive()
                    .isLessThanOrEqualTo(batch.get("median").asDouble());
        }
        BadInputTest.Result bad = withInput("two\n",
                () -> cli("bench", "scenarios/ghk-relaxation.yaml", "--warmup", "0", "--serve"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected a number of runs >= 1 per line, got 'two'");
    }

    private static BadInputTest.Result withInput(String input,
                                                 java.util.function.Supplier<BadInputTest.Result> command) {
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void unknownCommandIsBadInput() {
        assertThat(cli("simulate", "x.yaml").code()).isEqualTo(2);
    }
}
