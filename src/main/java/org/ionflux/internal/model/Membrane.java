package org.ionflux.internal.model;

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
 * @param channels               channels (ohmic, GHK, gated, leak), in scenario order
 * @param pumps                  Na/K pumps, in scenario order
 * @param transporters           cotransporters and exchangers, in scenario order
 * @param waterPermeabilityMPerS osmotic water permeability P_f, m/s (0: no water flux)
 */
public record Membrane(String name, int insideIndex, int outsideIndex, double areaM2, double capacitanceFPerM2,
                       PotentialProtocol potential, List<Channel> channels, List<Pump> pumps,
                       List<Transporter> transporters, double waterPermeabilityMPerS) {

    /** Checks the fields and copies the lists. */
    public Membrane {
        Names.requireValid(name, "membrane");
        if (insideIndex == outsideIndex) {
            throw new IllegalArgumentException("membrane " + name + " has the same compartment on both sides");
        }
        Checks.positiveFinite(areaM2, "area");
        Checks.positiveFinite(capacitanceFPerM2, "capacitance");
        Checks.nonNegativeFinite(waterPermeabilityMPerS, "water_permeability");
        channels = List.copyOf(channels);
        pumps = List.copyOf(pumps);
        transporters = List.copyOf(transporters);
    }

    /** A membrane with channels only. */
    public Membrane(String name, int insideIndex, int outsideIndex, double areaM2, double capacitanceFPerM2,
                    PotentialProtocol potential, List<Channel> channels) {
        this(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, potential, channels, List.of(), List.of(),
                0.0);
    }

    /** @return true if the potential is integrated (dynamic mode) */
    public boolean isDynamic() {
        return potential instanceof PotentialProtocol.Dynamic;
    }

    /** @return true if some channel on this membrane moves the species */
    public boolean hasChannelFor(int speciesIndex) {
        for (Channel c : channels) {
            if (c.speciesIndex() == speciesIndex) {
                return true;
            }
        }
        return false;
    }

    /** @return true if some channel, pump or transporter moves the species across this membrane */
    public boolean moves(int speciesIndex) {
        // loops, not mechanisms(): the state layout asks this for every membrane and species
        for (Channel c : channels) {
            if (c.moves(speciesIndex)) {
                return true;
            }
        }
        for (Pump p : pumps) {
            if (p.moves(speciesIndex)) {
                return true;
            }
        }
        for (Transporter t : transporters) {
            if (t.moves(speciesIndex)) {
                return true;
            }
        }
        return false;
    }

    /** @return every channel, pump and transporter, in that order */
    public java.util.stream.Stream<Mechanism> mechanisms() {
        return java.util.stream.Stream.of(channels.stream(), pumps.stream(), transporters.stream())
                .flatMap(s -> s.map(Mechanism.class::cast));
    }

    /** @return true if a non-specific leak is on this membrane */
    public boolean hasLeak() {
        for (Channel c : channels) {
            if (c instanceof Channel.Leak) {
                return true;
            }
        }
        return false;
    }

    /** @return a copy with channel {@code index} replaced */
    public Membrane withChannel(int index, Channel channel) {
        List<Channel> list = new java.util.ArrayList<>(channels);
        list.set(index, channel);
        return withChannels(list);
    }

    /** @return a copy with pump {@code index} replaced */
    public Membrane withPump(int index, Pump pump) {
        List<Pump> list = new java.util.ArrayList<>(pumps);
        list.set(index, pump);
        return withPumps(list);
    }

    /** @return a copy with transporter {@code index} replaced */
    public Membrane withTransporter(int index, Transporter transporter) {
        List<Transporter> list = new java.util.ArrayList<>(transporters);
        list.set(index, transporter);
        return withTransporters(list);
    }

    /** @return a copy with another potential protocol */
    public Membrane withPotential(PotentialProtocol newPotential) {
        return new Membrane(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, newPotential, channels, pumps,
                transporters, waterPermeabilityMPerS);
    }

    /** @return a copy with other channels */
    public Membrane withChannels(List<Channel> newChannels) {
        return new Membrane(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, potential, newChannels, pumps,
                transporters, waterPermeabilityMPerS);
    }

    /** @return a copy with other pumps */
    public Membrane withPumps(List<Pump> newPumps) {
        return new Membrane(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, potential, channels, newPumps,
                transporters, waterPermeabilityMPerS);
    }

    /** @return a copy with other transporters */
    public Membrane withTransporters(List<Transporter> newTransporters) {
        return new Membrane(name, insideIndex, outsideIndex, areaM2, capacitanceFPerM2, potential, channels, pumps,
                newTransporters, waterPermeabilityMPerS);
    }
}
