package org.ionflux.internal.mechanism;

import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.Nernst;
import org.ionflux.internal.physics.OhmicChannel;

/**
 * Ohmic channels (docs/physics.md section 5): {@code i_X = g (V - E_X)}, {@code J_X = i_X A / (z F)}, scenario
 * {@code channels: [{ion: X, conductance: g}]}.
 */
public final class OhmicTerm implements Term {

    private final int[] membrane;
    private final int[] channel;
    private final int[] species;
    private final double[] conductanceSPerM2;

    /** Collects the ohmic channels of {@code model}, in membrane and channel order. */
    public OhmicTerm(Model model) {
        List<Placed<Channel.Ohmic>> found = Placed.all(model, Membrane::channels, Channel.Ohmic.class);
        membrane = Placed.membranes(found);
        channel = Placed.indices(found);
        species = Placed.ints(found, Channel.Ohmic::speciesIndex);
        conductanceSPerM2 = new double[membrane.length];
    }

    /** @return true if the model has no ohmic channel */
    public boolean isEmpty() {
        return membrane.length == 0;
    }

    @Override
    public int rateCount() {
        return membrane.length;
    }

    @Override
    public void addUnitRate(int k, StateView view, Fluxes out) {
        unitChannelFlux(view, out, membrane[k], species[k]);
    }

    /** One mol/s of species s out through membrane m, with the current it carries ({@code z F / A} per mol/s). */
    static void unitChannelFlux(StateView view, Fluxes out, int m, int s) {
        out.species(m, s, 1.0, view.valence(s) * Constants.FARADAY_C_PER_MOL / view.areaM2(m));
    }

    @Override
    public void startSegment(Model inForce, double timeS, double toleranceS) {
        for (int i = 0; i < membrane.length; i++) {
            conductanceSPerM2[i] = Placed.in(inForce, Membrane::channels, membrane[i], channel[i], Channel.Ohmic.class)
                    .conductanceSPerM2();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        for (int i = 0; i < membrane.length; i++) {
            addOhmic(view, out, membrane[i], species[i], conductanceSPerM2[i]);
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        for (int i = 0; i < membrane.length; i++) {
            addOhmicPartials(view, out, membrane[i], species[i], conductanceSPerM2[i]);
        }
    }

    /**
     * The exact bound {@code g (dV + (R T / |z| F) (dc_in / |c_in| + dc_out / |c_out|))} (the partials of
     * {@link #addOhmicPartials} times their tolerances) at the box's worst corner: the largest tolerance on V and
     * the largest relative tolerances on the concentrations ({@code rtol + atol / |n|}, the volume cancels), widened
     * by 1e-11 for rounding.
     */
    @Override
    public boolean addCurrentErrorBoundsWithin(StateView view, CurrentErrorBounds out) {
        for (int i = 0; i < membrane.length; i++) {
            out.add(membrane[i], species[i], (1 + 1e-11) * Math.abs(conductanceSPerM2[i])
                    * ohmicBoundPerConductanceWithin(view, out, membrane[i], species[i]));
        }
        return true;
    }

    /**
     * @return over the box of {@code out}, the largest {@code dV + (R T / |z| F) (dc_in / |c_in| + dc_out / |c_out|)}
     *     of species s across membrane m, V: the error bound of an ohmic current per unit conductance
     */
    static double ohmicBoundPerConductanceWithin(StateView view, CurrentErrorBounds out, int m, int s) {
        double relative = out.maxRelativeConcentrationTolerance(view.inside(m), s)
                + out.maxRelativeConcentrationTolerance(view.outside(m), s);
        return out.maxPotentialTolerance(m) + view.thermalVoltageVolts() / Math.abs(view.valence(s)) * relative;
    }

    @Override
    public List<String> channelNames(int m, int s) {
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] == m && species[i] == s) {
                return List.of("ohmic channel");
            }
        }
        return List.of();
    }

    /** Adds the flux and current of an ohmic pathway of conductance g (S/m^2) for species s through membrane m. */
    static void addOhmic(StateView view, Fluxes out, int m, int s, double conductanceSPerM2) {
        double cIn = view.concentration(view.inside(m), s);
        double cOut = view.concentration(view.outside(m), s);
        double z = view.valence(s);
        double nernst = Nernst.nernstPotentialVolts(z, cIn, cOut, view.temperatureK());
        double current = OhmicChannel.currentDensityAPerM2(conductanceSPerM2, view.potentialVolts(m), nernst);
        out.species(m, s, OhmicChannel.fluxMolPerS(current, view.areaM2(m), z), current);
    }

    /** Adds the partials of {@link #addOhmic} with respect to both concentrations and the potential. */
    static void addOhmicPartials(StateView view, Partials out, int m, int s, double conductanceSPerM2) {
        int in = view.inside(m);
        int outside = view.outside(m);
        double z = view.valence(s);
        double vT = view.thermalVoltageVolts();
        double toFlux = view.areaM2(m) / (z * Constants.FARADAY_C_PER_MOL);
        double dIdIn = OhmicChannel.currentDensityPartialInside(conductanceSPerM2, vT, z, view.concentration(in, s));
        double dIdOut = OhmicChannel.currentDensityPartialOutside(conductanceSPerM2, vT, z,
                view.concentration(outside, s));
        out.fluxByConcentration(m, s, dIdIn * toFlux, dIdIn, in, s);
        out.fluxByConcentration(m, s, dIdOut * toFlux, dIdOut, outside, s);
        out.fluxByPotential(m, s, conductanceSPerM2 * toFlux, conductanceSPerM2);
    }
}
