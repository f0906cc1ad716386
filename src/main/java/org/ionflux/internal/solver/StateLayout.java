package org.ionflux.internal.solver;

import java.util.Arrays;
import java.util.List;
import org.ionflux.internal.mechanism.StatefulTerm;
import org.ionflux.internal.mechanism.Terms;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;

/**
 * The one mapper between a {@link Model} and the solver's {@code double[]} state (docs/physics.md section 1).
 *
 * <p>State vector, in this order: the amount (mol) of every species in every non-clamped compartment
 * (compartment-major; a species that stays at zero there has none); the volume (m^3) of every compartment whose volume can change; the potential (V) of every
 * dynamic membrane; the variables of every term with a state of its own (gates), term by term; then bookkeeping: when some compartment is clamped, one accumulator
 * per species of the net amount (mol) moved into clamped compartments, and when leaks or stimuli exist, one
 * accumulator per non-clamped compartment of the charge (C) they brought in. The accumulators make the invariants
 * checkable: every Runge-Kutta or Rosenbrock method preserves linear invariants of the system exactly, so their
 * balance with the amounts stays constant to roundoff unless a mechanism's bookkeeping is wrong.
 */
public final class StateLayout {

    private final int speciesCount;
    private final int[] amountIndex;
    private final int[] volumeIndex;
    private final int[] potentialIndex;
    private final List<StatefulTerm> stateful;
    private final int[] statefulOffset;
    private final int[] transferIndex;
    private final int[] externalChargeIndex;
    private final int dimension;
    private final boolean[] bookkeeping;

    /** Lays out the state of {@code model} with its own terms (for tests: the engine passes the terms it runs). */
    public StateLayout(Model model) {
        this(model, Terms.of(model).stateful());
    }

    /**
     * Lays out the state of {@code model} and tells each stateful term where its variables start. A species that
     * starts at zero in a compartment and that no mechanism moves across any of its membranes stays at zero: it
     * gets no state variable (its concentration reads 0).
     */
    public StateLayout(Model model, List<StatefulTerm> statefulTerms) {
        speciesCount = model.species().size();
        int compartments = model.compartments().size();
        boolean[] movedHere = new boolean[compartments * speciesCount];
        boolean[] volumeChanges = new boolean[compartments];
        for (Membrane mem : model.membranes()) {
            for (int s = 0; s < speciesCount; s++) {
                if (mem.moves(s)) {
                    movedHere[mem.insideIndex() * speciesCount + s] = true;
                    movedHere[mem.outsideIndex() * speciesCount + s] = true;
                }
            }
            if (mem.waterPermeabilityMPerS() > 0) {
                volumeChanges[mem.insideIndex()] = true;
                volumeChanges[mem.outsideIndex()] = true;
            }
        }
        amountIndex = new int[compartments * speciesCount];
        int next = 0;
        boolean anyClamped = false;
        for (int c = 0; c < compartments; c++) {
            Compartment comp = model.compartments().get(c);
            anyClamped |= comp.clamped();
            for (int s = 0; s < speciesCount; s++) {
                boolean alwaysZero = comp.concentrationMolPerM3(s) == 0 && !movedHere[c * speciesCount + s];
                amountIndex[c * speciesCount + s] = comp.clamped() || alwaysZero ? -1 : next++;
            }
        }
        volumeIndex = new int[compartments];
        for (int c = 0; c < compartments; c++) {
            volumeIndex[c] = volumeChanges[c] && !model.compartments().get(c).clamped() ? next++ : -1;
        }
        potentialIndex = new int[model.membranes().size()];
        for (int m = 0; m < potentialIndex.length; m++) {
            potentialIndex[m] = model.membranes().get(m).isDynamic() ? next++ : -1;
        }
        stateful = List.copyOf(statefulTerms);
        statefulOffset = new int[stateful.size() + 1];
        for (int t = 0; t < stateful.size(); t++) {
            statefulOffset[t] = next;
            stateful.get(t).bindState(next);
            next += stateful.get(t).stateCount();
        }
        statefulOffset[stateful.size()] = next;
        boolean externalCharge = !model.stimuli().isEmpty();
        for (Membrane mem : model.membranes()) {
            externalCharge |= mem.hasLeak();
        }
        int physical = next;
        transferIndex = new int[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            transferIndex[s] = anyClamped ? next++ : -1;
        }
        externalChargeIndex = new int[compartments];
        for (int c = 0; c < compartments; c++) {
            externalChargeIndex[c] = externalCharge && !model.compartments().get(c).clamped() ? next++ : -1;
        }
        dimension = next;
        bookkeeping = new boolean[dimension];
        Arrays.fill(bookkeeping, physical, dimension, true);
    }

    /** @return length of the state vector */
    public int dimension() {
        return dimension;
    }

    /** @return number of species */
    public int speciesCount() {
        return speciesCount;
    }

    /** @return state index of the amount of species s in compartment c, or -1 if c is clamped */
    public int amountIndex(int compartment, int species) {
        return amountIndex[compartment * speciesCount + species];
    }

