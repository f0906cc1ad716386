package org.ionflux.internal.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad sweep files: every defect is reported with its field path, line and column, all at once, and nothing runs. */
class SweepBadInputTest {

    private static final String GOOD_PARAMETER =
            "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.01, 0.1]}";
    private static final String GOOD_METRICS = "metrics: [{column: cell.Cl_mM, stat: final}]";

    @TempDir
    Path tmp;

    private List<Problem> problems(String... lines) throws Exception {
        Path file = SweepFiles.write(tmp, "bad", SweepFiles.SEED, lines);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> SweepPlan.load(file, 2));
        assertThat(e).as("a ScenarioException").isNotNull();
        return e.problems();
    }

    /** Asserts one problem at {@code path}, located in the file, whose message contains {@code text}. */
    private static void assertOne(List<Problem> problems, String path, String text) {
        assertThat(problems).as(problems.toString()).hasSize(1);
        Problem p = problems.get(0);
        assertThat(p.file()).endsWith("bad.yaml");
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        assertThat(p.message()).contains(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "unknown key | metric: [] | metric | unknown key 'metric' (did you mean 'metrics'?)",
        "parameters not a list | parameters: 3 | parameters | expected a non-empty list",
        "unknown combine | combine: grids | combine | unknown combine 'grids' (did you mean 'grid'?)",
    })
    void aTopLevelDefect(String name, String line, String path, String text) throws Exception {
        boolean replacesParameters = line.startsWith("parameters");
        boolean replacesMetrics = line.startsWith("metric");
        List<Problem> problems = problems(
                replacesParameters ? line : "parameters:\n" + GOOD_PARAMETER,
                replacesMetrics ? line : GOOD_METRICS,
                replacesParameters || replacesMetrics ? "" : line);
        assertOne(problems, path, text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a path the scenario lacks | {path: compartments.cell.concentrations.Na, values: [1]} | parameters[0].path"
                + " | 'Na' is not a declared ion",
        "a path outside the grammar | {path: 'membranes.plasma.channels[0].conductanse', values: [1]}"
                + " | parameters[0].path | did you mean 'conductance'",
        "an empty list | {path: temperature, values: []} | parameters[0].values | expected a non-empty list",
        "a file path | {path: initial_state, values: [1]} | parameters[0].path | names a file, not a number",
        "a value that is not finite | {path: temperature, values: [20, .nan]} | parameters[0].values[1]"
                + " | expected a finite number",
        "an infinite value | {path: temperature, values: [.inf]} | parameters[0].values[0] | expected a finite number",
        "a unit of another kind | {path: temperature, values: [2 mV]} | parameters[0].values[0] | is a potential",
        "a value of a wrong type | {path: temperature, values: [true]} | parameters[0].values[0]"
                + " | expected a number or a string",
        "a log range through 0 | {path: membranes.plasma.potential.value, range: {from: -10, to: 10, steps: 3,"
                + " scale: log}} | parameters[0].range | a log range cannot reach or cross 0",
        "a log range from 0 | {path: temperature, range: {from: 0, to: 10, steps: 3, scale: log}}"
                + " | parameters[0].range | a log range cannot reach or cross 0",
        "one step | {path: temperature, range: {from: 0, to: 10, steps: 1}} | parameters[0].range.steps"
                + " | expected an integer from 2",
        "values and range | {path: temperature, values: [1], range: {from: 0, to: 10, steps: 2}} | parameters[0]"
                + " | give values or range, not both",
        "neither | {path: temperature} | parameters[0] | give the parameter's values",
        "an unknown scale | {path: temperature, range: {from: 1, to: 10, steps: 2, scale: logarithmic}}"
                + " | parameters[0].range.scale | unknown scale",
    })
    void aParameterDefect(String name, String parameter, String path, String text) throws Exception {
        assertOne(problems("parameters:", "  - " + parameter, GOOD_METRICS), path, text);
    }

    @Test
    void zippedListsOfDifferentLengths() throws Exception {
        assertOne(problems("parameters:", GOOD_PARAMETER, "  - {path: temperature, values: [10, 20, 30]}",
                "combine: zip", GOOD_METRICS), "combine", "must have one length; found "
                + "membranes.plasma.channels[0].conductance: 2, temperature: 3");
    }

    @Test
    void aLatinHypercubeNeedsRangesAndItsSeed() throws Exception {
        List<Problem> problems = problems("parameters:", GOOD_PARAMETER,
                "  - {path: temperature, range: {from: 10, to: 30, steps: 3}}",
                "combine: {latin_hypercube: {samples: 0}}", GOOD_METRICS);
        assertThat(problems).extracting(Problem::path).containsExactly("parameters[0].values",
                "parameters[1].range.steps", "combine.latin_hypercube.seed", "combine.latin_hypercube.samples");
    }

    @Test
    void aMetricColumnThatNoVariantHas() throws Exception {
        assertOne(problems("parameters:", GOOD_PARAMETER, "metrics:", "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: cell.Na_mM, stat: max}"), "metrics[1].column", "no variant's trace has a column "
                + "'cell.Na_mM'");
    }

    @Test
    void aMetricColumnThatOnlySomeVariantsHaveIsAccepted() throws Exception {
        // water makes the cell's volume a column of the trace: only the variants with water have it
        Path file = SweepFiles.write(tmp, "water", SweepFiles.shortSeed(tmp, "10 s"),
                "parameters:", "  - {path: membranes.plasma.water_permeability, values: [0, 1e-3]}",
                "metrics: [{column: cell.volume_pL, stat: final}, {column: cell.Cl_mM, stat: final}]");
        SweepPlan plan = SweepPlan.load(file, 1);
        SweepRow dry = plan.run(0, new org.ionflux.internal.solver.RunControl(), null);
        SweepRow wet = plan.run(1, new org.ionflux.internal.solver.RunControl(), null);
        assertThat(dry.completed()).isTrue();
        assertThat(dry.defined()).containsExactly(false, true);
        assertThat(dry.cells().get(2)).isEmpty();
        assertThat(wet.defined()).containsExactly(true, true);
    }

    @Test
    void anUnknownStatAndATwiceAskedMetric() throws Exception {
        List<Problem> problems = problems("parameters:", GOOD_PARAMETER, "metrics:",
                "  - {column: cell.Cl_mM, stat: average}",
                "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: cell.Cl_mM, stat: final}");
        assertThat(problems).extracting(Problem::path).containsExactly("metrics[0].stat", "metrics[2]");
        assertThat(problems.get(0).message()).contains("expected final, min, max, mean, time_to_equilibrium");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() throws Exception {
        List<Problem> problems = problems(
                "colour: blue",
                "parameters:",
                "  - {path: compartments.cell.concentrations.Na, values: [1]}",
                "  - {path: temperature, values: []}",
                "  - {path: membranes.plasma.potential.value, range: {from: -10, to: 10, steps: 3, scale: log}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: avg}");
        assertThat(problems).extracting(Problem::path).containsExactly("colour", "parameters[0].path",
                "parameters[1].values", "parameters[2].range", "metrics[0].stat");
        assertThat(problems).extracting(Problem::line).containsExactly(3, 5, 6, 7, 9);
    }

    @Test
    void theBaseScenariosProblemsAreReportedToo() throws Exception {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(SweepFiles.SEED).replace("volume: 2 pL", "volume: -2 pL"));
        Path file = SweepFiles.write(tmp, "bad", broken, "parameters:", GOOD_PARAMETER, GOOD_METRICS);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> SweepPlan.load(file, 1));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).endsWith("broken.yaml");
        assertThat(e.problems().get(0).path()).isEqualTo("compartments.cell.volume");
    }

    @Test
    void aMissingScenarioFile() throws Exception {
        Path file = SweepFiles.write(tmp, "bad", tmp.resolve("nothere.yaml"), "parameters:", GOOD_PARAMETER,
                GOOD_METRICS);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> SweepPlan.load(file, 1));
        assertThat(e.getMessage()).contains("nothere.yaml: no such file");
    }

    @Test
    void aSweepFileInJson() throws Exception {
        Path file = tmp.resolve("sweep.json");
        Files.writeString(file, "{\"name\": \"j\", \"scenario\": \"" + SweepFiles.SEED + "\", \"parameters\": "
                + "[{\"path\": \"temperature\", \"values\": [20, \"300 K\"]}], \"metrics\": [{\"column\": "
                + "\"cell.Cl_mM\", \"stat\": \"final\"}], \"combine\": \"zip\"}");
        SweepPlan plan = SweepPlan.load(file, 1);
        assertThat(plan.variants().count()).isEqualTo(2);
        assertThat(plan.variants().value(1, 0)).isCloseTo(26.85, org.assertj.core.api.Assertions.within(1e-12));
        Files.writeString(file, "{\"name\": \"j\", \"scenario\": 3}");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> SweepPlan.load(file, 1));
        assertThat(e.problems()).extracting(Problem::path).contains("scenario", "parameters", "metrics");
    }
}
