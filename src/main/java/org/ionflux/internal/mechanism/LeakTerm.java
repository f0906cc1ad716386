package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.OhmicChannel;

/**
 * Non-specific leaks (docs/physics.md section 5), NEURON's {@code pas}: {@code i_L = g (V - E_L)} with a fixed reversal
 * {@code E_L}; it carries charge but moves no tracked species, so the charge invariant counts it as an external
 * source. Scenario {@code channels: [{leak: true, conductance: g, reversal: E_L}]}.
 */
public final class LeakTerm implements Term {

    private final int[] membrane;
    private final int[] channel;
    private final double[] conductanceSPerM2;
    private final double[] reversalVolts;

    /** Collects the leaks of {@code model}, in membrane and channel order. */
    public LeakTerm(Model model) {
        List<Placed<Channel.Leak>> found = Placed.all(model, Membrane::channels, Channel.Leak.class);
        membrane = Placed.membranes(found);
        channel = Placed.indices(found);
        conductanceSPerM2 = new double[membrane.length];
        reversalVolts = new double[membrane.length];
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        out.leak(membrane[k], 1.0);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            Channel.Leak leak = Placed.in(inForce, Membrane::channels, membrane[i], channel[i], Channel.Leak.class);
            conductanceSPerM2[i] = leak.conductanceSPerM2();
            reversalVolts[i] = leak.reversalVolts();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            out.leak(m, OhmicChannel.currentDensityAPerM2(conductanceSPerM2[i], view.potentialVolts(m),
                    reversalVolts[i]));
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            out.leakCurrentByPotential(membrane[i], conductanceSPerM2[i]);
        }
    }

    @Override
    public List<String> membraneParagraphs(int m, StateView view, Fluxes fluxes) {
        List<String> paragraphs = new ArrayList<>();
        double vMv = view.potentialVolts(m) * 1e3;
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] != m) {
                continue;
            }
            double reversalMv = reversalVolts[i] * 1e3;
            // g in S/m^2 times mV: 1e-3 A/m^2 per (S/m^2 mV), 1e2 uA/cm^2 per A/m^2
            double leakUa = (vMv - reversalMv) * conductanceSPerM2[i] * 1e-3 * 1e2;
            paragraphs.add(String.format(Locale.ROOT, "Non-specific leak: it reverses at E_L = %.2f mV, so at "
                    + "V = %.2f mV it carries %s current (%+.4g uA/cm^2). It carries charge but moves no "
                    + "tracked ion, like NEURON's pas.", reversalMv, vMv,
                    leakUa > 0 ? "an outward" : leakUa < 0 ? "an inward" : "no", leakUa));
        }
        return paragraphs;
    }
}
