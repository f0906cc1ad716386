package org.ionflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow scenario -> model -> physics -> solver -> output -> cli (STYLE.md): a plain
 * test over the import lines of the sources keeps physics free of I/O and the CLI free of equations.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/ionflux/internal");

    /** Package -> imports it must not have. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "physics", List.of("java.io", "java.nio", "com.fasterxml", "org.knowm", "picocli", "org.ionflux.internal.model",
                    "org.ionflux.internal.scenario", "org.ionflux.internal.solver", "org.ionflux.internal.output", "org.ionflux.internal.cli"),
            "model", List.of("java.io", "java.nio", "com.fasterxml", "org.apache.commons.math3", "org.ionflux.internal.scenario",
                    "org.ionflux.internal.solver", "org.ionflux.internal.output", "org.ionflux.internal.cli"),
            "scenario", List.of("org.ionflux.internal.solver", "org.ionflux.internal.output", "org.ionflux.internal.cli", "org.apache.commons.math3"),
            "solver", List.of("java.nio", "com.fasterxml", "org.knowm", "org.ionflux.internal.scenario",
                    "org.ionflux.internal.output", "org.ionflux.internal.cli"),
            "output", List.of("org.ionflux.internal.cli", "org.apache.commons.math3"),
            "cli", List.of("org.ionflux.internal.physics", "org.apache.commons.math3", "org.ionflux.internal.model.Channel"));

    @Test
    void packagesOnlyDependDownstream() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            Path dir = MAIN.resolve(rule.getKey());
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String trimmed = line.strip();
                        if (!trimmed.startsWith("import ")) {
                            continue;
                        }
                        for (String bad : rule.getValue()) {
                            if (trimmed.startsWith("import " + bad) || trimmed.startsWith("import static " + bad)) {
                                violations.add(file + ": " + trimmed);
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
