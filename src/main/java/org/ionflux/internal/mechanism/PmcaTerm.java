package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.physics.CalciumPump;

/**
 * Plasma-membrane Ca-ATPases (docs/physics.md sections 6 and 7): {@code i_p = I_max c^n / (c^n + km^n)}, one Ca out per cycle,
 * {@code J_Ca = i_p A / (2 F)}; the current counts in {@code I_Ca} and the membrane current. Scenario
 * {@code pumps: [{type: pmca, max_current: I_max, km: .., hill: ..}]}.
 */
public final class PmcaTerm implements Term {

    private final String[] insideName;
    private final int[] membrane;
    private final int[] pump;
    private final int[] calcium;
    private final double[] maxCurrentAPerM2;
    private final double[] kmMolPerM3;
    private final double[] hill;

    /** Collects the PMCA pumps of {@code model}, in membrane and pump order. */
    public PmcaTerm(Model model) {
        List<Placed<Pump.Pmca>> found = Placed.all(model, Membrane::pumps, Pump.Pmca.class);
        membrane = Placed.membranes(found);
        pump = Placed.indices(found);
        calcium = Placed.ints(found, Pump.Pmca::calciumIndex);
        insideName = new String[membrane.length];
        for (int i = 0; i < membrane.length; i++) {
            insideName[i] = model.compartments().get(model.membranes().get(membrane[i]).insideIndex()).name();
        }
        maxCurrentAPerM2 = new double[membrane.length];
        kmMolPerM3 = new double[membrane.length];
        hill = new double[membrane.length];
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    /** The rate is the pump current: 1 A/m^2 moves {@code A / (2 F)} mol/s of Ca out. */
    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        out.species(membrane[k], calcium[k], CalciumPump.calciumFluxMolPerS(1.0, view.areaM2(membrane[k])), 1.0);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            Pump.Pmca p = Placed.in(inForce, Membrane::pumps, membrane[i], pump[i], Pump.Pmca.class);
            maxCurrentAPerM2[i] = p.maxCurrentAPerM2();
            kmMolPerM3[i] = p.kmMolPerM3();
            hill[i] = p.hill();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            double current = CalciumPump.currentDensityAPerM2(maxCurrentAPerM2[i],
                    view.concentration(view.inside(m), calcium[i]), kmMolPerM3[i], hill[i]);
            out.species(m, calcium[i], CalciumPump.calciumFluxMolPerS(current, view.areaM2(m)), current);
            out.pump(m, current);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int in = view.inside(m);
            double dIdCa = CalciumPump.currentDensityPartialCalciumInside(maxCurrentAPerM2[i],
                    view.concentration(in, calcium[i]), kmMolPerM3[i], hill[i]);
            out.fluxByConcentration(m, calcium[i], CalciumPump.calciumFluxMolPerS(dIdCa, view.areaM2(m)), dIdCa, in,
                    calcium[i]);
        }
    }

    @Override
    public List<String> carrierSentences(int m, int s) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] == m && calcium[i] == s) {
                sentences.add(" The Ca pump (PMCA) moves it out of " + insideName[i]
                        + " (1 Ca per cycle, against its gradient, using ATP).");
            }
        }
        return sentences;
    }
}
