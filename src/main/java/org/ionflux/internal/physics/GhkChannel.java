package org.ionflux.internal.physics;

/**
 * Goldman-Hodgkin-Katz flux (docs/physics.md section 5).
 *
 * <p>With {@code u = z F V / (R T)} and {@code f(u) = u / (1 - exp(-u))}, the flux
 * {@code J = P A u (c_in - c_out exp(-u)) / (1 - exp(-u))} is written
 * {@code J = P A (c_in f(u) - c_out f(-u))}, which is exact, symmetric, and has no 0/0 at V = 0
 * (where it is Fick diffusion {@code P A (c_in - c_out)}).
 */
public final class GhkChannel {

    private GhkChannel() {
    }

    /**
     * Reduced potential {@code u = z F V / (R T)}.
     *
     * @param valence charge number z
     * @param membranePotentialVolts V, in V
     * @param temperatureK absolute temperature, K
     * @return u, dimensionless
     */
    public static double reducedPotential(double valence, double membranePotentialVolts, double temperatureK) {
        return valence * membranePotentialVolts / Constants.thermalVoltageVolts(temperatureK);
    }

    /**
     * GHK molar flux density per unit permeability and concentration: {@code c_in f(u) - c_out f(-u)}.
     *
     * @param u reduced potential z F V / (R T)
     * @param insideMolPerM3 c_in, mol/m^3
     * @param outsideMolPerM3 c_out, mol/m^3
     * @return effective concentration difference, mol/m^3
     */
    public static double effectiveConcentrationDifference(double u, double insideMolPerM3, double outsideMolPerM3) {
        // below -700 exp(-u) overflows: the two-factor form has no overflow there (f(u) -> 0, f(-u) -> -u)
        if (Math.abs(u) < SpecialFunctions.SERIES_THRESHOLD || u < -700) {
            return insideMolPerM3 * SpecialFunctions.uOverOneMinusExpMinusU(u)
                    - outsideMolPerM3 * SpecialFunctions.uOverOneMinusExpMinusU(-u);
        }
        // one expm1 for both factors: f(-u) = f(u) exp(-u), and exp(-u) = 1 + expm1(-u)
        double expm1MinusU = SpecialFunctions.expm1(-u);
        double forward = -u / expm1MinusU;
        return forward * (insideMolPerM3 - outsideMolPerM3 * (1.0 + expm1MinusU));
    }

    /**
     * GHK molar flux, positive out of the inside compartment.
     *
     * @param permeabilityMPerS P, m/s
     * @param areaM2 A, m^2
     * @param valence z (0 gives Fick diffusion)
     * @param membranePotentialVolts V, in V
     * @param insideMolPerM3 c_in, mol/m^3
     * @param outsideMolPerM3 c_out, mol/m^3
     * @param temperatureK absolute temperature, K
     * @return J_X, in mol/s
     */
    public static double fluxMolPerS(double permeabilityMPerS, double areaM2, double valence,
                                     double membranePotentialVolts, double insideMolPerM3, double outsideMolPerM3,
                                     double temperatureK) {
        double u = reducedPotential(valence, membranePotentialVolts, temperatureK);
        return permeabilityMPerS * areaM2 * effectiveConcentrationDifference(u, insideMolPerM3, outsideMolPerM3);
    }

    /**
     * Current density carried by a GHK flux: {@code i = z F J / A}.
     *
     * @param fluxMolPerS J_X, mol/s
     * @param areaM2 A, m^2
     * @param valence z
     * @return i_X, in A/m^2
     */
    public static double currentDensityAPerM2(double fluxMolPerS, double areaM2, double valence) {
        return valence * Constants.FARADAY_C_PER_MOL * fluxMolPerS / areaM2;
    }

    /**
     * {@code dJ/dc_in} of the GHK flux: {@code P A f(u)} with {@code f(u) = u / (1 - e^-u)}.
     *
     * @param permeabilityTimesAreaM3PerS P A, m^3/s
     * @param factors the factors at u
     * @return dJ/dc_in, (mol/s) per (mol/m^3)
     */
    public static double fluxPartialInside(double permeabilityTimesAreaM3PerS, GhkVoltageFactors factors) {
        return permeabilityTimesAreaM3PerS * factors.factor();
    }

    /**
     * {@code dJ/dc_out} of the GHK flux: {@code -P A f(-u)}.
     *
     * @param permeabilityTimesAreaM3PerS P A, m^3/s
     * @param factors the factors at u
     * @return dJ/dc_out, (mol/s) per (mol/m^3)
     */
    public static double fluxPartialOutside(double permeabilityTimesAreaM3PerS, GhkVoltageFactors factors) {
        return -permeabilityTimesAreaM3PerS * factors.factorOpposite();
    }

    /**
     * {@code dJ/dV} of the GHK flux: {@code P A (c_in f'(u) + c_out f'(-u)) z F / (R T)}.
     *
     * @param permeabilityTimesAreaM3PerS P A, m^3/s
     * @param factors the factors at u
     * @param reducedPerVolt {@code du/dV = z F / (R T)}, 1/V
     * @param insideMolPerM3 c_in, mol/m^3
     * @param outsideMolPerM3 c_out, mol/m^3
     * @return dJ/dV, (mol/s) per V
     */
    public static double fluxPartialVoltage(double permeabilityTimesAreaM3PerS, GhkVoltageFactors factors,
                                            double reducedPerVolt, double insideMolPerM3, double outsideMolPerM3) {
        return permeabilityTimesAreaM3PerS * (insideMolPerM3 * factors.slope()
                + outsideMolPerM3 * factors.slopeOpposite()) * reducedPerVolt;
    }
}
