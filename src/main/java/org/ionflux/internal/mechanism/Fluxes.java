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
    private final double[] speciesFlux;
    private final double[] speciesCurrent;
    private final double[] membraneCurrent;
    private final double[] leakCurrent;
    private final double[] pumpCurrent;
    private final double[] stimulusCurrent;
    private final double[] potentialRate;
    private final double[] volumeRate;
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
        speciesFlux = new double[membraneCount * speciesCount];
        speciesCurrent = new double[membraneCount * speciesCount];
        membraneCurrent = new double[membraneCount];
        leakCurrent = new double[membraneCount];
        pumpCurrent = new double[membraneCount];
        stimulusCurrent = new double[membraneCount];
        potentialRate = new double[membraneCount];
        volumeRate = new double[compartmentCount];
    }

    /** Sets every accumulator to zero (the engine calls it before each evaluation). */
    public void clear() {
        Arrays.fill(speciesFlux, 0.0);
        Arrays.fill(speciesCurrent, 0.0);
        Arrays.fill(membraneCurrent, 0.0);
        Arrays.fill(leakCurrent, 0.0);
        Arrays.fill(pumpCurrent, 0.0);
        Arrays.fill(stimulusCurrent, 0.0);
        Arrays.fill(potentialRate, 0.0);
        Arrays.fill(volumeRate, 0.0);
    }

    /**
     * Sets the species fluxes and currents to those of {@code other} (a model of the same size); the other
     * accumulators are left as they are.
     */
    public void copySpeciesOf(Fluxes other) {
        System.arraycopy(other.speciesFlux, 0, speciesFlux, 0, speciesFlux.length);
        System.arraycopy(other.speciesCurrent, 0, speciesCurrent, 0, speciesCurrent.length);
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
        speciesFlux[membrane * speciesCount + species] += fluxMolPerS;
        speciesCurrent[membrane * speciesCount + species] += currentAPerM2;
        membraneCurrent[membrane] += currentAPerM2;
    }

    /** Adds a non-specific leak current through membrane m (it counts in the total), A/m^2, outward positive. */
    public void leak(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        leakCurrent[membrane] += currentAPerM2;
        membraneCurrent[membrane] += currentAPerM2;
    }

    /**
     * Reports a pump's net current through membrane m, A/m^2, for its own column; its species currents, added with
     * {@link #species}, already count in the total.
     */
    public void pump(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        pumpCurrent[membrane] += currentAPerM2;
    }

    /** Adds an injected stimulus current density on membrane m, A/m^2, positive depolarizing. */
    public void stimulus(int membrane, double currentAPerM2) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        stimulusCurrent[membrane] += currentAPerM2;
    }

    /** Sets the rate of the potential of a dynamic membrane m, V/s. */
    public void potentialRate(int membrane, double voltsPerS) {
        if (membraneTouched != null) {
            touchMembrane(membrane);
        }
        potentialRate[membrane] = voltsPerS;
    }

    /** Adds to the rate of the volume of compartment c, m^3/s. */
    public void volumeRate(int compartment, double m3PerS) {
        if (compartmentTouched != null && !compartmentTouched[compartment]) {
            compartmentTouched[compartment] = true;
            touchedCompartments[touchedCompartmentCount++] = compartment;
        }
        volumeRate[compartment] += m3PerS;
    }

    /** @return the flux of species s through membrane m, mol/s, outward positive */
    public double speciesFlux(int membrane, int species) {
        return speciesFlux[membrane * speciesCount + species];
    }

    /** @return the current density of species s through membrane m, all mechanisms, A/m^2, outward positive */
    public double speciesCurrent(int membrane, int species) {
        return speciesCurrent[membrane * speciesCount + species];
    }

    /** @return the total outward current density through membrane m (channels, leaks, pumps, transporters), A/m^2 */
    public double membraneCurrent(int membrane) {
        return membraneCurrent[membrane];
    }

    /** @return the non-specific leak current density through membrane m, A/m^2 */
    public double leakCurrent(int membrane) {
        return leakCurrent[membrane];
    }

    /** @return the net current density of the pumps of membrane m, A/m^2, outward positive */
    public double pumpCurrent(int membrane) {
        return pumpCurrent[membrane];
    }

    /** @return the stimulus current density on membrane m, A/m^2, positive depolarizing */
    public double stimulusCurrent(int membrane) {
        return stimulusCurrent[membrane];
    }

    /** @return the rate of the potential of membrane m, V/s (0 for a clamped one) */
    public double potentialRate(int membrane) {
        return potentialRate[membrane];
    }

    /** @return the rate of the volume of compartment c, m^3/s */
    public double volumeRate(int compartment) {
        return volumeRate[compartment];
    }

    /**
     * Starts recording which membranes and compartments are written (for evaluations of one rate at a time, e.g.
     * the stoichiometry); every accumulator is cleared first.
     */
    public void recordTouched() {
        clear();
        membraneTouched = new boolean[membraneCurrent.length];
        compartmentTouched = new boolean[volumeRate.length];
        touchedMembranes = new int[membraneCurrent.length];
        touchedCompartments = new int[volumeRate.length];
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
            Arrays.fill(speciesFlux, m * speciesCount, (m + 1) * speciesCount, 0.0);
            Arrays.fill(speciesCurrent, m * speciesCount, (m + 1) * speciesCount, 0.0);
            membraneCurrent[m] = 0;
            leakCurrent[m] = 0;
            pumpCurrent[m] = 0;
            stimulusCurrent[m] = 0;
            potentialRate[m] = 0;
            membraneTouched[m] = false;
        }
        for (int k = 0; k < touchedCompartmentCount; k++) {
            volumeRate[touchedCompartments[k]] = 0;
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
