package org.ionflux.internal.solver;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;

/**
 * Watches the invariants of docs/physics.md section 10 along a run and checks the state is physical.
 *
 * <p>Mass error of a species: {@code |total(t) - total(0)| / total(0)} with total = amount in non-clamped
 * compartments plus the net amount moved into clamped ones. Charge error of a compartment whose membranes are
 * all dynamic: the drift of {@code F sum z n - sum_in C A V + sum_out C A V} divided by
 * {@code F sum |z| n} at t = 0. Both are the largest seen (docs/commands.md, summary.json).
 */
final class InvariantMonitor {

    private final Model model;
    private final StateLayout layout;
    private final double[] massTotal0;
    private final double[] chargeTotal0;
    private final double[] chargeScale;
    private final int[] chargeCompartments;
    private final int[][] chargeAmountIndex;
    private final double[][] chargeValence;
    private final int[][] platePotentialIndex;
    private final double[][] plateCapacitance;
    /** -atol in mol/m^3 (atol is in mM, docs/commands.md). */
    private final double negativeLimitPerVolume;
    private double maxMassError;
    private double maxChargeError;

    InvariantMonitor(Model model, StateLayout layout, double[] y0) {
        this.model = model;
        this.layout = layout;
        int species = layout.speciesCount();
        massTotal0 = new double[species];
        for (int s = 0; s < species; s++) {
            massTotal0[s] = massTotal(y0, s);
        }
        // membranes of each compartment, found in one pass (a compartment may border thousands of cells)
        int compartments = model.compartments().size();
        List<List<Integer>> bordering = new ArrayList<>();
        for (int c = 0; c < compartments; c++) {
            bordering.add(new ArrayList<>());
        }
        for (int m = 0; m < model.membranes().size(); m++) {
            bordering.get(model.membranes().get(m).insideIndex()).add(m);
            bordering.get(model.membranes().get(m).outsideIndex()).add(m);
        }
        List<Integer> charged = new ArrayList<>();
        for (int c = 0; c < compartments; c++) {
            boolean allDynamic = !bordering.get(c).isEmpty() && !model.compartments().get(c).clamped();
            for (int m : bordering.get(c)) {
                allDynamic &= model.membranes().get(m).isDynamic();
            }
            if (allDynamic) {
                charged.add(c);
            }
        }
        chargeCompartments = charged.stream().mapToInt(Integer::intValue).toArray();
        chargeAmountIndex = new int[chargeCompartments.length][];
        chargeValence = new double[chargeCompartments.length][];
        platePotentialIndex = new int[chargeCompartments.length][];
        plateCapacitance = new double[chargeCompartments.length][];
        chargeTotal0 = new double[chargeCompartments.length];
        chargeScale = new double[chargeCompartments.length];
        for (int i = 0; i < chargeCompartments.length; i++) {
            int c = chargeCompartments[i];
            List<Integer> amounts = new ArrayList<>();
            for (int s = 0; s < species; s++) {
                if (layout.amountIndex(c, s) >= 0) {
                    amounts.add(s);
                }
            }
            chargeAmountIndex[i] = amounts.stream().mapToInt(s -> layout.amountIndex(c, s)).toArray();
            chargeValence[i] = amounts.stream().mapToDouble(s -> model.species().get(s).charge()).toArray();
            List<Integer> plates = bordering.get(c);
            platePotentialIndex[i] = plates.stream().mapToInt(layout::potentialIndex).toArray();
            // the inside plate holds +C A V, the outside plate -C A V (docs/physics.md section 9)
            plateCapacitance[i] = plates.stream().mapToDouble(m -> {
                Membrane mem = model.membranes().get(m);
                double ca = mem.capacitanceFPerM2() * mem.areaM2();
                return mem.insideIndex() == c ? -ca : ca;
            }).toArray();
            chargeTotal0[i] = charge(y0, i);
            double scale = 0;
            for (int k = 0; k < chargeAmountIndex[i].length; k++) {
                scale += Math.abs(chargeValence[i][k]) * y0[chargeAmountIndex[i][k]];
            }
            chargeScale[i] = Constants.FARADAY_C_PER_MOL * scale;
        }
        negativeLimitPerVolume = -model.settings().absoluteTolerance();
    }

