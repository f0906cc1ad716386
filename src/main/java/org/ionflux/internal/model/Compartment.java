package org.ionflux.internal.model;

import java.util.Arrays;

/**
 * A well-mixed compartment.
 *
 * @param name                 name as in the scenario
 * @param volumeM3             initial volume, m^3
 * @param concentrationsMolPerM3 initial concentration of every species, indexed as the model's species,
 *                             mol/m^3 (numerically mM)
 * @param clamped              true for an infinite bath whose concentrations and volume never change
 */
public record Compartment(String name, double volumeM3, double[] concentrationsMolPerM3, boolean clamped) {

    /** Checks the name, the volume and the concentrations, and copies the array. */
    public Compartment {
        Names.requireValid(name, "compartment");
        if (!(volumeM3 > 0) || !Double.isFinite(volumeM3)) {
            throw new IllegalArgumentException("volume of " + name + " must be finite and > 0");
        }
        concentrationsMolPerM3 = concentrationsMolPerM3.clone();
        for (double c : concentrationsMolPerM3) {
            if (!(c >= 0) || !Double.isFinite(c)) {
                throw new IllegalArgumentException("concentrations in " + name + " must be finite and >= 0");
            }
        }
    }

    /** @return a copy of the initial concentrations, mol/m^3 */
    @Override
    public double[] concentrationsMolPerM3() {
        return concentrationsMolPerM3.clone();
    }

    /**
     * @param speciesIndex index in the model's species list
     * @return initial concentration of that species, mol/m^3
     */
    public double concentrationMolPerM3(int speciesIndex) {
        return concentrationsMolPerM3[speciesIndex];
    }

    /** @return a copy with one species' concentration changed (mol/m^3) */
    public Compartment withConcentration(int speciesIndex, double molPerM3) {
        double[] c = concentrationsMolPerM3.clone();
        c[speciesIndex] = molPerM3;
        return new Compartment(name, volumeM3, c, clamped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Compartment other && name.equals(other.name) && volumeM3 == other.volumeM3
                && clamped == other.clamped
                && Arrays.equals(concentrationsMolPerM3, other.concentrationsMolPerM3);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(concentrationsMolPerM3);
    }

    @Override
    public String toString() {
        return "Compartment[" + name + ", " + volumeM3 + " m^3, " + Arrays.toString(concentrationsMolPerM3)
                + (clamped ? ", clamped]" : "]");
    }
}
