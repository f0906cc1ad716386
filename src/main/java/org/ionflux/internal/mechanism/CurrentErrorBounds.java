package org.ionflux.internal.mechanism;

import java.util.Arrays;

/**
 * Per channel group (membrane and species) a bound on the error of its current that the solver's tolerances allow:
 * {@code e = sum_x |dI/dx| tol_x} over the variables x the current depends on (concentrations, the potential, gates),
 * {@code tol_x = atol_x + rtol_x |x|} on the solver's state variable behind x (0 for a clamped one). Terms add to it
 * in {@link Term#addCurrentErrorBounds} (exactly, from their partial derivatives, or a cheaper larger bound); the
 * trace uses it to find the channel groups whose current is mostly rounding noise (docs/decisions.md "Currents of
 * very large conductances"). Mutable scratch, one per run.
 */
public final class CurrentErrorBounds {

    private final int species;
    /** Per compartment and species the state index of its amount, -1 if it is not a state variable. */
    private final int[] amountIndex;
    /** Per membrane the state index of its potential, -1 if clamped. */
    private final int[] potentialIndex;
    /** Per compartment the state index of its volume, -1 if constant. */
    private final int[] volumeIndex;
    private final double[] absoluteTolerance;
    private final double[] relativeTolerance;
    private final double[] bound;
    private final Partials exact = new ExactPartials();
    private StateView view;
    /** The box of {@link #clearWithin}, null for the bounds at one state. */
    private double[] lowest;
    private double[] highest;

    /**
     * @param species           number of species
     * @param membranes         number of membranes
     * @param amountIndex       per compartment c and species s ({@code c * species + s}) the state index of the
     *                          amount, -1 if not a state variable
     * @param potentialIndex    per membrane the state index of its potential, -1 if clamped
     * @param volumeIndex       per compartment the state index of its volume, -1 if constant
     * @param absoluteTolerance the solver's atol per state variable, in its unit
     * @param relativeTolerance the solver's rtol per state variable
     */
    public CurrentErrorBounds(int species, int membranes, int[] amountIndex, int[] potentialIndex,
                              int[] volumeIndex, double[] absoluteTolerance, double[] relativeTolerance) {
        this.species = species;
        this.amountIndex = amountIndex.clone();
        this.potentialIndex = potentialIndex.clone();
        this.volumeIndex = volumeIndex.clone();
        this.absoluteTolerance = absoluteTolerance.clone();
        this.relativeTolerance = relativeTolerance.clone();
        this.bound = new double[membranes * species];
    }

    /** Sets every bound to 0 for the state in {@code view}. */
    public void clear(StateView view) {
        this.view = view;
        this.lowest = null;
        this.highest = null;
        Arrays.fill(bound, 0.0);
    }

    /**
     * Sets every bound to 0 for every state in the box {@code [lowest, highest]} (componentwise, solver state);
     * {@code view} holds an evaluation of the same segment (for the clamped values and constant volumes).
     * Terms then add bounds that hold across the box ({@link Term#addCurrentErrorBoundsWithin}), from the
     * accessors below.
     */
    public void clearWithin(StateView view, double[] lowest, double[] highest) {
        this.view = view;
        this.lowest = lowest;
        this.highest = highest;
        Arrays.fill(bound, 0.0);
    }

    /** @return the largest |concentration| of species s in compartment c over the box, mol/m^3 */
    public double maxAbsConcentration(int compartment, int s) {
        int i = amountIndex[compartment * species + s];
        if (i < 0) {
            return Math.abs(view.concentration(compartment, s));
        }
        return Math.max(Math.abs(lowest[i]), Math.abs(highest[i])) / smallestVolume(compartment);
    }

    /** @return the largest tolerance on the concentration of species s in compartment c over the box, mol/m^3 */
    public double maxConcentrationTolerance(int compartment, int s) {
        int i = amountIndex[compartment * species + s];
        if (i < 0) {
            return 0.0;
        }
        return (absoluteTolerance[i] + relativeTolerance[i] * Math.max(Math.abs(lowest[i]), Math.abs(highest[i])))
                / smallestVolume(compartment);
    }

    /**
     * @return the largest relative tolerance on the concentration of species s in compartment c over the box,
     *     {@code (atol + rtol |n|) / |n| = rtol + atol / |n|} at the smallest |n| (the volume cancels); 0 where the
     *     amount is not a state variable, infinite where the box reaches n = 0
     */
    public double maxRelativeConcentrationTolerance(int compartment, int s) {
        int i = amountIndex[compartment * species + s];
        if (i < 0) {
            return 0.0;
        }
        double smallest = lowest[i] > 0 ? lowest[i] : highest[i] < 0 ? -highest[i] : 0.0;
        return relativeTolerance[i] + absoluteTolerance[i] / smallest;
    }

    /** @return the lowest value of state variable {@code column} over the box */
    public double lowestState(int column) {
        return lowest[column];
    }

    /** @return the highest value of state variable {@code column} over the box */
    public double highestState(int column) {
        return highest[column];
    }

    /** @return the largest tolerance on state variable {@code column} over the box, in its unit */
    public double maxStateTolerance(int column) {
        return absoluteTolerance[column]
                + relativeTolerance[column] * Math.max(Math.abs(lowest[column]), Math.abs(highest[column]));
    }

