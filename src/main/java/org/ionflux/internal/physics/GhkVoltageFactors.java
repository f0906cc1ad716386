package org.ionflux.internal.physics;

/**
 * The voltage factors of the GHK flux and their slopes at one reduced potential u, from one exponential:
 * {@code f(u)}, {@code f(-u)}, {@code f'(u)} and {@code f'(-u)} with {@code f(u) = u / (1 - e^-u)}
 * ({@link SpecialFunctions#uOverOneMinusExpMinusU}). The flux needs the first two ({@code J = P A (c_in f(u) -
 * c_out f(-u))}), its partial derivatives all four ({@link GhkChannel#fluxPartialInside},
 * {@link GhkChannel#fluxPartialOutside}, {@link GhkChannel#fluxPartialVoltage}); one by one they take four
 * exponentials. The channels of one membrane whose ions have the same |z| see the same u or its opposite, so they
 * share one exponential, and a Jacobian or a trace row that follows the rates at the same u takes none.
 *
 * <p>With {@code e = e^-u} and {@code d = e^-u - 1}: {@code f(u) = -u / d}, {@code f(-u) = f(u) e},
 * {@code f'(u) = (-d - u e) / d^2}, {@code f'(-u) = e (d + u) / d^2}, all four from one division, {@code 1/d} (the
 * closed forms of {@link SpecialFunctions#uOverOneMinusExpMinusUDerivative}, which computes each from its own
 * exponential). For {@code |u| >= 1/2} {@code e} is computed and {@code d = e - 1} (no cancellation there); below,
 * {@code d} is {@code expm1(-u)} and {@code e = 1 + d}. Near 0 ({@code |u| < SERIES_THRESHOLD}) and beyond
 * {@code |u| > 300} (where {@code 1/d^2} would leave the normal range) each factor comes from
 * {@link SpecialFunctions}. The slopes are computed when first asked for at a u (a right-hand side needs none).
 * Mutable scratch: one per evaluating thread.
 */
public final class GhkVoltageFactors {

    /** Beyond this |u| (V above 7 V for |z| = 1) the factors are computed one by one, without under- or overflow. */
    static final double SHARED_LIMIT = 300;

    /** The u the values below belong to; {@link #at} of {@code -base} only flips {@link #flipped}. */
    private double base = Double.NaN;
    private boolean flipped;
    private boolean oneByOne;
    private double e;
    private double d;
    private double perD;
    private double factor;
    private double factorOpposite;
    private boolean slopesReady;
    private double slope;
    private double slopeOpposite;

    /**
     * Sets the factors at {@code u}; free when {@code u} is the last value or its opposite.
     *
     * @param reducedPotential u = z F V / (R T)
     * @return this
     */
    public GhkVoltageFactors at(double reducedPotential) {
        if (reducedPotential == base) {
            flipped = false;
            return this;
        }
        if (reducedPotential == -base) {
            flipped = true;
            return this;
        }
        base = reducedPotential;
        flipped = false;
        slopesReady = false;
        double magnitude = Math.abs(reducedPotential);
        oneByOne = !(magnitude >= SpecialFunctions.SERIES_THRESHOLD && magnitude <= SHARED_LIMIT);
        if (oneByOne) {
            factor = SpecialFunctions.uOverOneMinusExpMinusU(reducedPotential);
            factorOpposite = SpecialFunctions.uOverOneMinusExpMinusU(-reducedPotential);
            return this;
        }
        if (magnitude >= SpecialFunctions.EXPM1_DIRECT) {
            e = Math.exp(-reducedPotential);
            d = e - 1.0;
        } else {
            d = Math.expm1(-reducedPotential);
            e = 1.0 + d;
        }
        // one division for the four factors: 1/d, and 1/d^2 its square
        perD = 1.0 / d;
        factor = -reducedPotential * perD;
        factorOpposite = factor * e;
        return this;
    }

    /** @return f(u), dimensionless */
    public double factor() {
        return flipped ? factorOpposite : factor;
    }

    /** @return f(-u), dimensionless */
    public double factorOpposite() {
        return flipped ? factor : factorOpposite;
    }

    /** @return f'(u), dimensionless */
    public double slope() {
        computeSlopes();
        return flipped ? slopeOpposite : slope;
    }

    /** @return f'(-u), dimensionless */
    public double slopeOpposite() {
        computeSlopes();
        return flipped ? slope : slopeOpposite;
    }

    private void computeSlopes() {
        if (slopesReady) {
            return;
        }
        if (oneByOne) {
            slope = SpecialFunctions.uOverOneMinusExpMinusUDerivative(base);
            slopeOpposite = SpecialFunctions.uOverOneMinusExpMinusUDerivative(-base);
        } else {
            double perDSquared = perD * perD;
            slope = (-d - base * e) * perDSquared;
            slopeOpposite = e * (d + base) * perDSquared;
        }
        slopesReady = true;
    }
}
