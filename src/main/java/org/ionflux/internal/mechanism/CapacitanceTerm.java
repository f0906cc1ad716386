package org.ionflux.internal.mechanism;

import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.physics.MembraneCapacitor;

/**
 * The membrane potential (docs/physics.md section 9): a dynamic membrane is a capacitor, {@code C_m dV/dt = -I + i_stim},
 * with {@code I} the sum of every other term's outward current; a clamped membrane holds the clamp value in force
 * (its steps and the events that set it). It runs after every other term, since it reads their currents.
 */
public final class CapacitanceTerm implements Term {

    private final boolean[] dynamic;
    private final double[] capacitanceFPerM2;
    private final double[] clampVolts;

    /** Reads the potential mode and capacitance of every membrane of {@code model}. */
    public CapacitanceTerm(Model model) {
        int n = model.membranes().size();
        dynamic = new boolean[n];
        capacitanceFPerM2 = new double[n];
        clampVolts = new double[n];
        for (int m = 0; m < n; m++) {
            Membrane mem = model.membranes().get(m);
            dynamic[m] = mem.isDynamic();
            capacitanceFPerM2[m] = mem.capacitanceFPerM2();
        }
    }

    /** The capacitor turns currents into dV/dt: it adds no rate of its own. */
    @Override
    public int rateCount() {
        return 0;
    }

    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        throw new IndexOutOfBoundsException("the capacitor has no rate " + k);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int m = 0; m < dynamic.length; m++) {
            if (inForce.membranes().get(m).potential() instanceof PotentialProtocol.Clamp clamp) {
                clampVolts[m] = clamp.voltsAt(timeS + toleranceS);
            }
        }
    }

    /** @return the clamp value of membrane m in the current segment, V (meaningless for a dynamic membrane) */
    public double clampVolts(int membrane) {
        return clampVolts[membrane];
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int m = 0; m < dynamic.length; m++) {
            addRate(m, out);
        }
    }

    /** Sets the potential rate of membrane m alone (if it is dynamic) from the currents in {@code out}. */
    public void addRate(int m, Fluxes out) {
        if (dynamic[m]) {
            out.potentialRate(m, MembraneCapacitor.potentialRateVoltsPerS(out.membraneCurrent(m),
                    out.stimulusCurrent(m), capacitanceFPerM2[m]));
        }
    }

    /** @return the change of dV/dt of membrane m made by a change {@code dI} of its outward current, V/s */
    public double potentialRatePartial(int membrane, double dI) {
        return MembraneCapacitor.potentialRatePartial(dI, capacitanceFPerM2[membrane]);
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        // every current partial reaches dV/dt through potentialRatePartial, applied by the engine's chain rule
    }
}
