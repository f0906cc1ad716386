package org.ionflux.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test's Ei series against values computed independently with scipy.special.expi. */
class ExponentialIntegralTest {

    @Test
    void seriesMatchesScipyReference() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/reference/expi.csv"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("x,")) {
                continue;
            }
            String[] cells = line.split(",");
            double x = Double.parseDouble(cells[0]);
            double expected = Double.parseDouble(cells[1]);
            // the series cancels for x < 0 (terms up to e^|x| ~ 400 at x = -6 against Ei ~ 4e-4):
            // allow 1e-13 relative plus 1e-15 absolute per unit of e^|x|
            double tolerance = 1e-13 * Math.abs(expected) + 1e-15 * Math.exp(Math.abs(x));
            assertThat(ExponentialIntegral.ei(x)).as("Ei(%s)", x).isCloseTo(expected, within(tolerance));
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
    }
}
