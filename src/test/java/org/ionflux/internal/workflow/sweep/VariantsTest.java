package org.ionflux.internal.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ionflux.internal.scenario.SweepFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How parameters combine: grid order, zip, and the Latin hypercube's strata, ranges and seed. */
class VariantsTest {

    @TempDir
    Path tmp;

    private Variants variants(String... lines) throws Exception {
        SweepFileReader.Reading reading = SweepFileReader.read(SweepFiles.write(tmp, "v", SweepFiles.SEED, lines));
        assertThat(reading.problems()).isEmpty();
        return new Variants(reading.definition());
    }

    @Test
    void aGridVariesTheLastParameterFastest() throws Exception {
        Variants v = variants("parameters:",
                "  - {path: temperature, values: [10, 20]}",
                "  - {path: compartments.cell.volume, values: [1, 2, 3]}",
                "metrics: [{column: cell.Cl_mM, stat: final}]");
        assertThat(v.count()).isEqualTo(6);
        assertThat(v.values(0)).containsExactly(10, 1);
        assertThat(v.values(1)).containsExactly(10, 2);
        assertThat(v.values(3)).containsExactly(20, 1);
        assertThat(v.values(5)).containsExactly(20, 3);
    }

    @Test
    void rangesIncludeTheirEndsExactly() throws Exception {
        Variants v = variants("parameters:",
                "  - {path: compartments.bath.concentrations.K, range: {from: 1 uM, to: 10 mM, steps: 5, scale: log}}",
                "  - {path: membranes.plasma.potential.value, range: {from: -0.09 V, to: -30, steps: 4}}",
                "metrics: [{column: cell.Cl_mM, stat: final}]");
        assertThat(v.count()).isEqualTo(20);
        double[] k = new double[5];
        for (int i = 0; i < 5; i++) {
            k[i] = v.value(4 * i, 0);
        }
        assertThat(k[0]).isEqualTo(0.001);
        assertThat(k[4]).isEqualTo(10.0);
        for (int i = 1; i < 5; i++) {
            assertThat(Math.log10(k[i]) - Math.log10(k[i - 1])).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(new double[] {v.value(0, 1), v.value(1, 1), v.value(2, 1), v.value(3, 1)})
                .containsExactly(-90, -70, -50, -30);
    }

    @Test
    void zipTakesTheKthValueOfEveryList() throws Exception {
        Variants v = variants("parameters:",
                "  - {path: temperature, values: [10, 20, 30]}",
                "  - {path: compartments.cell.volume, range: {from: 1, to: 3, steps: 3}}",
                "combine: zip",
                "metrics: [{column: cell.Cl_mM, stat: final}]");
        assertThat(v.count()).isEqualTo(3);
        assertThat(v.values(0)).containsExactly(10, 1);
        assertThat(v.values(1)).containsExactly(20, 2);
        assertThat(v.values(2)).containsExactly(30, 3);
    }

    private static final String[] LHS = {"parameters:",
        "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.001, to: 10, scale: log}}",
        "  - {path: membranes.plasma.potential.value, range: {from: -90 mV, to: -30 mV}}",
        "  - {path: temperature, range: {from: 30, to: 5}}",
        "combine: {latin_hypercube: {samples: 50, seed: 42}}",
        "metrics: [{column: cell.Cl_mM, stat: final}]"};

    @Test
    void aLatinHypercubeHasOneSamplePerStratumOfEveryParameter() throws Exception {
        Variants v = variants(LHS);
        int n = 50;
        assertThat(v.count()).isEqualTo(n);
        boolean[][] hit = new boolean[3][n];
        for (int i = 0; i < n; i++) {
            double g = v.value(i, 0);
            double volts = v.value(i, 1);
            double temperature = v.value(i, 2);
            assertThat(g).isBetween(0.001, 10.0);
            assertThat(volts).isBetween(-90.0, -30.0);
            assertThat(temperature).isBetween(5.0, 30.0);
            // strata of equal width: in the logarithm for the log range
            hit[0][stratum((Math.log10(g) + 3) / 4, n)] = true;
            hit[1][stratum((volts + 90) / 60, n)] = true;
            hit[2][stratum((30 - temperature) / 25, n)] = true;
        }
        for (boolean[] strata : hit) {
            for (boolean h : strata) {
                assertThat(h).as("every stratum has its sample").isTrue();
            }
        }
    }

    private static int stratum(double fraction, int n) {
        return (int) Math.min(n - 1, Math.floor(fraction * n));
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() throws Exception {
        Variants a = variants(LHS);
        Variants b = variants(LHS);
        String[] other = LHS.clone();
        other[4] = other[4].replace("seed: 42", "seed: 43");
        Variants c = variants(other);
        boolean differs = false;
        for (int i = 0; i < a.count(); i++) {
            assertThat(b.values(i)).containsExactly(a.values(i));
            differs |= a.value(i, 0) != c.value(i, 0);
        }
        assertThat(differs).isTrue();
    }
}
