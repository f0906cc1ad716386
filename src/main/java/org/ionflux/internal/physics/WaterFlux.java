package org.ionflux.internal.physics;

/**
 * Osmotic water flux across a membrane (docs/physics.md section 8), ideal solutions:
 * {@code dVol_in/dt = P_f A v_w (Osm_in - Osm_out)}, with {@code Osm = sum_X c_X} and {@code v_w} the partial molar
 * volume of water ({@link Constants#WATER_MOLAR_VOLUME_M3_PER_MOL}).
 */
public final class WaterFlux {

    private WaterFlux() {
    }

    /**
     * Osmolarity of a compartment, ideal: the sum of every species' concentration.
     *
     * @param concentrationsMolPerM3 concentrations, mol/m^3
     * @param offset first species' position in the array
     * @param count  number of species
     * @return Osm, mol/m^3 (numerically mOsm/L)
     */
    public static double osmolarityMolPerM3(double[] concentrationsMolPerM3, int offset, int count) {
        double osm = 0;
        for (int s = 0; s < count; s++) {
            osm += concentrationsMolPerM3[offset + s];
        }
        return osm;
    }

    /**
     * Rate of change of the inside volume.
     *
     * @param waterPermeabilityMPerS P_f, m/s
     * @param areaM2                 A, m^2
     * @param insideOsmolarityMolPerM3  Osm_in, mol/m^3
     * @param outsideOsmolarityMolPerM3 Osm_out, mol/m^3
     * @return dVol_in/dt, m^3/s (the outside volume changes by the opposite)
     */
    public static double insideVolumeRateM3PerS(double waterPermeabilityMPerS, double areaM2,
                                                double insideOsmolarityMolPerM3, double outsideOsmolarityMolPerM3) {
        return waterPermeabilityMPerS * areaM2 * Constants.WATER_MOLAR_VOLUME_M3_PER_MOL
                * (insideOsmolarityMolPerM3 - outsideOsmolarityMolPerM3);
    }

    /**
     * {@code d(dVol_in/dt)/dOsm_in = P_f A v_w} (and the opposite with respect to {@code Osm_out}).
     *
     * @param waterPermeabilityMPerS P_f, m/s
     * @param areaM2                 A, m^2
     * @return m^3/s per (mol/m^3)
     */
    public static double insideVolumeRatePerOsmolarity(double waterPermeabilityMPerS, double areaM2) {
        return waterPermeabilityMPerS * areaM2 * Constants.WATER_MOLAR_VOLUME_M3_PER_MOL;
    }
}
