package org.ionflux.solver;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.model.Membrane;
import org.ionflux.model.Model;
import org.ionflux.physics.Constants;

/**
 * Watches the invariants of MODEL.md section 9 along a run and checks the state is physical.
 *
 * <p>Mass error of a species: {@code |total(t) - total(0)| / total(0)} with total = amount in non-clamped
 * compartments plus the net amount moved into clamped ones. Charge error of a compartment whose membranes are
 * all dynamic: the drift of {@code F sum z n - sum_in C A V + sum_out C A V} divided by
 * {@code F sum |z| n} at t = 0. Both are the largest seen (SCENARIO.md, summary.json).
 */
final class InvariantMonitor {

    private final Model model;
    private final StateLayout layout;
    private final double[] massTotal0;
    private final double[] chargeTotal0;
    private final double[] chargeScale;
    private final int[] chargeCompartments;
    private final double[] negativeLimitMol;
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
        List<Integer> charged = new ArrayList<>();
        for (int c = 0; c < model.compartments().size(); c++) {
            if (model.compartments().get(c).clamped()) {
                continue;
            }
            boolean touched = false;
            boolean allDynamic = true;
            for (Membrane m : model.membranes()) {
                if (m.insideIndex() == c || m.outsideIndex() == c) {
                    touched = true;
                    allDynamic &= m.isDynamic();
                }
            }
            if (touched && allDynamic) {
                charged.add(c);
            }
        }
        chargeCompartments = charged.stream().mapToInt(Integer::intValue).toArray();
        chargeTotal0 = new double[chargeCompartments.length];
        chargeScale = new double[chargeCompartments.length];
        for (int i = 0; i < chargeCompartments.length; i++) {
            chargeTotal0[i] = charge(y0, chargeCompartments[i]);
            double scale = 0;
            for (int s = 0; s < species; s++) {
                scale += Math.abs(model.species().get(s).charge()) * y0[layout.amountIndex(chargeCompartments[i], s)];
            }
            chargeScale[i] = Constants.FARADAY_C_PER_MOL * scale;
        }
        negativeLimitMol = new double[model.compartments().size()];
        for (int c = 0; c < negativeLimitMol.length; c++) {
            negativeLimitMol[c] = -model.settings().absoluteTolerance() * model.compartments().get(c).volumeM3();
        }
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

    private double charge(double[] y, int c) {
        double q = 0;
        for (int s = 0; s < layout.speciesCount(); s++) {
            q += model.species().get(s).charge() * y[layout.amountIndex(c, s)];
        }
        q *= Constants.FARADAY_C_PER_MOL;
        for (int m = 0; m < model.membranes().size(); m++) {
            Membrane mem = model.membranes().get(m);
            if (mem.insideIndex() != c && mem.outsideIndex() != c) {
                continue;
            }
            double plate = mem.capacitanceFPerM2() * mem.areaM2() * y[layout.potentialIndex(m)];
            q += mem.insideIndex() == c ? -plate : plate;
        }
        // minus what leaks and stimuli brought in (MODEL.md section 7: an external source)
        int external = layout.externalChargeIndex(c);
        return external >= 0 ? q - y[external] : q;
    }

    /**
     * Updates the largest errors with state y and checks it.
     *
     * @throws EngineFailure if a component is NaN or infinite, or a concentration is below {@code -atol}
     */
    void observe(double timeS, double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new EngineFailure("the " + layout.describe(model, i) + " became " + y[i] + " at t = "
                        + timeS + " s", timeS);
            }
        }
        for (int c = 0; c < negativeLimitMol.length; c++) {
            int v = layout.volumeIndex(c);
            if (v >= 0 && !(y[v] > 0)) {
                throw new EngineFailure("the volume of " + model.compartments().get(c).name() + " shrank to "
                        + y[v] * 1e15 + " pL at t = " + timeS + " s", timeS);
            }
            for (int s = 0; s < layout.speciesCount(); s++) {
                int i = layout.amountIndex(c, s);
                if (i >= 0 && y[i] < negativeLimitMol[c]) {
                    throw new EngineFailure("the concentration of " + model.species().get(s).name() + " in "
                            + model.compartments().get(c).name() + " fell below -atol ("
                            + y[i] / model.compartments().get(c).volumeM3() + " mM) at t = " + timeS
                            + " s; the model drives it negative or the tolerances are too loose", timeS);
                }
            }
        }
        for (int s = 0; s < massTotal0.length; s++) {
            if (massTotal0[s] > 0) {
                maxMassError = Math.max(maxMassError, Math.abs(massTotal(y, s) - massTotal0[s]) / massTotal0[s]);
            }
        }
        for (int i = 0; i < chargeCompartments.length; i++) {
            if (chargeScale[i] > 0) {
                double drift = Math.abs(charge(y, chargeCompartments[i]) - chargeTotal0[i]);
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