    private double massTotal(double[] y, int s) {
        double total = 0;
        for (int c = 0; c < model.compartments().size(); c++) {
            int i = layout.amountIndex(c, s);
            if (i >= 0) {
                total += y[i];
            }
        }
        int t = layout.transferIndex(s);
        return t >= 0 ? total + y[t] : total;
    }

    /** The charge invariant of the i-th checked compartment (docs/physics.md section 9), C. */
    private double charge(double[] y, int i) {
        double q = 0;
        for (int k = 0; k < chargeAmountIndex[i].length; k++) {
            q += chargeValence[i][k] * y[chargeAmountIndex[i][k]];
        }
        q *= Constants.FARADAY_C_PER_MOL;
        for (int k = 0; k < platePotentialIndex[i].length; k++) {
            q += plateCapacitance[i][k] * y[platePotentialIndex[i][k]];
        }
        // minus what leaks and stimuli brought in (docs/physics.md section 9: an external source)
        int external = layout.externalChargeIndex(chargeCompartments[i]);
        return external >= 0 ? q - y[external] : q;
    }

    /**
     * Checks that state y is physical.
     *
     * @throws EngineFailure if a component is NaN or infinite, a volume is not positive, or a concentration is below
     *     {@code -atol}
     */
    void check(double timeS, double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new EngineFailure("the " + layout.describe(model, i) + " became " + y[i] + " at t = "
                        + timeS + " s", timeS);
            }
        }
        for (int c = 0; c < model.compartments().size(); c++) {
            int v = layout.volumeIndex(c);
            if (v >= 0 && !(y[v] > 0)) {
                throw new EngineFailure("the volume of " + model.compartments().get(c).name() + " shrank to "
                        + y[v] * 1e15 + " pL at t = " + timeS + " s", timeS);
            }
            // concentration = amount / current volume against -atol (mM)
            double volume = v >= 0 ? y[v] : model.compartments().get(c).volumeM3();
            double limit = negativeLimitPerVolume * volume;
            for (int s = 0; s < layout.speciesCount(); s++) {
                int i = layout.amountIndex(c, s);
                if (i >= 0 && y[i] < limit) {
                    throw new EngineFailure("the concentration of " + model.species().get(s).name() + " in "
                            + model.compartments().get(c).name() + " fell below -atol (" + y[i] / volume
                            + " mM) at t = " + timeS + " s; the model drives it negative or the tolerances are "
                            + "too loose", timeS);
                }
            }
        }
    }

    /** Updates the largest mass and charge errors with state y. */
    void record(double[] y) {
        for (int s = 0; s < massTotal0.length; s++) {
            if (massTotal0[s] > 0) {
                maxMassError = Math.max(maxMassError, Math.abs(massTotal(y, s) - massTotal0[s]) / massTotal0[s]);
            }
        }
        for (int i = 0; i < chargeCompartments.length; i++) {
            if (chargeScale[i] > 0) {
                double drift = Math.abs(charge(y, i) - chargeTotal0[i]);
                maxChargeError = Math.max(maxChargeError, drift / chargeScale[i]);
            }
        }
    }

    /** @return the largest relative mass error seen, or NaN if no species has any amount */
    double maxMassError() {
        for (double total : massTotal0) {
            if (total > 0) {
                return maxMassError;
            }
        }
        return Double.NaN;
    }

    /** @return the largest relative charge error seen, or NaN if no compartment has all membranes dynamic */
    double maxChargeError() {
        return chargeCompartments.length == 0 ? Double.NaN : maxChargeError;
    }
}
