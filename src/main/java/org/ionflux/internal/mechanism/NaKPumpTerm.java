package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.NaKPump;

/**
 * Na/K-ATPases (docs/physics.md sections 6 and 7): {@code i_p = I_max (Na_in/(Na_in+km_na))^3 (K_out/(K_out+km_k))^2}; each
 * cycle moves 3 Na out and 2 K in and carries one charge outward. Scenario
 * {@code pumps: [{type: na-k-atpase, max_current: I_max, km_na: .., km_k: ..}]}.
 */
public final class NaKPumpTerm implements Term {

    private final String[] insideName;
    private final int[] membrane;
    private final int[] pump;
    private final int[] sodium;
    private final int[] potassium;
    private final double[] maxCurrentAPerM2;
    private final double[] kmSodiumMolPerM3;
    private final double[] kmPotassiumMolPerM3;

    /** Collects the Na/K pumps of {@code model}, in membrane and pump order. */
    public NaKPumpTerm(Model model) {
        List<Placed<Pump.NaK>> found = Placed.all(model, Membrane::pumps, Pump.NaK.class);
        membrane = Placed.membranes(found);
        pump = Placed.indices(found);
        sodium = Placed.ints(found, Pump.NaK::sodiumIndex);
        potassium = Placed.ints(found, Pump.NaK::potassiumIndex);
        insideName = new String[membrane.length];
        for (int i = 0; i < membrane.length; i++) {
            insideName[i] = model.compartments().get(model.membranes().get(membrane[i]).insideIndex()).name();
        }
        maxCurrentAPerM2 = new double[membrane.length];
        kmSodiumMolPerM3 = new double[membrane.length];
        kmPotassiumMolPerM3 = new double[membrane.length];
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    /** The rate is the pump current: 1 A/m^2 moves 3 Na out and 2 K in per cycle. */
    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        int m = membrane[k];
        out.species(m, sodium[k], NaKPump.sodiumFluxMolPerS(1.0, view.areaM2(m)),
                NaKPump.SODIUM_PER_CYCLE * view.valence(sodium[k]));
        out.species(m, potassium[k], NaKPump.potassiumFluxMolPerS(1.0, view.areaM2(m)),
                -NaKPump.POTASSIUM_PER_CYCLE * view.valence(potassium[k]));
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            Pump.NaK p = Placed.in(inForce, Membrane::pumps, membrane[i], pump[i], Pump.NaK.class);
            maxCurrentAPerM2[i] = p.maxCurrentAPerM2();
            kmSodiumMolPerM3[i] = p.kmSodiumMolPerM3();
            kmPotassiumMolPerM3[i] = p.kmPotassiumMolPerM3();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int na = sodium[i];
            int k = potassium[i];
            double current = NaKPump.currentDensityAPerM2(maxCurrentAPerM2[i], view.concentration(view.inside(m), na),
                    view.concentration(view.outside(m), k), kmSodiumMolPerM3[i], kmPotassiumMolPerM3[i]);
            // one cycle rate for both fluxes (sodiumFluxMolPerS and potassiumFluxMolPerS, the same bits)
            double cycles = NaKPump.cycleRateMolPerS(current, view.areaM2(m));
            out.species(m, na, NaKPump.SODIUM_PER_CYCLE * cycles,
                    NaKPump.SODIUM_PER_CYCLE * view.valence(na) * current);
            out.species(m, k, -NaKPump.POTASSIUM_PER_CYCLE * cycles,
                    -NaKPump.POTASSIUM_PER_CYCLE * view.valence(k) * current);
            out.pump(m, current);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int na = sodium[i];
            int k = potassium[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double naIn = view.concentration(in, na);
            double kOut = view.concentration(outside, k);
            double dIdNa = NaKPump.currentDensityPartialSodiumInside(maxCurrentAPerM2[i], naIn, kOut,
                    kmSodiumMolPerM3[i], kmPotassiumMolPerM3[i]);
            double dIdK = NaKPump.currentDensityPartialPotassiumOutside(maxCurrentAPerM2[i], naIn, kOut,
                    kmSodiumMolPerM3[i], kmPotassiumMolPerM3[i]);
            double cyclesPerCurrent = view.areaM2(m) / Constants.FARADAY_C_PER_MOL;
            // the net pump current changes with the pump rate; it is booked once, with the Na flux
            double currentPerPump = NaKPump.SODIUM_PER_CYCLE * view.valence(na)
                    - NaKPump.POTASSIUM_PER_CYCLE * view.valence(k);
            out.fluxByConcentration(m, na, NaKPump.SODIUM_PER_CYCLE * cyclesPerCurrent * dIdNa,
                    currentPerPump * dIdNa, in, na);
            out.fluxByConcentration(m, k, -NaKPump.POTASSIUM_PER_CYCLE * cyclesPerCurrent * dIdNa, 0, in, na);
            out.fluxByConcentration(m, na, NaKPump.SODIUM_PER_CYCLE * cyclesPerCurrent * dIdK,
                    currentPerPump * dIdK, outside, k);
            out.fluxByConcentration(m, k, -NaKPump.POTASSIUM_PER_CYCLE * cyclesPerCurrent * dIdK, 0, outside, k);
        }
    }

    @Override
    public List<String> carrierSentences(int m, int s) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] != m) {
                continue;
            }
            if (sodium[i] == s) {
                sentences.add(" The Na/K pump moves it out of " + insideName[i]
                        + " (3 Na per cycle, against its gradient, using ATP).");
            } else if (potassium[i] == s) {
                sentences.add(" The Na/K pump moves it into " + insideName[i]
                        + " (2 K per cycle, against its gradient, using ATP).");
            }
        }
        return sentences;
    }
}
