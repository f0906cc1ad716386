package org.ionflux.model;

import java.util.List;

/**
 * A membrane between two compartments, with its mechanisms.
 *
 * @param name                   name as in the scenario
 * @param insideIndex            index of the inside compartment
 * @param outsideIndex           index of the outside compartment
 * @param areaM2                 area A, m^2
 * @param capacitanceFPerM2      specific capacitance C_m, F/m^2
 * @param potential              clamp or dynamic potential
 * @param channels               channels, in scenario order
 */
public record Membrane(String name, int insideIndex, int outsideIndex, double areaM2, double capacitanceFPerM2,
                       PotentialProtocol potential, List<Channel> channels) {

    /** Checks the fields and copies the list. */
    public Membrane {
        Names.requireValid(name, "membrane");
        if (insideIndex == outsideIndex) {
            throw new IllegalArgumentException("membrane " + name + " has the same compartment on both sides");
        }
        Checks.positiveFinite(areaM2, "area");
        Checks.positiveFinite(capacitanceFPerM2, "capacitance");
        channels = List.copyOf(channels);
    }

    /** @return true if the potential is integrated (dynamic mode) */
    public boolean isDynamic() {
        return potential instanceof PotentialProtocol.Dynamic;
    }

    /** @return true if some channel on this membrane moves the species */
    public boolean hasChannelFor(int speciesIndex) {
        return channels.stream().anyMatch(c -> c.speciesIndex() == speciesIndex);
    }

    /** @return a copy with other channels */
    public Membrane withChannels(List<Channel> newChannels) {
        return new Membrane(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, potential, newChannels);
    }
}
