package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression check against the golden traces in {@code results/reference/<name>/trace.csv}: same header, same
 * times, and every value within {@link #RELATIVE} of the column's largest magnitude. The shipped scenarios run
 * at rtol 1e-8, so a change of solver or step control stays far inside this band; a change of physics does not.
 */
class ReferenceTracesTest {

    /** Allowed drift, relative to the largest |value| of the column. */
    static final double RELATIVE = 1e-6;

    static Stream<String> referenced() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("results/reference"))) {
            return dirs.filter(d -> Files.exists(d.resolve("trace.csv"))
                            && Files.exists(Path.of("scenarios", d.getFileName() + ".yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenced")
    void matchesGoldenTrace(String name) throws IOException {
        List<String> golden = Files.readAllLines(Path.of("results/reference", name, "trace.csv"));
        Scenarios.Run run = Scenarios.run(Scenarios.shipped(name));
        String header = String.join(",", run.trace().columns().stream().map(c -> c.name()).toList());
        assertThat(header).isEqualTo(golden.get(0));
        assertThat(run.trace().rows()).hasSize(golden.size() - 1);
        int columns = run.trace().columns().size();
        double[] scale = new double[columns];
        double[][] expected = new double[golden.size() - 1][];
        for (int r = 1; r < golden.size(); r++) {
            String[] cells = golden.get(r).split(",");
            expected[r - 1] = new double[columns];
            for (int c = 0; c < columns; c++) {
                expected[r - 1][c] = CsvTraceWriter.parse(cells[c]);
                if (Double.isFinite(expected[r - 1][c])) {
                    scale[c] = Math.max(scale[c], Math.abs(expected[r - 1][c]));
                }
            }
        }
        for (int r = 0; r < expected.length; r++) {
            double[] actual = run.trace().rows().get(r);
            assertThat(actual[0]).isEqualTo(expected[r][0]);
            for (int c = 1; c < columns; c++) {
                double tolerance = RELATIVE * scale[c] + 1e-300;
                assertThat(Math.abs(actual[c] - expected[r][c]))
                        .as("%s row %d column %s", name, r, run.trace().columns().get(c).name())
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }
}
