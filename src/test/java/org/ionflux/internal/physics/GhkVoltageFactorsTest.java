package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GhkVoltageFactors} (four factors from one exponential) against {@link SpecialFunctions} (each factor from its
 * own exponential). Tolerance 2e-13 relative: both are the same closed forms, but the slopes cancel about 4e-14
 * relative just above the series threshold (SpecialFunctions' javadoc), and {@code e} and {@code d} differ by an ulp
 * between the two ways of computing them, which that cancellation magnifies by at most a few times.
 */
class GhkVoltageFactorsTest {

    private static final double TOLERANCE = 2e-13;

    private static void assertMatchesOneByOne(GhkVoltageFactors factors, double u) {
        assertClose(factors.factor(), SpecialFunctions.uOverOneMinusExpMinusU(u), "f(%s)", u);
        assertClose(factors.factorOpposite(), SpecialFunctions.uOverOneMinusExpMinusU(-u), "f(-%s)", u);
        assertClose(factors.slope(), SpecialFunctions.uOverOneMinusExpMinusUDerivative(u), "f'(%s)", u);
        assertClose(factors.slopeOpposite(), SpecialFunctions.uOverOneMinusExpMinusUDerivative(-u), "f'(-%s)", u);
    }

    private static void assertClose(double actual, double expected, String what, double u) {
        if (expected == 0 || !Double.isFinite(expected)) {
            assertThat(actual).as(what, u).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected) / Math.abs(expected)).as(what + " = %s, one by one %s", u, actual,
                    expected).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void randomArgumentsOfEveryScaleMatchTheFactorsOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        double[] scales = {1e-6, 2e-2, 0.6, 3, 40, 350, 800};
        for (double scale : scales) {
            for (int i = 0; i < 20_000; i++) {
                double u = (2 * random.nextDouble() - 1) * scale;
                assertMatchesOneByOne(new GhkVoltageFactors().at(u), u);
            }
        }
    }

    @Test
    void aroundEverySwitch() {
        double[] switches = {SpecialFunctions.SERIES_THRESHOLD, SpecialFunctions.EXPM1_DIRECT,
                GhkVoltageFactors.SHARED_LIMIT};
        for (double cut : switches) {
            for (double start : new double[] {cut, -cut}) {
                double up = start;
                double down = start;
                for (int k = 0; k < 200; k++) {
                    assertMatchesOneByOne(new GhkVoltageFactors().at(up), up);
                    assertMatchesOneByOne(new GhkVoltageFactors().at(down), down);
                    up = Math.nextUp(up);
                    down = Math.nextDown(down);
                }
            }
        }
    }

    @Test
    void theOppositeOfTheLastArgumentSwapsTheFactors() {
        SplittableRandom random = new SplittableRandom(3);
        GhkVoltageFactors shared = new GhkVoltageFactors();
        for (int i = 0; i < 10_000; i++) {
            double u = (2 * random.nextDouble() - 1) * 10;
            shared.at(u);
            double f = shared.factor();
            double slope = shared.slope();
            shared.at(-u);
            assertThat(shared.factorOpposite()).isEqualTo(f);
            assertThat(shared.slopeOpposite()).isEqualTo(slope);
            assertMatchesOneByOne(shared, -u);
            shared.at(-u);
            assertMatchesOneByOne(shared, -u);
        }
    }

    @Test
    void slopesFirstAskedForAfterTheOppositeAreTheOpposites() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 10_000; i++) {
            double u = (2 * random.nextDouble() - 1) * (i % 2 == 0 ? 10 : 400);
            GhkVoltageFactors shared = new GhkVoltageFactors().at(u);
            shared.factor();
            shared.at(-u);
            assertMatchesOneByOne(shared, -u);
            shared.at(u);
            assertMatchesOneByOne(shared, u);
        }
    }

    @Test
    void zeroAndExtremes() {
        GhkVoltageFactors factors = new GhkVoltageFactors().at(0.0);
        assertThat(factors.factor()).isEqualTo(1.0);
        assertThat(factors.factorOpposite()).isEqualTo(1.0);
        assertThat(factors.slope()).isEqualTo(0.5);
        assertThat(factors.slopeOpposite()).isEqualTo(0.5);
        // beyond the shared range: no overflow to NaN
        for (double u : new double[] {-800, -710, 710, 800}) {
            factors.at(u);
            assertThat(new double[] {factors.factor(), factors.factorOpposite(), factors.slope(),
                    factors.slopeOpposite()}).as("u = %s", u).doesNotContain(Double.NaN);
        }
    }
}