    /**
     * @return the largest {@code |ln(c_out / c_in)|} of species s between compartments {@code inside} and
     *     {@code outside} over the box (infinite where a concentration may reach 0)
     */
    public double maxAbsLogRatio(int inside, int outside, int s) {
        double high = Math.log(maxAbsConcentration(outside, s) / smallestConcentration(inside, s));
        double low = Math.log(smallestConcentration(outside, s) / maxAbsConcentration(inside, s));
        return Math.max(Math.abs(high), Math.abs(low));
    }

    /** @return the smallest concentration of species s in compartment c over the box (0 if it may reach 0) */
    private double smallestConcentration(int compartment, int s) {
        int i = amountIndex[compartment * species + s];
        if (i < 0) {
            return Math.abs(view.concentration(compartment, s));
        }
        double smallest = lowest[i] > 0 ? lowest[i] : highest[i] < 0 ? -highest[i] : 0.0;
        int v = volumeIndex[compartment];
        return smallest / (v < 0 ? view.volumeM3(compartment) : highest[v]);
    }

    /** @return the smallest volume of compartment c over the box, m^3; 0 if not positive (no finite bound) */
    private double smallestVolume(int compartment) {
        int i = volumeIndex[compartment];
        return Math.max(i < 0 ? view.volumeM3(compartment) : lowest[i], 0.0);
    }

    /** @return the lowest potential of membrane m over the box, V */
    public double lowestPotential(int membrane) {
        int i = potentialIndex[membrane];
        return i < 0 ? view.potentialVolts(membrane) : lowest[i];
    }

    /** @return the highest potential of membrane m over the box, V */
    public double highestPotential(int membrane) {
        int i = potentialIndex[membrane];
        return i < 0 ? view.potentialVolts(membrane) : highest[i];
    }

    /** @return the largest tolerance on the potential of membrane m over the box, V */
    public double maxPotentialTolerance(int membrane) {
        int i = potentialIndex[membrane];
        return i < 0 ? 0.0
                : absoluteTolerance[i] + relativeTolerance[i] * Math.max(Math.abs(lowest[i]), Math.abs(highest[i]));
    }

    /**
     * @return the tolerance on the concentration of species s in compartment c, mol/m^3: the solver's tolerance on
     *     the amount {@code n = c Vol}, divided by Vol (0 where the amount is not a state variable)
     */
    public double concentrationTolerance(int compartment, int s) {
        int i = amountIndex[compartment * species + s];
        return i < 0 ? 0.0
                : (absoluteTolerance[i] + relativeTolerance[i] * Math.abs(view.state()[i])) * view.perVolume(compartment);
    }

    /** @return the tolerance on the potential of membrane m, V (0 where clamped) */
    public double potentialTolerance(int membrane) {
        return potentialTolerance(view, membrane);
    }

    /** @return the tolerance on the potential of membrane m at the state in {@code at}, V (0 where clamped) */
    public double potentialTolerance(StateView at, int membrane) {
        int i = potentialIndex[membrane];
        return i < 0 ? 0.0 : absoluteTolerance[i] + relativeTolerance[i] * Math.abs(at.state()[i]);
    }

    /** @return the tolerance on state variable {@code column}, in its unit (0 for a negative column) */
    public double stateTolerance(int column) {
        return column < 0 ? 0.0 : absoluteTolerance[column] + relativeTolerance[column] * Math.abs(view.state()[column]);
    }

    /** Adds {@code amperesPerM2} (at least 0) to the bound of the current of species s through membrane m. */
    public void add(int membrane, int s, double amperesPerM2) {
        bound[membrane * species + s] += amperesPerM2;
    }

    /** @return the bound of the current of species s through membrane m, A/m^2 */
    public double of(int membrane, int s) {
        return bound[membrane * species + s];
    }

    /**
     * @return partial derivatives in, the bound out: each current partial times the tolerance on its variable, in
     *     absolute value (what {@link Term#addCurrentErrorBounds} does by default with {@link Term#addPartials})
     */
    public Partials exactFromPartials() {
        return exact;
    }

    private final class ExactPartials implements Partials {
        @Override
        public void fluxByConcentration(int m, int s, double dJdc, double dIdc, int c, int sc) {
            // a clamped side has no tolerance: skipped, not added as 0 times a partial that may be infinite
            if (amountIndex[c * species + sc] >= 0) {
                add(m, s, Math.abs(dIdc) * concentrationTolerance(c, sc));
            }
        }

        @Override
        public void fluxByPotential(int m, int s, double dJdV, double dIdV) {
            add(m, s, Math.abs(dIdV) * potentialTolerance(m));
        }

        @Override
        public void fluxByState(int m, int s, double dJ, double dI, int column) {
            add(m, s, Math.abs(dI) * stateTolerance(column));
        }

        @Override
        public void leakCurrentByPotential(int m, double dIdV) {
            // leaks are no channel group of a species
        }

        @Override
        public void stateByState(int row, int column, double value) {
            // gate rates do not enter the currents' bound
        }

        @Override
        public void stateByPotential(int row, int m, double value) {
            // gate rates do not enter the currents' bound
        }

        @Override
        public void volumeByConcentration(int ofCompartment, double value, int compartment, int s) {
            // water moves no current
        }
    }
}