    /** @return state index of the volume of compartment c, or -1 if it is constant */
    public int volumeIndex(int compartment) {
        return volumeIndex[compartment];
    }

    /** @return state index of the potential of membrane m, or -1 if it is clamped */
    public int potentialIndex(int membrane) {
        return potentialIndex[membrane];
    }

    /** @return the terms with state variables of their own, in state order */
    public List<StatefulTerm> statefulTerms() {
        return stateful;
    }

    /** @return state index of the first variable of stateful term t (in {@link #statefulTerms()} order) */
    public int statefulOffset(int term) {
        return statefulOffset[term];
    }

    /** @return state index of the net amount of species s moved into clamped compartments, or -1 */
    public int transferIndex(int species) {
        return transferIndex[species];
    }

    /** @return state index of the charge (C) that leaks and stimuli brought into compartment c, or -1 */
    public int externalChargeIndex(int compartment) {
        return externalChargeIndex[compartment];
    }

    /** @return true for a bookkeeping accumulator (transfer into baths, external charge), not physical state */
    public boolean isBookkeeping(int index) {
        return bookkeeping[index];
    }

    /**
     * @return the state at t = 0 as far as the model says it: amounts (mol), volumes (m^3), potentials (V); the
     *     stateful terms' variables and the accumulators are 0 (the engine's {@code initialState} fills the terms')
     */
    public double[] initialState(Model model) {
        double[] y = new double[dimension];
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            for (int s = 0; s < speciesCount; s++) {
                int i = amountIndex(c, s);
                if (i >= 0) {
                    y[i] = comp.concentrationMolPerM3(s) * comp.volumeM3();
                }
            }
            if (volumeIndex[c] >= 0) {
                y[volumeIndex[c]] = comp.volumeM3();
            }
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] >= 0) {
                y[potentialIndex[m]] = model.membranes().get(m).potential().initialVolts();
            }
        }
        return y;
    }

    /**
     * Absolute tolerances in state units from {@code atol} in output units (docs/scenario-format.md): mM times the
     * compartment's initial volume for amounts, pL for volumes, mV for potentials, 1 for gates. An accumulator
     * gets atol times the volume of all non-clamped compartments (times F per species for charge): the scale of
     * the amounts it mirrors, so that it never constrains the step more than they do.
     */
    public double[] absoluteTolerances(Model model) {
        double atol = model.settings().absoluteTolerance();
        double[] tol = new double[dimension];
        double stateVolume = 0;
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            double volume = comp.volumeM3();
            if (!comp.clamped()) {
                stateVolume += volume;
            }
            for (int s = 0; s < speciesCount; s++) {
                int i = amountIndex(c, s);
                if (i >= 0) {
                    tol[i] = atol * volume;
                }
            }
            if (volumeIndex[c] >= 0) {
                tol[volumeIndex[c]] = atol * 1e-15;
            }
            if (externalChargeIndex[c] >= 0) {
                tol[externalChargeIndex[c]] = Constants.FARADAY_C_PER_MOL * atol * volume * speciesCount;
            }
        }
        for (int s = 0; s < speciesCount; s++) {
            if (transferIndex[s] >= 0) {
                // never zero, even for a species that no compartment holds yet
                tol[transferIndex[s]] = atol * stateVolume;
            }
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] >= 0) {
                tol[potentialIndex[m]] = atol * 1e-3;
            }
        }
        // gates are dimensionless, in [0, 1]
        Arrays.fill(tol, statefulOffset[0], statefulOffset[stateful.size()], atol);
        return tol;
    }

    /** @return rtol for every state component */
    public double[] relativeTolerances(Model model) {
        double[] tol = new double[dimension];
        Arrays.fill(tol, model.settings().relativeTolerance());
        return tol;
    }

    /** @return a human-readable name of state component i, for error messages */
    public String describe(Model model, int index) {
        for (int c = 0; c < model.compartments().size(); c++) {
            String comp = model.compartments().get(c).name();
            for (int s = 0; s < speciesCount; s++) {
                if (amountIndex(c, s) == index) {
                    return "amount of " + model.species().get(s).name() + " in " + comp;
                }
            }
            if (volumeIndex[c] == index) {
                return "volume of " + comp;
            }
            if (externalChargeIndex[c] == index) {
                return "charge brought into " + comp + " by leaks and stimuli";
            }
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] == index) {
                return "potential of membrane " + model.membranes().get(m).name();
            }
        }
        for (int t = 0; t < stateful.size(); t++) {
            if (index >= statefulOffset[t] && index < statefulOffset[t + 1]) {
                return stateful.get(t).describeState(index - statefulOffset[t]);
            }
        }
        for (int s = 0; s < speciesCount; s++) {
            if (transferIndex[s] == index) {
                return "amount of " + model.species().get(s).name() + " moved into clamped compartments";
            }
        }
        return "state component " + index;
    }
}
