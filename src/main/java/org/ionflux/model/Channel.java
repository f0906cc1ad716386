package org.ionflux.model;

/**
 * A passive pathway through a membrane (MODEL.md section 5).
 */
public sealed interface Channel permits Channel.Ohmic, Channel.Ghk {

    /** @return index of the species the channel moves in the model's species list */
    int speciesIndex();

    /**
     * Ohmic channel: {@code i = g (V - E_X)}.
     *
     * @param speciesIndex          the species it moves
     * @param conductanceSPerM2     conductance density g, S/m^2
     */
    record Ohmic(int speciesIndex, double conductanceSPerM2) implements Channel {
        /** Checks the conductance. */
        public Ohmic {
            Checks.nonNegativeFinite(conductanceSPerM2, "conductance");
        }
    }

    /**
     * GHK channel: {@code J = P A u (c_in - c_out e^-u) / (1 - e^-u)}.
     *
     * @param speciesIndex       the species it moves
     * @param permeabilityMPerS  permeability P, m/s
     */
    record Ghk(int speciesIndex, double permeabilityMPerS) implements Channel {
        /** Checks the permeability. */
        public Ghk {
            Checks.nonNegativeFinite(permeabilityMPerS, "permeability");
        }
    }
}
