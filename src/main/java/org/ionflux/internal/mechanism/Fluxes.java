package org.ionflux.internal.mechanism;

import java.util.Arrays;

/**
 * What the terms produce at one evaluation: per membrane and species the molar flux (mol/s, outward positive) and
 * the current it carries (A/m^2, outward positive); per membrane the total outward current, the parts of it that
 * carry no tracked species (leaks) and the currents reported in their own columns (pumps, stimuli); per membrane
 * the rate of its potential; per compartment the rate of its volume. The engine turns them into the state's rates.
 */
public final class Fluxes {

    private final int speciesCount;
    /**
     * Every accumulator in one array, so that clearing is one fill (an evaluation clears them all; a one-membrane
     * model has eight arrays of one to ten values): the species fluxes and currents by membrane and species, then
     * by membrane the total, leak, pump and stimulus currents and the potential rate, then the volume rates.
     */
    private final double[] values;
    private final int speciesCurrentStart;
    private final int membraneCurrentStart;
    private final int leakCurrentStart;
    private final int pumpCurrentStart;
    private final int stimulusCurrentStart;
    private final int potentialRateStart;
    private final int volumeRateStart;
    private final int membraneCount;
    private final int compartmentCount;
    /**
     * While recording ({@link #recordTouched}): which membranes and compartments have been written since the last
     * {@link #clearTouched}, so that one rate at a time costs its own size, not the model's. Null otherwise.
     */
    private boolean[] membraneTouched;
    private boolean[] compartmentTouched;
    private int[] touchedMembranes;
    private int[] touchedCompartments;
    private int touchedMembraneCount;
    private int touchedCompartmentCount;

    /** Accumulators for a model of that size. */
    public Fluxes(int speciesCount, int compartmentCount, int membraneCount) {
        this.speciesCount = speciesCount;
        this.membraneCount = membraneCount;
        this.compartmentCount = compartmentCount;
        int pairs = membraneCount * speciesCount;
        speciesCurrentStart = pairs;
        membraneCurrentStart = 2 * pairs;
        leakCurrentStart = membraneCurrentStart + membraneCount;
        pumpCurrentStart = leakCurrentStart + membraneCount;
        stimulusCurrentStart = pumpCurrentStart + membraneCount;
        potentialRateStart = stimulusCurrentStart + membraneCount;
        volumeRateStart = potentialRateStart + membraneCount;
        values = new double[volumeRateStart + compartmentCount];
    }

    /** Sets every accumulator to zero (the engine calls it before each evaluation). */
    public void clear() {
        Arrays.fill(values, 0.0);
    }

    /**
     * Sets the species fluxes and currents to those of {@code other} (a model of the same size); the other
     * accumulators are left as they are.
     */
    public void copySpeciesOf(Fluxes other) {
        System.arraycopy(other.values, 0, values, 0, membraneCurrentStart);
    }

    /**
     * Adds a flux of species s through membrane m and the current it carries (both count in the totals).
     *
     * @param fluxMolPerS     J, mol/s, positive out of the inside compartment
     * @param currentAPerM2   its current density, A/m^2, outward positive
     */
    public void species(int membrane, int species, double fluxMolPerS, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        values[membrane * speciesCount + species] += fluxMolPerS;
        values[speciesCurrentStart + membrane * speciesCount + species] += currentAPerM2;
        values[membraneCurrentStart + membrane] += currentAPerM2;
    }

    /** Adds a non-specific leak current through membrane m (it counts in the total), A/m^2, outward positive. */
    public void leak(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        values[leakCurrentStart + membrane] += currentAPerM2;
        values[membraneCurrentStart + membrane] += currentAPerM2;
    }

    /**
     * Reports a pump's net current through membrane m, A/m^2, for its own column; its species currents, added with
     * {@link #species}, already count in the total.
     */
    public void pump(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        values[pumpCurrentStart + membrane] += currentAPerM2;
    }

    /** Adds an injected stimulus current density on membrane m, A/m^2, positive depolarizing. */
    public void stimulus(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        values[stimulusCurrentStart + membrane] += currentAPerM2;
    }

