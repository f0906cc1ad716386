package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SpecialFunctions#expm1}: within 1 ulp of fdlibm's {@code StrictMath.expm1} everywhere, specials exact. */
class SpecialFunctionsTest {

    private static void assertWithinOneUlp(double x) {
        double expected = StrictMath.expm1(x);
        double actual = SpecialFunctions.expm1(x);
        if (Double.isInfinite(expected) || expected == -1.0 || expected == 0.0) {
            assertThat(actual).as("expm1(%s)", x).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected)).as("expm1(%s) = %s, fdlibm %s", x, actual, expected)
                    .isLessThanOrEqualTo(Math.ulp(expected));
        }
    }

    @Test
    void randomArgumentsOfEveryScaleAreWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(12);
        double[] scales = {1e-300, 1e-10, 1e-3, 0.3, 0.6, 2, 40, 800};
        for (double scale : scales) {
            for (int i = 0; i < 200_000; i++) {
                assertWithinOneUlp((2 * random.nextDouble() - 1) * scale);
            }
        }
    }

    @Test
    void aroundTheSwitchToExpMinusOne() {
        double cut = SpecialFunctions.EXPM1_DIRECT;
        for (double x : new double[] {cut, -cut}) {
            double y = x;
            double z = x;
            for (int k = 0; k < 1000; k++) {
                assertWithinOneUlp(y);
                assertWithinOneUlp(z);
                y = Math.nextUp(y);
                z = Math.nextDown(z);
            }
        }
    }

    @Test
    void specialValues() {
        assertThat(SpecialFunctions.expm1(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.expm1(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.expm1(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.expm1(710.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.expm1(-40.0)).isEqualTo(-1.0);
        assertThat(Double.doubleToRawLongBits(SpecialFunctions.expm1(-0.0)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(SpecialFunctions.expm1(0.0)).isEqualTo(0.0);
        assertThat(SpecialFunctions.expm1(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        for (double x : new double[] {709.0, 709.78, -745.2, -1e3, 1e-5, -1e-5}) {
            assertWithinOneUlp(x);
        }
    }
}
