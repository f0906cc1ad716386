package org.ionflux.internal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.ScenarioException;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.workflow.RunJob;

/** Test helpers: load shipped scenarios, run models in memory. */
public final class Scenarios {

    /** The shipped scenarios folder (tests run with the project root as working directory). */
    public static final Path SHIPPED = Path.of("scenarios");

    private Scenarios() {
    }

    /** A run kept in memory. */
    public record Run(RunResult result, InMemoryTrace trace) {
    }

    /** @return the shipped scenario {@code name}.yaml, read and validated */
    public static Model shipped(String name) {
        return load(SHIPPED.resolve(name + ".yaml"));
    }

    /** @return the scenario at {@code path}, read and validated */
    public static Model load(Path path) {
        try {
            return ScenarioReader.read(path).model();
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** @return the model parsed from YAML text */
    public static Model yaml(String text) {
        try {
            return ScenarioReader.parse(text, true, "test.yaml");
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Scenarios made for the tests (every mechanism at once, and the like). */
    public static final Path TEST_SCENARIOS = Path.of("src/test/resources/scenarios");

    /** @return every shipped scenario file */
    public static List<Path> allShipped() throws IOException {
        return list(SHIPPED);
    }

    /** @return every shipped scenario file and every scenario made for the tests */
    public static List<Path> allShippedAndTest() throws IOException {
        List<Path> all = new java.util.ArrayList<>(list(SHIPPED));
        all.addAll(list(TEST_SCENARIOS));
        return all;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted()
                    .toList();
        }
    }

    /** Runs {@code model} with the trace in memory. */
    public static Run run(Model model) {
        RunJob.InMemory run = RunJob.runInMemory(model, new RunControl());
        return new Run(run.result(), run.trace());
    }
}
