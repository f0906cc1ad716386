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

    /**
     * From this |x| on, {@link #expm1} is {@code exp(x) - 1}: no cancellation worth a bit there (at most 1 ulp
     * from {@code StrictMath.expm1} over [-800, 800], {@code SpecialFunctionsTest}).
     */
    static final double EXPM1_DIRECT = 0.5;

    private SpecialFunctions() {
    }

    /**
     * {@code exp(x) - 1}, as accurate as {@link Math#expm1} (within 1 ulp of it) and about 4x faster away from 0:
     * Java 17's {@code Math.expm1} is a call into fdlibm that HotSpot does not inline (about 40 ns here), while
     * {@code Math.exp} is an intrinsic (about 10 ns). For {@code |x| >= 0.5} the subtraction loses nothing
     * ({@code exp(x)} and 1 are within a factor 1.65 of their difference), so {@code exp(x) - 1} is used; below,
     * {@code Math.expm1}. Every GHK flux and HH rate evaluates this once or more per right-hand side, Jacobian and
     * trace row (benchmarks/README.md, issue 12).
     *
     * @param x argument
     * @return {@code exp(x) - 1}; NaN for NaN, -1 at -infinity, +infinity past about 709.78
     */
    public static double expm1(double x) {
        if (x >= EXPM1_DIRECT || x <= -EXPM1_DIRECT) {
            return Math.exp(x) - 1.0;
        }
        return Math.expm1(x);
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
        return u / -expm1(-u);
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
            double em1 = expm1(u);
            return Math.exp(u) * (em1 - u) / (em1 * em1);
        }
        double oneMinusExp = -expm1(-u);
        double expMinus = 1.0 - oneMinusExp;
        return (oneMinusExp - u * expMinus) / (oneMinusExp * oneMinusExp);
    }
}
