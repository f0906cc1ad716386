package org.ionflux.solver;

import java.util.Arrays;
import org.ionflux.model.Compartment;
import org.ionflux.model.Membrane;
import org.ionflux.model.Model;

/**
 * The one mapper between a {@link Model} and the solver's {@code double[]} state (MODEL.md section 1).
 *
 * <p>State vector, in this order: the amount (mol) of every species in every non-clamped compartment
 * (compartment-major), the potential (V) of every dynamic membrane, then, when some compartment is
 * clamped, one accumulator per species holding the net amount (mol) moved into clamped compartments.
 * The accumulators make the mass invariant checkable: every Runge-Kutta or Rosenbrock method preserves
 * linear invariants of the system exactly, so their sum with the amounts stays constant to roundoff
 * unless a mechanism's bookkeeping is wrong.
 */
public final class StateLayout {

    private final int speciesCount;
    private final int[] amountIndex;
    private final int[] potentialIndex;
    private final int[] transferIndex;
    private final int dimension;

    /** Lays out the state of {@code model}. */
    public StateLayout(Model model) {
        speciesCount = model.species().size();
        int compartments = model.compartments().size();
        amountIndex = new int[compartments * speciesCount];
        int next = 0;
        boolean anyClamped = false;
        for (int c = 0; c < compartments; c++) {
            boolean clamped = model.compartments().get(c).clamped();
            anyClamped |= clamped;
            for (int s = 0; s < speciesCount; s++) {
                amountIndex[c * speciesCount + s] = clamped ? -1 : next++;
            }
        }
        potentialIndex = new int[model.membranes().size()];
        for (int m = 0; m < potentialIndex.length; m++) {
            potentialIndex[m] = model.membranes().get(m).isDynamic() ? next++ : -1;
        }
        transferIndex = new int[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            transferIndex[s] = anyClamped ? next++ : -1;
        }
        dimension = next;
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

    /** @return state index of the potential of membrane m, or -1 if it is clamped */
    public int potentialIndex(int membrane) {
        return potentialIndex[membrane];
    }

    /** @return state index of the net amount of species s moved into clamped compartments, or -1 */
    public int transferIndex(int species) {
        return transferIndex[species];
    }

    /** @return the state at t = 0: initial amounts (mol), potentials (V), zero transfers */
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
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] >= 0) {
                y[potentialIndex[m]] = model.membranes().get(m).potential().initialVolts();
            }
        }
        return y;
    }

    /**
     * Absolute tolerances in state units from {@code atol} in output units (SCENARIO.md): mM times the
     * compartment's initial volume for amounts, mV for potentials. A transfer accumulator gets the sum of
     * the tolerances of the amounts it mirrors, so that it never constrains the step more than they do.
     */
    public double[] absoluteTolerances(Model model) {
        double atol = model.settings().absoluteTolerance();
        double[] tol = new double[dimension];
        for (int c = 0; c < model.compartments().size(); c++) {
            double volume = model.compartments().get(c).volumeM3();
            for (int s = 0; s < speciesCount; s++) {
                int i = amountIndex(c, s);
                if (i >= 0) {
                    tol[i] = atol * volume;
                    if (transferIndex[s] >= 0) {
                        tol[transferIndex[s]] += atol * volume;
                    }
                }
            }
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] >= 0) {
                tol[potentialIndex[m]] = atol * 1e-3;
            }
        }
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
            for (int s = 0; s < speciesCount; s++) {
                if (amountIndex(c, s) == index) {
                    return "amount of " + model.species().get(s).name() + " in " + model.compartments().get(c).name();
                }
            }
        }
        for (int m = 0; m < potentialIndex.length; m++) {
            if (potentialIndex[m] == index) {
                Membrane membrane = model.membranes().get(m);
                return "potential of membrane " + membrane.name();
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
