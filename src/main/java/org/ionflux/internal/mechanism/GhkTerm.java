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
    /** Per channel {@code z F / (R T)}, 1/V: u is this times V (a product, not a quotient, per evaluation). */
    private final double[] reducedPerVolt;
    /** Per channel {@code z F / A}, (A/m^2) per (mol/s): the current density of a flux. */
    private final double[] currentPerFlux;
    /** The voltage factors at the last u: one exponential per |z| of a membrane. */
    private final GhkVoltageFactors factors = new GhkVoltageFactors();

    /** Collects the GHK channels of {@code model}, in membrane and channel order. */
    public GhkTerm(Model model) {
        List<Placed<Channel.Ghk>> found = Placed.all(model, Membrane::channels, Channel.Ghk.class);
        membrane = Placed.membranes(found);
        channel = Placed.indices(found);
        species = found.stream().mapToInt(p -> p.mechanism().speciesIndex()).toArray();
        permeabilityMPerS = new double[membrane.length];
        reducedPerVolt = new double[membrane.length];
        currentPerFlux = new double[membrane.length];
        double thermalVoltage = Constants.thermalVoltageVolts(model.temperatureK());
        for (int i = 0; i < membrane.length; i++) {
            double z = model.species().get(species[i]).charge();
            reducedPerVolt[i] = z / thermalVoltage;
            currentPerFlux[i] = z * Constants.FARADAY_C_PER_MOL / model.membranes().get(membrane[i]).areaM2();
        }
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
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            // one exponential per |z| of a membrane (Na and K the same u, Cl the opposite): GhkVoltageFactors
            factors.at(reducedPerVolt[i] * view.potentialVolts(m));
            double difference = view.concentration(view.inside(m), s) * factors.factor()
                    - view.concentration(view.outside(m), s) * factors.factorOpposite();
            double flux = permeabilityMPerS[i] * view.areaM2(m) * difference;
            out.species(m, s, flux, currentPerFlux[i] * flux);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double pa = permeabilityMPerS[i] * view.areaM2(m);
            double toCurrent = currentPerFlux[i];
            // the rates at this u have usually just computed its exponential
            factors.at(reducedPerVolt[i] * view.potentialVolts(m));
            double dJdIn = GhkChannel.fluxPartialInside(pa, factors);
            double dJdOut = GhkChannel.fluxPartialOutside(pa, factors);
            double dJdV = GhkChannel.fluxPartialVoltage(pa, factors, reducedPerVolt[i], view.concentration(in, s),
                    view.concentration(outside, s));
            out.fluxByConcentration(m, s, dJdIn, dJdIn * toCurrent, in, s);
            out.fluxByConcentration(m, s, dJdOut, dJdOut * toCurrent, outside, s);
            out.fluxByPotential(m, s, dJdV, dJdV * toCurrent);
        }
    }

    /**
     * A bound without the slopes of the voltage factors: {@code 0 < f'(u) < f(u)} for every u (the logarithmic
     * derivative {@code 1/u - 1/(e^u - 1)} lies in (0, 1)), so {@code |dJ/dV| = P A |zF/RT| |c_in f'(u) + c_out
     * f'(-u)|} is below {@code P A |zF/RT| (|c_in| f(u) + |c_out| f(-u))}; the concentration partials are exact
     * ({@code P A f(u)} and {@code P A f(-u)}). It exceeds the exact bound by less than the potential's part of it
     * over {@code f'/f}, a few times at most at resting potentials, and is widened by 1e-12 so that rounding never
     * puts it below.
     */
    @Override
    public void addCurrentErrorBounds(StateView view, Fluxes fluxes, CurrentErrorBounds out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            factors.at(reducedPerVolt[i] * view.potentialVolts(m));
            double perConcentration = Math.abs(reducedPerVolt[i]) * out.potentialTolerance(m);
            double currentPerFactor = Math.abs(permeabilityMPerS[i] * view.areaM2(m) * currentPerFlux[i]);
            // widened by 1e-12: with a clamped potential the bound equals the exact one but for rounding
            out.add(m, s, (1 + 1e-12) * currentPerFactor * (factors.factor() * (out.concentrationTolerance(in, s)
                    + Math.abs(view.concentration(in, s)) * perConcentration)
                    + factors.factorOpposite() * (out.concentrationTolerance(outside, s)
                    + Math.abs(view.concentration(outside, s)) * perConcentration)));
        }
    }

    /**
     * The bound of {@link #addCurrentErrorBounds} at the box's worst corner: it grows with |c_in|, |c_out| and the
     * tolerances, with {@code f(u)} (increasing in u) and {@code f(-u)} (decreasing), so the largest magnitudes and
     * tolerances with {@code f(u_max)} and {@code f(-u_min)} bound it over the box; widened by 1e-11 for rounding
     * (more than the row bound's 1e-12, so that it is never below that one either).
     */
    @Override
    public boolean addCurrentErrorBoundsWithin(StateView view, CurrentErrorBounds out) {
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            double uLow = reducedPerVolt[i] * out.lowestPotential(m);
            double uHigh = reducedPerVolt[i] * out.highestPotential(m);
            double factorMax = SpecialFunctions.uOverOneMinusExpMinusU(Math.max(uLow, uHigh));
            double factorOppositeMax = SpecialFunctions.uOverOneMinusExpMinusU(-Math.min(uLow, uHigh));
            double perConcentration = Math.abs(reducedPerVolt[i]) * out.maxPotentialTolerance(m);
            double currentPerFactor = Math.abs(permeabilityMPerS[i] * view.areaM2(m) * currentPerFlux[i]);
            out.add(m, s, (1 + 1e-11) * currentPerFactor * (factorMax * (out.maxConcentrationTolerance(in, s)
                    + out.maxAbsConcentration(in, s) * perConcentration)
                    + factorOppositeMax * (out.maxConcentrationTolerance(outside, s)
                    + out.maxAbsConcentration(outside, s) * perConcentration)));
        }
        return true;
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
