package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ionflux.internal.physics.NumericAssertions.assertClose;
import static org.ionflux.internal.physics.NumericAssertions.centralDifference;
import static org.ionflux.internal.physics.NumericAssertions.logUniform;
import static org.ionflux.internal.physics.NumericAssertions.uniform;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PMCA law {@code i = I_max c^n / (c^n + km^n)}, its derivative and its flux (docs/physics.md sections 6 and 7). */
class CalciumPumpTest {

    /*
     * Tolerances.
     * FD_REL = 1e-6: central difference with h = 1e-5 c; the Hill function's relative third derivative is at most
     * ~ (n + 1)^3 / c^2 for n <= 4, so truncation is ~ 125 h^2 / c^2 ~ 1e-8, roundoff ~ eps / 1e-5 = 2e-11.
     * ROUND_REL = 1e-15: values that differ only by the rounding of a few products or quotients.
     */
    private static final double FD_REL = 1e-6;
    private static final double ROUND_REL = 1e-15;

    static LongStream seeds() {
        return NumericAssertions.seeds(100);
    }

    @Test
    void halfSaturationAtKmForEveryHillCoefficient() {
        for (double n : new double[] {1, 1.5, 2, 4}) {
            assertClose(CalciumPump.currentDensityAPerM2(2.0, 3e-4, 3e-4, n), 1.0, ROUND_REL, 0, "i at km, n=" + n);
            // d/dc at c = km: I n / (4 km)
            assertClose(CalciumPump.currentDensityPartialCalciumInside(2.0, 3e-4, 3e-4, n), 2.0 * n / (4 * 3e-4),
                    1e-14, 0, "di/dc at km, n=" + n);
        }
    }

    @Test
    void zeroKmIsAConstantPumpEvenWithoutCalcium() {
        assertThat(CalciumPump.currentDensityAPerM2(0.5, 0.0, 0.0, 1)).isEqualTo(0.5);
        assertThat(CalciumPump.currentDensityAPerM2(0.5, 1e-3, 0.0, 3)).isEqualTo(0.5);
        assertThat(CalciumPump.currentDensityPartialCalciumInside(0.5, 1e-3, 0.0, 3)).isEqualTo(0.0);
    }

    @Test
    void noCalciumNoPumping() {
        for (double n : new double[] {1, 2.5}) {
            assertThat(CalciumPump.currentDensityAPerM2(0.5, 0.0, 2e-4, n)).isEqualTo(0.0);
        }
    }

    @Test
    void oneCalciumPerCycleCarriesTwoCharges() {
        // J = i A / (2 F): 1 A/m^2 on 1 m^2 is 1 C/s, that is 1/(2F) mol/s of a divalent ion
        assertClose(CalciumPump.calciumFluxMolPerS(1.0, 1.0), 1.0 / (2 * Constants.FARADAY_C_PER_MOL), ROUND_REL, 0,
                "J");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void derivativeMatchesCentralDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double iMax = uniform(rng, 0.01, 2.0);
        double km = logUniform(rng, 1e-5, 1e-2);
        double c = logUniform(rng, 1e-6, 1e-1);
        double n = uniform(rng, 1.0, 4.0);
        double analytic = CalciumPump.currentDensityPartialCalciumInside(iMax, c, km, n);
        double numeric = centralDifference(x -> CalciumPump.currentDensityAPerM2(iMax, x, km, n), c, 1e-5 * c);
        // near saturation the derivative is tiny and the difference quotient keeps only its roundoff,
        // ~ eps iMax / h = 2e-11 iMax / c: the absolute tolerance is 5 times that
        assertClose(analytic, numeric, FD_REL, 1e-10 * iMax / c, "di/dc seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hillFormAgreesWithTheTextbookFormula(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double km = logUniform(rng, 1e-5, 1e-2);
        double c = logUniform(rng, 1e-5, 1e-2);
        double n = uniform(rng, 1.0, 4.0);
        double textbook = Math.pow(c, n) / (Math.pow(c, n) + Math.pow(km, n));
        assertClose(CalciumPump.currentDensityAPerM2(1.0, c, km, n), textbook, 1e-13, 0, "seed " + seed);
    }
}
