package org.ionflux.internal.physics;

/**
 * The voltage factors of the GHK flux and their slopes at one reduced potential u, from one exponential:
 * {@code f(u)}, {@code f(-u)}, {@code f'(u)} and {@code f'(-u)} with {@code f(u) = u / (1 - e^-u)}
 * ({@link SpecialFunctions#uOverOneMinusExpMinusU}). The partial derivatives of a GHK flux need all four
 * ({@link GhkChannel#fluxPartialInside}, {@link GhkChannel#fluxPartialOutside},
 * {@link GhkChannel#fluxPartialVoltage}); evaluated one by one they take four exponentials.
 *
 * <p>With {@code e = e^-u} and {@code d = e^-u - 1}: {@code f(u) = -u / d}, {@code f(-u) = f(u) e},
 * {@code f'(u) = (-d - u e) / d^2}, {@code f'(-u) = e (d + u) / d^2} (the same closed forms as
 * {@link SpecialFunctions#uOverOneMinusExpMinusUDerivative}, which computes each from its own exponential). For
 * {@code |u| >= 1/2} {@code e} is computed and {@code d = e - 1} (no cancellation there); below, {@code d} is
 * {@code expm1(-u)} and {@code e = 1 + d}. Near 0 ({@code |u| < SERIES_THRESHOLD}) and beyond {@code |u| > 300}
 * (where {@code d^2} could overflow) each factor comes from {@link SpecialFunctions}. Mutable scratch: one per
 * evaluating thread.
 */
public final class GhkVoltageFactors {

    /** Beyond this |u| (V above 7 V for |z| = 1) the factors are computed one by one, without overflow. */
    static final double SHARED_LIMIT = 300;

    private double u = Double.NaN;
    private double factor;
    private double factorOpposite;
    private double slope;
    private double slopeOpposite;

    /**
     * Sets the factors at {@code u}; free when {@code u} is the last value or its opposite (the channels of one
     * membrane whose ions have the same |z| see {@code u} or {@code -u}).
     *
     * @param reducedPotential u = z F V / (R T)
     * @return this
     */
    public GhkVoltageFactors at(double reducedPotential) {
        if (reducedPotential == u) {
            return this;
        }
        if (reducedPotential == -u && reducedPotential != 0) {
            double f = factor;
            factor = factorOpposite;
            factorOpposite = f;
            double s = slope;
            slope = slopeOpposite;
            slopeOpposite = s;
            u = reducedPotential;
            return this;
        }
        u = reducedPotential;
        double magnitude = Math.abs(reducedPotential);
        if (!(magnitude >= SpecialFunctions.SERIES_THRESHOLD && magnitude <= SHARED_LIMIT)) {
            factor = SpecialFunctions.uOverOneMinusExpMinusU(reducedPotential);
            factorOpposite = SpecialFunctions.uOverOneMinusExpMinusU(-reducedPotential);
            slope = SpecialFunctions.uOverOneMinusExpMinusUDerivative(reducedPotential);
            slopeOpposite = SpecialFunctions.uOverOneMinusExpMinusUDerivative(-reducedPotential);
            return this;
        }
        double e;
        double d;
        if (magnitude >= SpecialFunctions.EXPM1_DIRECT) {
            e = Math.exp(-reducedPotential);
            d = e - 1.0;
        } else {
            d = Math.expm1(-reducedPotential);
            e = 1.0 + d;
        }
        double dSquared = d * d;
        factor = -reducedPotential / d;
        factorOpposite = factor * e;
        slope = (-d - reducedPotential * e) / dSquared;
        slopeOpposite = e * (d + reducedPotential) / dSquared;
        return this;
    }

    /** @return f(u), dimensionless */
    public double factor() {
        return factor;
    }

    /** @return f(-u), dimensionless */
    public double factorOpposite() {
        return factorOpposite;
    }

    /** @return f'(u), dimensionless */
    public double slope() {
        return slope;
    }

    /** @return f'(-u), dimensionless */
    public double slopeOpposite() {
        return slopeOpposite;
    }
}
