package org.ionflux.internal.solver;

/**
 * Exponential integral Ei(x) by its convergent series {@code gamma + ln|x| + sum x^k / (k k!)} (Abramowitz and
 * Stegun 5.1.10), for the ohmic exact solution (docs/physics.md section 12). Commons Math has none; this series is
 * itself checked against stored scipy values in {@link ExponentialIntegralTest}.
 */
final class ExponentialIntegral {

    /** Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.57721566490153286061;

    private ExponentialIntegral() {
    }

    /** @return Ei(x) for 0 < |x| <= 10 */
    static double ei(double x) {
        if (x == 0 || Math.abs(x) > 10) {
            throw new IllegalArgumentException("series used for 0 < |x| <= 10 only");
        }
        double sum = 0;
        double term = 1;
        for (int k = 1; k < 200; k++) {
            term *= x / k;
            double add = term / k;
            sum += add;
            if (Math.abs(add) < 1e-18 * Math.abs(sum)) {
                break;
            }
        }
        return EULER_GAMMA + Math.log(Math.abs(x)) + sum;
    }
}
