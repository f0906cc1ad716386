package org.ionflux.internal.model;

import java.util.List;

/**
 * Parameter changes at a given time; the integration restarts there (SCENARIO.md {@code events}).
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
    public sealed interface Assignment {
        /** @return the scenario path of the parameter, for messages */
        String path();
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
    }

    /**
     * Sets a clamped membrane's potential, V, until its next clamp step.
     *
     * @param path     scenario path
     * @param membrane membrane index
     * @param volts    new value, V
     */
    public record ClampValue(String path, int membrane, double volts) implements Assignment {
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
    }
}
