package org.ionflux.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional {@code check:} section (WORKFLOWS.md section 2): read in the file's order, ignored by the model,
 * and its problems reported like every other field's, with path, line and column.
 */
class CheckSectionTest {

    @TempDir
    Path tmp;

    /** The seed scenario with {@code check} text appended at the top level. */
    private Path seedWith(String check) throws Exception {
        Path file = tmp.resolve("seed.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/seed-chloride.yaml")) + check);
        return file;
    }

    @Test
    void patternsKeepTheFilesOrderAndRtolIsRead() throws Exception {
        LoadedScenario s = ScenarioReader.read(seedWith("""
                check:
                  rtol: 1e-4
                  atol: {"*.V_mV": 0.01, "cell.*": 1e-5, "cell.Cl_mM": 0}
                """));
        assertThat(s.check().rtol()).isEqualTo(1e-4);
        assertThat(s.check().atol()).containsExactly(new CheckSection.PatternTolerance("*.V_mV", 0.01),
                new CheckSection.PatternTolerance("cell.*", 1e-5), new CheckSection.PatternTolerance("cell.Cl_mM", 0));
    }

    @Test
    void runIgnoresIt() throws Exception {
        LoadedScenario plain = ScenarioReader.read(Path.of("scenarios/seed-chloride.yaml"));
        LoadedScenario with = ScenarioReader.read(seedWith("check: {rtol: 0.5}\n"));
        assertThat(with.model()).isEqualTo(plain.model());
        assertThat(plain.check()).isEqualTo(CheckSection.NONE);
        assertThat(with.check().hasRtol()).isTrue();
        assertThat(with.check().atol()).isEmpty();
    }

    @Test
    void anEmptySectionIsAbsent() throws Exception {
        assertThat(ScenarioReader.read(seedWith("check:\n")).check()).isEqualTo(CheckSection.NONE);
    }

    @Test
    void jsonWorksToo() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml
                        .YAMLFactory()).readTree(Path.of("scenarios/seed-chloride.yaml").toFile()));
        Path file = tmp.resolve("seed.json");
        Files.writeString(file, json.substring(0, json.length() - 1)
                + ",\"check\":{\"atol\":{\"plasma.*\":\"2e-3\"}}}");
        assertThat(ScenarioReader.read(file).check().atol())
                .containsExactly(new CheckSection.PatternTolerance("plasma.*", 2e-3));
    }

    @Test
    void everyProblemIsReportedWithPathLineAndColumn() throws Exception {
        Path file = seedWith("""
                check:
                  rtol: -1
                  atol:
                    "*.V_mV": -0.5
                    "cell.*": lots
                    "": 1
                  tolerance: 3
                """);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(file));
        List<String> shown = e.problems().stream().map(Problem::format).toList();
        int line = (int) Files.readString(Path.of("scenarios/seed-chloride.yaml")).lines().count() + 1;
        assertThat(shown).containsExactly(
                file + ":" + (line + 1) + ":3: check.rtol: rtol must be greater than 0, found -1",
                file + ":" + (line + 3) + ":5: check.atol.*.V_mV: an absolute tolerance must not be negative, "
                        + "found -0.5",
                file + ":" + (line + 4) + ":5: check.atol.cell.*: expected a number, found 'lots'",
                file + ":" + (line + 5) + ":5: check.atol.: a column pattern must not be empty",
                file + ":" + (line + 6) + ":3: check.tolerance: unknown key 'tolerance'; allowed here: atol, rtol");
    }

    @Test
    void wrongShapes() throws Exception {
        assertThat(problems("check: [1, 2]\n")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("check");
            assertThat(p.message()).startsWith("expected a mapping with rtol and/or atol");
            assertThat(p.line()).isPositive();
        });
        assertThat(problems("check: {atol: 0.01}\n")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("check.atol");
            assertThat(p.message()).contains("expected a mapping of column pattern to absolute tolerance")
                    .endsWith("found the number 0.01");
        });
        assertThat(problems("check: {rtol: true}\n")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("expected a number, found the boolean true"));
        assertThat(problems("check: {rtol: 0}\n")).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("rtol must be greater than 0, found 0"));
        assertThat(problems("chek: {rtol: 1e-3}\n")).singleElement().satisfies(p ->
                assertThat(p.message()).contains("unknown key 'chek' (did you mean 'check'?)"));
    }

    private List<Problem> problems(String check) throws Exception {
        Path file = seedWith(check);
        return catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(file)).problems();
    }
}
