package org.ionflux.internal.mechanism;

import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.GhkChannel;
import org.ionflux.internal.physics.GhkVoltageFactors;
import org.ionflux.internal.physics.SpecialFunctions;

/**
 * Goldman-Hodgkin-Katz channels (docs/physics.md section 5): {@code J = P A u (c_in - c_out e^-u) / (1 - e^-u)},
 * {@code u = z F V / (R T)}, {@code i = z F J / A}; scenario {@code channels: [{ion: X, permeability: P}]}.
 */
public final class GhkTerm implements Term {

    private final int[] membrane;
    private final int[] channel;
    private final int[] species;
    private final double[] permeabilityMPerS;
    /** The voltage factors of the last partials' u: one exponential per |z| of a membrane. */
    private final GhkVoltageFactors factors = new GhkVoltageFactors();

    /** Collects the GHK channels of {@code model}, in membrane and channel order. */
    public GhkTerm(Model model) {
        List<Placed<Channel.Ghk>> found = Placed.all(model, Membrane::channels, Channel.Ghk.class);
        membrane = Placed.membranes(found);
        channel = Placed.indices(found);
        species = found.stream().mapToInt(p -> p.mechanism().speciesIndex()).toArray();
        permeabilityMPerS = new double[membrane.length];
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        OhmicTerm.unitChannelFlux(view, out, membrane[k], species[k]);
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            permeabilityMPerS[i] = Placed.in(inForce, Membrane::channels, membrane[i], channel[i], Channel.Ghk.class)
                    .permeabilityMPerS();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        // the channels of a membrane see one V: ions of the same |z| share one exponential (Na and K the same u,
        // Cl the opposite), so a Na/K/Cl membrane takes one exp per evaluation instead of three; the opposite's
        // exp(u) = 1 / exp(-u) only while exp(-u) >= 1/2 (below, 1 + expm1(-u) has lost digits to rounding)
        double lastU = Double.NaN;
        double lastEm1 = Double.NaN;
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            double z = view.valence(s);
            double u = z * view.potentialVolts(m) / view.thermalVoltageVolts();
            double cIn = view.concentration(view.inside(m), s);
            double cOut = view.concentration(view.outside(m), s);
            double difference;
            if (!GhkChannel.closedFormApplies(u)) {
                difference = GhkChannel.effectiveConcentrationDifference(u, cIn, cOut);
            } else {
                double em1;
                if (u == lastU) {
                    em1 = lastEm1;
                } else if (u == -lastU && lastEm1 >= -0.5) {
                    em1 = GhkChannel.expm1OfOpposite(lastEm1);
                } else {
                    em1 = SpecialFunctions.expm1(-u);
                }
                lastU = u;
                lastEm1 = em1;
                difference = GhkChannel.effectiveConcentrationDifference(u, em1, cIn, cOut);
            }
            double flux = permeabilityMPerS[i] * view.areaM2(m) * difference;
            out.species(m, s, flux, GhkChannel.currentDensityAPerM2(flux, view.areaM2(m), z));
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double z = view.valence(s);
            double vT = view.thermalVoltageVolts();
            double u = z * view.potentialVolts(m) / vT;
            double pa = permeabilityMPerS[i] * view.areaM2(m);
            double toCurrent = z * Constants.FARADAY_C_PER_MOL / view.areaM2(m);
            // the four voltage factors from one exponential, shared by the channels of the same |z|
            factors.at(u);
            double dJdIn = GhkChannel.fluxPartialInside(pa, factors);
            double dJdOut = GhkChannel.fluxPartialOutside(pa, factors);
            double dJdV = GhkChannel.fluxPartialVoltage(pa, factors, z, vT, view.concentration(in, s),
                    view.concentration(outside, s));
            out.fluxByConcentration(m, s, dJdIn, dJdIn * toCurrent, in, s);
            out.fluxByConcentration(m, s, dJdOut, dJdOut * toCurrent, outside, s);
            out.fluxByPotential(m, s, dJdV, dJdV * toCurrent);
        }
    }

    @Override
    public List<String> channelNames(int m, int s) {
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] == m && species[i] == s) {
                return List.of("GHK channel");
            }
        }
        return List.of();
    }
}
