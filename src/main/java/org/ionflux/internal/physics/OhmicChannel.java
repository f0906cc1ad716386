package org.ionflux.internal.physics;

/**
 * Ohmic channel current and flux (docs/physics.md section 5): {@code i = g (V - E_X)}, {@code J = i A / (z F)}.
 */
public final class OhmicChannel {

    private OhmicChannel() {
    }

    /**
     * Current density {@code i_X = g (V - E_X)}, outward positive.
     *
     * @param conductanceSPerM2 conductance density g, S/m^2
     * @param membranePotentialVolts V, in V
     * @param nernstPotentialVolts E_X, in V
     * @return i_X, in A/m^2
     */
    public static double currentDensityAPerM2(double conductanceSPerM2, double membranePotentialVolts,
                                             double nernstPotentialVolts) {
        return conductanceSPerM2 * (membranePotentialVolts - nernstPotentialVolts);
    }

    /**
     * Molar flux carried by a current density: {@code J_X = i_X A / (z F)}, positive out of the inside.
     *
     * @param currentDensityAPerM2 i_X, A/m^2
     * @param areaM2 membrane area A, m^2
     * @param valence charge number z, nonzero
     * @return J_X, in mol/s
     */
    public static double fluxMolPerS(double currentDensityAPerM2, double areaM2, double valence) {
        return currentDensityAPerM2 * areaM2 / (valence * Constants.FARADAY_C_PER_MOL);
    }

    /**
     * {@code di/dc_in} at fixed V of {@code i = g (V - (RT/zF) ln(c_out / c_in))}: {@code g (RT/F) / (z c_in)}.
     *
     * @param conductanceSPerM2    g, S/m^2
     * @param thermalVoltageVolts  RT/F, V
     * @param valence              z, nonzero
     * @param insideMolPerM3       c_in, mol/m^3 (nonzero)
     * @return di/dc_in, (A/m^2) per (mol/m^3)
     */
    public static double currentDensityPartialInside(double conductanceSPerM2, double thermalVoltageVolts,
                                                     double valence, double insideMolPerM3) {
        return conductanceSPerM2 * thermalVoltageVolts / (valence * insideMolPerM3);
    }

    /**
     * {@code di/dc_out} at fixed V: {@code -g (RT/F) / (z c_out)}.
     *
     * @param conductanceSPerM2    g, S/m^2
     * @param thermalVoltageVolts  RT/F, V
     * @param valence              z, nonzero
     * @param outsideMolPerM3      c_out, mol/m^3 (nonzero)
     * @return di/dc_out, (A/m^2) per (mol/m^3)
     */
    public static double currentDensityPartialOutside(double conductanceSPerM2, double thermalVoltageVolts,
                                                      double valence, double outsideMolPerM3) {
        return -conductanceSPerM2 * thermalVoltageVolts / (valence * outsideMolPerM3);
    }
}
