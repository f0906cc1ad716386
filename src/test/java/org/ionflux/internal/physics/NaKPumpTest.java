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

class NaKPumpTest {

    /*
     * Tolerances.
     * FD_REL = 1e-6 (brief). Step h = 1e-5 c: s = c/(c+km) has relative third derivative ~ 1/(c+km)^2 <= 1/c^2,
     * so truncation is ~ h^2/c^2 = 1e-10; roundoff ~ eps / 1e-5 = 2e-11.
     * ROUND_REL = 1e-15: identities that differ only by the rounding of two or three products/quotients
     * (each <= 1.1e-16 relative).
     */
    private static final double FD_REL = 1e-6;
    private static final double ROUND_REL = 1e-15;
    private static final double F = Constants.FARADAY_C_PER_MOL;

    static LongStream seeds() {
        return NumericAssertions.seeds(100);
    }

    @Test
    void knownValueAtHalfSaturation() {
        // s_Na = 10/20 = 1/2, s_K = 4/8 = 1/2: i = 2 * (1/8) * (1/4), all exact in binary.
        assertThat(NaKPump.currentDensityAPerM2(2.0, 10.0, 4.0, 10.0, 4.0)).isEqualTo(0.0625);
        // d/dc_Na = I 3 s_Na^2 km/(c+km)^2 s_K^2 = 2 * 3 * 1/4 * 10/400 * 1/4 = 3/320.
        assertClose(NaKPump.currentDensityPartialSodiumInside(2.0, 10.0, 4.0, 10.0, 4.0), 3.0 / 320.0, ROUND_REL, 0,
                "di/dNa");
        // d/dc_K = I s_Na^3 2 s_K km/(c+km)^2 = 2 * 1/8 * 2 * 1/2 * 4/64 = 1/64.
        assertClose(NaKPump.currentDensityPartialPotassiumOutside(2.0, 10.0, 4.0, 10.0, 4.0), 1.0 / 64.0, ROUND_REL,
                0, "di/dK");
    }

    @Test
    void zeroHalfSaturationGivesAConstantPumpEvenAtZeroConcentration() {
        assertThat(NaKPump.currentDensityAPerM2(1.5, 0.0, 0.0, 0.0, 0.0)).isEqualTo(1.5);
        assertThat(NaKPump.currentDensityAPerM2(1.5, 12.0, 0.0, 0.0, 0.0)).isEqualTo(1.5);
        assertThat(NaKPump.currentDensityPartialSodiumInside(1.5, 0.0, 0.0, 0.0, 0.0)).isEqualTo(0.0);
        assertThat(NaKPump.currentDensityPartialPotassiumOutside(1.5, 0.0, 0.0, 0.0, 0.0)).isEqualTo(0.0);
        // Only the K factor switched off: i = I s_Na^3.
        double sNa = 12.0 / (12.0 + 10.0);
        assertThat(NaKPump.currentDensityAPerM2(1.5, 12.0, 0.0, 10.0, 0.0)).isEqualTo(1.5 * sNa * sNa * sNa);
        assertThat(NaKPump.currentDensityPartialPotassiumOutside(1.5, 12.0, 0.0, 10.0, 0.0)).isEqualTo(0.0);
        // Only the Na factor switched off.
        double sK = 5.0 / (5.0 + 1.5);
        assertThat(NaKPump.currentDensityAPerM2(1.5, 0.0, 5.0, 0.0, 1.5)).isEqualTo(1.5 * sK * sK);
    }

    @Test
    void noSubstrateNoPumping() {
        assertThat(NaKPump.currentDensityAPerM2(1.0, 0.0, 5.0, 10.0, 1.5)).isEqualTo(0.0);
        assertThat(NaKPump.currentDensityAPerM2(1.0, 12.0, 0.0, 10.0, 1.5)).isEqualTo(0.0);
        // The first-order Na factor at c = 0 has a cube, so its slope is 0 too; the K slope has a square.
        assertThat(NaKPump.currentDensityPartialSodiumInside(1.0, 0.0, 5.0, 10.0, 1.5)).isEqualTo(0.0);
        assertThat(NaKPump.currentDensityPartialPotassiumOutside(1.0, 12.0, 0.0, 10.0, 1.5)).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void partialsMatchFiniteDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double iMax = logUniform(rng, 0.01, 10.0);
        double na = logUniform(rng, 0.1, 200.0);
        double k = logUniform(rng, 0.1, 200.0);
        double kmNa = logUniform(rng, 0.1, 100.0);
        double kmK = logUniform(rng, 0.1, 100.0);
        // No partial is tiny: every factor is in (0, 1) and bounded away from 0 on these ranges.
        assertClose(NaKPump.currentDensityPartialSodiumInside(iMax, na, k, kmNa, kmK),
                centralDifference(c -> NaKPump.currentDensityAPerM2(iMax, c, k, kmNa, kmK), na, 1e-5 * na),
                FD_REL, 0, "di/dNa");
        assertClose(NaKPump.currentDensityPartialPotassiumOutside(iMax, na, k, kmNa, kmK),
                centralDifference(c -> NaKPump.currentDensityAPerM2(iMax, na, c, kmNa, kmK), k, 1e-5 * k),
                FD_REL, 0, "di/dK");
        // Monotone, saturating: 0 < i < I_max.
        double i = NaKPump.currentDensityAPerM2(iMax, na, k, kmNa, kmK);
        assertThat(i).isPositive().isLessThan(iMax);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fluxesAreThreeNaOutTwoKInOneChargePerCycle(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double i = NaKPump.currentDensityAPerM2(logUniform(rng, 0.01, 10.0), uniform(rng, 1, 50), uniform(rng, 1, 20),
                10.0, 1.5);
        double area = logUniform(rng, 1e-12, 1e-6);
        double jNa = NaKPump.sodiumFluxMolPerS(i, area);
        double jK = NaKPump.potassiumFluxMolPerS(i, area);
        double rate = NaKPump.cycleRateMolPerS(i, area);
        assertThat(jNa).isPositive().isEqualTo(-1.5 * jK);
        assertThat(jK).isNegative();
        assertClose(F * rate / area, i, ROUND_REL, 0, "i = F * cycle rate / A");
        // Net charge: (+1) J_Na + (+1) J_K = one charge per cycle, and it equals the pump current.
        assertClose(jNa + jK, rate, ROUND_REL, 0, "J_Na + J_K");
        assertClose(F * (jNa + jK) / area, i, 2 * ROUND_REL, 0, "F (J_Na + J_K) / A");
        assertClose(jNa, 3 * i * area / F, ROUND_REL, 0, "J_Na = 3 i A / F");
        assertClose(jK, -2 * i * area / F, ROUND_REL, 0, "J_K = -2 i A / F");
    }
}
