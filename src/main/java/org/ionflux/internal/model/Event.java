package org.ionflux.internal.model;

import java.util.List;

/**
 * Parameter changes at a given time; the integration restarts there (docs/scenario-format.md {@code events}).
 *
 * @param atS         time, s
 * @param assignments what changes, applied in order
 */
public record Event(double atS, List<Assignment> assignments) {

    /** Checks and copies. */
    public Event {
        Checks.nonNegativeFinite(atS, "at");
        assignments = List.copyOf(assignments);
    }

    /** One parameter set by an event. */
    public sealed interface Assignment
            permits ChannelStrength, LeakReversal, PumpMaxCurrent, TransporterRate, ClampValue, BathConcentration {
        /** @return the scenario path of the parameter, for messages */
        String path();

        /**
         * @param model  the model in force just before the event
         * @param atS    the event's time, s (a clamp value holds until the membrane's next clamp step)
         * @return the model with this parameter changed (each kind implements it: a new kind cannot be
         *     forgotten by the engine, which only ever calls this)
         */
        Model applyTo(Model model, double atS);
    }

    /**
     * @param toleranceS jump times closer than this are one jump, s: a clamp step within it of the event is
     *                   already in force when the event applies
     * @return {@code model} with every assignment of this event applied, in order
     */
    public Model applyTo(Model model, double toleranceS) {
        Model result = model;
        for (Assignment a : assignments) {
            result = a.applyTo(result, atS + toleranceS);
        }
        return result;
    }

    /**
     * Sets a channel's conductance (S/m^2) or permeability (m/s), or a leak's conductance.
     *
     * @param path      scenario path
     * @param membrane  membrane index
     * @param channel   channel index on it
     * @param value     new value, SI
     */
    public record ChannelStrength(String path, int membrane, int channel, double value) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            Membrane mem = model.membranes().get(membrane);
            return model.withMembrane(membrane, mem.withChannel(channel, mem.channels().get(channel)
                    .withStrength(value)));
        }
    }

    /**
     * Sets a leak's reversal potential, V.
     *
     * @param path     scenario path
     * @param membrane membrane index
     * @param channel  channel index on it
     * @param volts    new E_L, V
     */
    public record LeakReversal(String path, int membrane, int channel, double volts) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            Membrane mem = model.membranes().get(membrane);
            Channel.Leak leak = (Channel.Leak) mem.channels().get(channel);
            return model.withMembrane(membrane, mem.withChannel(channel, leak.withReversal(volts)));
        }
    }

    /**
     * Sets a pump's maximal current density, A/m^2.
     *
     * @param path     scenario path
     * @param membrane membrane index
     * @param pump     pump index on it
     * @param value    new I_max, A/m^2
     */
    public record PumpMaxCurrent(String path, int membrane, int pump, double value) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            Membrane mem = model.membranes().get(membrane);
            return model.withMembrane(membrane, mem.withPump(pump, mem.pumps().get(pump).withMaxCurrent(value)));
        }
    }

    /**
     * Sets a transporter's rate, mol/(m^2 s).
     *
     * @param path        scenario path
     * @param membrane    membrane index
     * @param transporter transporter index on it
     * @param value       new L, mol/(m^2 s)
     */
    public record TransporterRate(String path, int membrane, int transporter, double value) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            Membrane mem = model.membranes().get(membrane);
            return model.withMembrane(membrane, mem.withTransporter(transporter,
                    mem.transporters().get(transporter).withRate(value)));
        }
    }

    /**
     * Sets a clamped membrane's potential, V, until its next clamp step.
     *
     * @param path     scenario path
     * @param membrane membrane index
     * @param volts    new value, V
     */
    public record ClampValue(String path, int membrane, double volts) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            Membrane mem = model.membranes().get(membrane);
            PotentialProtocol.Clamp clamp = (PotentialProtocol.Clamp) mem.potential();
            return model.withMembrane(membrane, mem.withPotential(clamp.withValueAt(atS, volts)));
        }
    }

    /**
     * Sets a clamped compartment's concentration, mol/m^3.
     *
     * @param path        scenario path
     * @param compartment compartment index
     * @param species     species index
     * @param value       new concentration, mol/m^3
     */
    public record BathConcentration(String path, int compartment, int species, double value) implements Assignment {
        @Override
        public Model applyTo(Model model, double atS) {
            return model.withCompartment(compartment, model.compartments().get(compartment)
                    .withConcentration(species, value));
        }
    }
}
