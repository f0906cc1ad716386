package org.ionflux.internal.model;

/**
 * Na/K-ATPase (MODEL.md section 6): {@code i_p = I_max (Na_in/(Na_in+km_na))^3 (K_out/(K_out+km_k))^2}; 3 Na out,
 * 2 K in, one charge out per cycle. Acts on the species named {@code Na} and {@code K}.
 *
 * @param maxCurrentAPerM2  I_max, A/m^2
 * @param kmSodiumMolPerM3  km_na, mol/m^3 (0: factor 1)
 * @param kmPotassiumMolPerM3 km_k, mol/m^3 (0: factor 1)
 * @param sodiumIndex       index of Na
 * @param potassiumIndex    index of K
 */
public record Pump(double maxCurrentAPerM2, double kmSodiumMolPerM3, double kmPotassiumMolPerM3, int sodiumIndex,
                   int potassiumIndex) {

    /** Scenario name of the only pump type. */
    public static final String NA_K_ATPASE = "na-k-atpase";

    /** Checks the values. */
    public Pump {
        Checks.nonNegativeFinite(maxCurrentAPerM2, "max_current");
        Checks.nonNegativeFinite(kmSodiumMolPerM3, "km_na");
        Checks.nonNegativeFinite(kmPotassiumMolPerM3, "km_k");
    }

    /** @return a copy with another maximal current density, A/m^2 */
    public Pump withMaxCurrent(double aPerM2) {
        return new Pump(aPerM2, kmSodiumMolPerM3, kmPotassiumMolPerM3, sodiumIndex, potassiumIndex);
    }
}
