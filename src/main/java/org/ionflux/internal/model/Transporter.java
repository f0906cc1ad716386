package org.ionflux.internal.model;

import java.util.Arrays;

/**
 * Cotransporter or exchanger (docs/physics.md sections 6 and 7): cycle flux density {@code j = L sum_X nu_X dmu_X / (R T)}.
 *
 * @param name          its name (e.g. {@code nkcc1})
 * @param speciesIndices species it moves
 * @param stoichiometry nu_X per cycle, outward positive, aligned with {@code speciesIndices}
 * @param rateMolPerM2S L, mol/(m^2 s)
 */
public record Transporter(String name, int[] speciesIndices, double[] stoichiometry, double rateMolPerM2S)
        implements Mechanism {

    /** Checks and copies. */
    public Transporter {
        speciesIndices = speciesIndices.clone();
        stoichiometry = stoichiometry.clone();
        if (speciesIndices.length == 0 || speciesIndices.length != stoichiometry.length) {
            throw new IllegalArgumentException("a transporter needs one stoichiometry per species");
        }
        Checks.nonNegativeFinite(rateMolPerM2S, "rate");
    }

    @Override
    public int[] speciesIndices() {
        return speciesIndices.clone();
    }

    @Override
    public int[] movedSpecies() {
        return speciesIndices.clone();
    }

    @Override
    public double[] stoichiometry() {
        return stoichiometry.clone();
    }

    /** @return a copy with another rate, mol/(m^2 s) */
    public Transporter withRate(double rate) {
        return new Transporter(name, speciesIndices, stoichiometry, rate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transporter t && name.equals(t.name) && Arrays.equals(speciesIndices, t.speciesIndices)
                && Arrays.equals(stoichiometry, t.stoichiometry) && rateMolPerM2S == t.rateMolPerM2S;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(stoichiometry);
    }

    @Override
    public String toString() {
        return "Transporter[" + name + ", " + Arrays.toString(speciesIndices) + " x " + Arrays.toString(stoichiometry)
                + ", " + rateMolPerM2S + " mol/(m^2 s)]";
    }
}