    /** Sets the rate of the potential of a dynamic membrane m, V/s. */
    public void potentialRate(int membrane, double voltsPerS) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        values[potentialRateStart + membrane] = voltsPerS;
    }

    /** Adds to the rate of the volume of compartment c, m^3/s. */
    public void volumeRate(int compartment, double m3PerS) {
        if (compartmentTouched != null && !compartmentTouched[compartment]) {
            compartmentTouched[compartment] = true;
            touchedCompartments[touchedCompartmentCount++] = compartment;
        }
        values[volumeRateStart + compartment] += m3PerS;
    }

    /**
     * @return every accumulator, for reading only (a trace row reads its columns straight from it); the positions
     *     of the values are those of the {@code ...Index} methods
     */
    public double[] values() {
        return values;
    }

    /** @return where {@link #speciesFlux} is in {@link #values} */
    public int speciesFluxIndex(int membrane, int species) {
        return membrane * speciesCount + species;
    }

    /** @return where {@link #speciesCurrent} is in {@link #values} */
    public int speciesCurrentIndex(int membrane, int species) {
        return speciesCurrentStart + membrane * speciesCount + species;
    }

    /** @return where {@link #leakCurrent} is in {@link #values} */
    public int leakCurrentIndex(int membrane) {
        return leakCurrentStart + membrane;
    }

    /** @return where {@link #pumpCurrent} is in {@link #values} */
    public int pumpCurrentIndex(int membrane) {
        return pumpCurrentStart + membrane;
    }

    /** @return where {@link #stimulusCurrent} is in {@link #values} */
    public int stimulusCurrentIndex(int membrane) {
        return stimulusCurrentStart + membrane;
    }

    /** @return the flux of species s through membrane m, mol/s, outward positive */
    public double speciesFlux(int membrane, int species) {
        return values[membrane * speciesCount + species];
    }

    /** @return the current density of species s through membrane m, all mechanisms, A/m^2, outward positive */
    public double speciesCurrent(int membrane, int species) {
        return values[speciesCurrentStart + membrane * speciesCount + species];
    }

    /** @return the total outward current density through membrane m (channels, leaks, pumps, transporters), A/m^2 */
    public double membraneCurrent(int membrane) {
        return values[membraneCurrentStart + membrane];
    }

    /** @return the non-specific leak current density through membrane m, A/m^2 */
    public double leakCurrent(int membrane) {
        return values[leakCurrentStart + membrane];
    }

    /** @return the net current density of the pumps of membrane m, A/m^2, outward positive */
    public double pumpCurrent(int membrane) {
        return values[pumpCurrentStart + membrane];
    }

    /** @return the stimulus current density on membrane m, A/m^2, positive depolarizing */
    public double stimulusCurrent(int membrane) {
        return values[stimulusCurrentStart + membrane];
    }

    /** @return the rate of the potential of membrane m, V/s (0 for a clamped one) */
    public double potentialRate(int membrane) {
        return values[potentialRateStart + membrane];
    }

    /** @return the rate of the volume of compartment c, m^3/s */
    public double volumeRate(int compartment) {
        return values[volumeRateStart + compartment];
    }

    /**
     * Starts recording which membranes and compartments are written (for evaluations of one rate at a time, e.g.
     * the stoichiometry); every accumulator is cleared first.
     */
    public void recordTouched() {
        clear();
        membraneTouched = new boolean[membraneCount];
        compartmentTouched = new boolean[compartmentCount];
        touchedMembranes = new int[membraneCount];
        touchedCompartments = new int[compartmentCount];
        touchedMembraneCount = 0;
        touchedCompartmentCount = 0;
    }

    /** Stops recording; every accumulator is cleared. */
    public void stopRecording() {
        clear();
        membraneTouched = null;
        compartmentTouched = null;
        touchedMembranes = null;
        touchedCompartments = null;
    }

    /** @return the membranes written since recording started or was last cleared, in the order first written */
    public int[] touchedMembranes() {
        return Arrays.copyOf(touchedMembranes, touchedMembraneCount);
    }

    /** @return the compartments whose volume rate was written since recording started or was last cleared */
    public int[] touchedCompartments() {
        return Arrays.copyOf(touchedCompartments, touchedCompartmentCount);
    }

    /** Clears the accumulators of the touched membranes and compartments only, and forgets them. */
    public void clearTouched() {
        for (int k = 0; k < touchedMembraneCount; k++) {
            int m = touchedMembranes[k];
            Arrays.fill(values, m * speciesCount, (m + 1) * speciesCount, 0.0);
            int currents = speciesCurrentStart + m * speciesCount;
            Arrays.fill(values, currents, currents + speciesCount, 0.0);
            values[membraneCurrentStart + m] = 0;
            values[leakCurrentStart + m] = 0;
            values[pumpCurrentStart + m] = 0;
            values[stimulusCurrentStart + m] = 0;
            values[potentialRateStart + m] = 0;
            membraneTouched[m] = false;
        }
        for (int k = 0; k < touchedCompartmentCount; k++) {
            values[volumeRateStart + touchedCompartments[k]] = 0;
            compartmentTouched[touchedCompartments[k]] = false;
        }
        touchedMembraneCount = 0;
        touchedCompartmentCount = 0;
    }

    private void touchMembrane(int membrane) {
        if (!membraneTouched[membrane]) {
            membraneTouched[membrane] = true;
            touchedMembranes[touchedMembraneCount++] = membrane;
        }
    }
}
