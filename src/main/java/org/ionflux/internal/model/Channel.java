package org.ionflux.internal.model;

import org.ionflux.internal.physics.HodgkinHuxleyKinetics;

/**
 * A passive pathway through a membrane (docs/physics.md section 5).
 */
public sealed interface Channel extends Mechanism permits Channel.Ohmic, Channel.Ghk, Channel.Gated, Channel.Leak {

    /** Species index of a channel that moves no tracked species ({@link Leak}). */
    int NO_SPECIES = -1;

    /** @return index of the species the channel moves, or {@link #NO_SPECIES} */
    int speciesIndex();

    @Override
    default int[] movedSpecies() {
        return speciesIndex() == NO_SPECIES ? new int[0] : new int[] {speciesIndex()};
    }

    /** @return a copy with another conductance (S/m^2) or permeability (m/s) */
    Channel withStrength(double value);

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

        @Override
        public Channel withStrength(double value) {
            return new Ohmic(speciesIndex, value);
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

        @Override
        public Channel withStrength(double value) {
            return new Ghk(speciesIndex, value);
        }
    }

    /**
     * Hodgkin-Huxley gated channel: ohmic with {@code g = gbar m^p h^q} (docs/physics.md section 5).
     *
     * @param speciesIndex         the species it moves
     * @param maxConductanceSPerM2 gbar, S/m^2
     * @param kinetics             the gate kinetics
     * @param initialGates         the gates' values at t = 0, in the kinetics' gate order (from a scenario's
     *                             {@code initial_state}); empty: each gate starts at its steady state at the initial
     *                             potential
     */
    record Gated(int speciesIndex, double maxConductanceSPerM2, HodgkinHuxleyKinetics kinetics,
                 java.util.List<Double> initialGates) implements Channel {
        /** Checks the conductance and the initial gates, and copies the list. */
        public Gated {
            Checks.nonNegativeFinite(maxConductanceSPerM2, "conductance");
            initialGates = java.util.List.copyOf(initialGates);
            if (!initialGates.isEmpty() && initialGates.size() != kinetics.gateCount()) {
                throw new IllegalArgumentException("a " + kinetics.id() + " channel has " + kinetics.gateCount()
                        + " gates");
            }
            for (double x : initialGates) {
                if (!(x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException("a gate must be between 0 and 1, found " + x);
                }
            }
        }

        /** A gated channel whose gates start at their steady state at the initial potential. */
        public Gated(int speciesIndex, double maxConductanceSPerM2, HodgkinHuxleyKinetics kinetics) {
            this(speciesIndex, maxConductanceSPerM2, kinetics, java.util.List.of());
        }

        @Override
        public Channel withStrength(double value) {
            return new Gated(speciesIndex, value, kinetics, initialGates);
        }

        /** @return a copy whose gates start at {@code gates} (in the kinetics' gate order) */
        public Gated withInitialGates(java.util.List<Double> gates) {
            return new Gated(speciesIndex, maxConductanceSPerM2, kinetics, gates);
        }
    }

    /**
     * Non-specific leak {@code i_L = g (V - E_L)}: carries charge, moves no tracked species (NEURON's {@code pas}).
     *
     * @param conductanceSPerM2 g, S/m^2
     * @param reversalVolts     E_L, V
     */
    record Leak(double conductanceSPerM2, double reversalVolts) implements Channel {
        /** Checks the values. */
        public Leak {
            Checks.nonNegativeFinite(conductanceSPerM2, "conductance");
            if (!Double.isFinite(reversalVolts)) {
                throw new IllegalArgumentException("leak reversal must be finite");
            }
        }

        @Override
        public int speciesIndex() {
            return NO_SPECIES;
        }

        @Override
        public Channel withStrength(double value) {
            return new Leak(value, reversalVolts);
        }

        /** @return a copy with another reversal potential, V */
        public Leak withReversal(double volts) {
            return new Leak(conductanceSPerM2, volts);
        }
    }
}
