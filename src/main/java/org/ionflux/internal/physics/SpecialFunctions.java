package org.ionflux.internal.physics;

/**
 * Elementary functions with removable singularities, evaluated without 0/0 or cancellation.
 */
public final class SpecialFunctions {

    /**
     * Below this |u| the Taylor series is used (truncation error below 1e-16 relative); just above it the closed
     * forms lose about 4e-14 relative to cancellation in the derivative.
     */
    static final double SERIES_THRESHOLD = 1e-2;

    private SpecialFunctions() {
    }

    /**
     * {@code f(u) = u / (1 - exp(-u))}, with {@code f(0) = 1}.
     *
     * <p>This is the voltage factor of the GHK flux (docs/physics.md section 5) and of the Hodgkin-Huxley
     * rates {@code alpha_m} and {@code alpha_n}. Near 0 the series
     * {@code 1 + u/2 + u^2/12 - u^4/720 + u^6/30240} (Bernoulli numbers) is used; elsewhere
     * {@code u / -expm1(-u)}, which has no cancellation.
     *
     * @param u dimensionless argument
     * @return f(u), dimensionless, positive
     */
    public static double uOverOneMinusExpMinusU(double u) {
        if (Math.abs(u) < SERIES_THRESHOLD) {
            double u2 = u * u;
            return 1.0 + u / 2.0 + u2 * (1.0 / 12.0 - u2 * (1.0 / 720.0 - u2 / 30240.0));
        }
        return u / -Math.expm1(-u);
    }

    /**
     * Derivative of {@link #uOverOneMinusExpMinusU(double)}:
     * {@code f'(u) = (1 - exp(-u) - u exp(-u)) / (1 - exp(-u))^2}, with {@code f'(0) = 1/2}.
     *
     * @param u dimensionless argument
     * @return df/du, dimensionless
     */
    public static double uOverOneMinusExpMinusUDerivative(double u) {
        if (Math.abs(u) < SERIES_THRESHOLD) {
            double u2 = u * u;
            return 0.5 + u * (1.0 / 6.0 - u2 * (1.0 / 180.0 - u2 / 5040.0));
        }
        if (u < 0) {
            // multiplied through by exp(2u): no overflow of exp(-u) for very negative u
            double em1 = Math.expm1(u);
            return Math.exp(u) * (em1 - u) / (em1 * em1);
        }
        double oneMinusExp = -Math.expm1(-u);
        double expMinus = 1.0 - oneMinusExp;
        return (oneMinusExp - u * expMinus) / (oneMinusExp * oneMinusExp);
    }
}
