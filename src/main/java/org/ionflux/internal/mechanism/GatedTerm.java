package org.ionflux.internal.mechanism;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;
import org.ionflux.internal.physics.Nernst;

/**
 * Hodgkin-Huxley gated channels (docs/physics.md section 5): ohmic with {@code g = gbar m^p h^q}, each gate following
 * {@code dx/dt = phi (alpha_x(V) (1 - x) - beta_x(V) x)}, {@code phi = 3^((T - 6.3 degC)/10)}; scenario
 * {@code channels: [{ion: Na, conductance: gbar, gating: hh-na}]}. The gates are this term's own state, starting
 * at their steady state at the initial potential.
 */
public final class GatedTerm implements StatefulTerm {

    private final String[] membraneName;
    private final String[] speciesName;
    private final int[] membrane;
    private final int[] channel;
    private final int[] species;
    private final HodgkinHuxleyKinetics[] kinetics;
    /** First variable of channel i, relative to this term's offset. */
    private final int[] firstGate;
    private final double[] maxConductanceSPerM2;
    /** Initial gates given by the model (a scenario's {@code initial_state}), or null: steady state at initial V. */
    private final double[][] initialGates;
    private final int stateCount;
    private final double[] gradient = new double[8];
    /** The gates' highest values over a box, for {@link #addCurrentErrorBoundsWithin}. */
    private final double[] corner = new double[8];
    private int offset = -1;

    /** Collects the gated channels of {@code model}, in membrane and channel order. */
    public GatedTerm(Model model) {
        List<Placed<Channel.Gated>> found = Placed.all(model, Membrane::channels, Channel.Gated.class);
        int n = found.size();
        initialGates = new double[n][];
        kinetics = new HodgkinHuxleyKinetics[n];
        for (int i = 0; i < n; i++) {
            List<Double> gates = found.get(i).mechanism().initialGates();
            if (!gates.isEmpty()) {
                initialGates[i] = new double[gates.size()];
                for (int g = 0; g < gates.size(); g++) {
                    initialGates[i][g] = gates.get(g);
                }
            }
            kinetics[i] = found.get(i).mechanism().kinetics();
        }
        membrane = Placed.membranes(found);
        channel = Placed.indices(found);
        species = Placed.ints(found, Channel.Gated::speciesIndex);
        firstGate = new int[n];
        membraneName = new String[n];
        speciesName = new String[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            firstGate[i] = next;
            next += kinetics[i].gateCount();
            membraneName[i] = model.membranes().get(membrane[i]).name();
            speciesName[i] = model.species().get(species[i]).name();
        }
        stateCount = next;
        maxConductanceSPerM2 = new double[n];
    }

    @Override
    public int stateCount() {
        return stateCount;
    }

    @Override
    public void bindState(int newOffset) {
        this.offset = newOffset;
    }

    /** @return the channel (index into this term's lists) that owns variable {@code local} */
    private int owner(int local) {
        int i = java.util.Arrays.binarySearch(firstGate, local);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public int stateMembrane(int local) {
        return membrane[owner(local)];
    }

    @Override
    public String stateColumn(int local) {
        int i = owner(local);
        return membraneName[i] + "." + speciesName[i] + "_" + kinetics[i].gate(local - firstGate[i]).symbol();
    }

    @Override
    public String describeState(int local) {
        int i = owner(local);
        return "gate " + kinetics[i].gate(local - firstGate[i]).symbol() + " of channel " + channel[i]
                + " of membrane " + membraneName[i];
    }

    @Override
    public void initialState(StateView view, double[] y) {
        for (int i = 0; i < membrane.length; i++) {
            double vMv = view.potentialVolts(membrane[i]) * 1e3;
            for (int g = 0; g < kinetics[i].gateCount(); g++) {
                y[offset + firstGate[i] + g] = initialGates[i] != null ? initialGates[i][g]
                        : kinetics[i].gate(g).steadyState(vMv);
            }
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
            maxConductanceSPerM2[i] = Placed.in(inForce, Membrane::channels, membrane[i], channel[i],
                    Channel.Gated.class).maxConductanceSPerM2();
        }
    }

    @Override
    public void addRates(StateView view, Fluxes out) {
        double[] y = view.state();
        for (int i = 0; i < membrane.length; i++) {
            double open = kinetics[i].openProbability(y, offset + firstGate[i]);
            OhmicTerm.addOhmic(view, out, membrane[i], species[i], maxConductanceSPerM2[i] * open);
        }
    }

    @Override
    public void addStateRates(StateView view, double[] yDot) {
        double[] y = view.state();
        double phi = view.gateTemperatureFactor();
        for (int i = 0; i < membrane.length; i++) {
            double v = view.potentialVolts(membrane[i]);
            for (int g = 0; g < kinetics[i].gateCount(); g++) {
                int row = offset + firstGate[i] + g;
                yDot[row] = kinetics[i].gate(g).dxdtPerS(y[row], v, phi);
            }
        }
    }

    @Override
    public void addPartials(StateView view, Fluxes fluxes, Partials out) {
        double[] y = view.state();
        double phi = view.gateTemperatureFactor();
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int first = offset + firstGate[i];
            HodgkinHuxleyKinetics kin = kinetics[i];
            double gbar = maxConductanceSPerM2[i];
            OhmicTerm.addOhmicPartials(view, out, m, s, gbar * kin.openProbability(y, first));
            double v = view.potentialVolts(m);
            double z = view.valence(s);
            double toFlux = view.areaM2(m) / (z * Constants.FARADAY_C_PER_MOL);
            double drive = v - Nernst.nernstPotentialVolts(z, view.concentration(view.inside(m), s),
                    view.concentration(view.outside(m), s), view.temperatureK());
            kin.openProbabilityGradient(y, first, gradient, 0);
            for (int g = 0; g < kin.gateCount(); g++) {
                int row = first + g;
                double dI = gbar * gradient[g] * drive;
                out.fluxByState(m, s, dI * toFlux, dI, row);
                out.stateByState(row, row, kin.gate(g).dxdtPartialXPerS(v, phi));
                out.stateByPotential(row, m, kin.gate(g).dxdtPartialVPerSPerV(y[row], v, phi));
            }
        }
    }

    /**
     * The exact bound (an ohmic channel of conductance {@code gbar P}, plus {@code |gbar dP/dx_g (V - E)| dx_g} per
     * gate) at the box's worst corner: P and its gradient are products of nonnegative powers of the gates, so they
     * are largest at the gates' highest values; {@code |V - E|} is at most the largest |V| plus
     * {@code RT/|z|F} times the largest {@code |ln(c_out / c_in)|}. Widened by 1e-11 for rounding. Not given (false)
     * when a gate may be negative.
     */
    @Override
    public boolean addCurrentErrorBoundsWithin(StateView view, CurrentErrorBounds out) {
        double thermal = view.thermalVoltageVolts();
        for (int i = 0; i < membrane.length; i++) {
            int m = membrane[i];
            int s = species[i];
            int in = view.inside(m);
            int outside = view.outside(m);
            int first = offset + firstGate[i];
            HodgkinHuxleyKinetics kin = kinetics[i];
            int gates = kin.gateCount();
            for (int g = 0; g < gates; g++) {
                if (!(out.lowestState(first + g) >= 0)) {
                    return false;
                }
                corner[g] = out.highestState(first + g);
            }
            double gbar = Math.abs(maxConductanceSPerM2[i]);
            double bound = gbar * kin.openProbability(corner, 0)
                    * OhmicTerm.ohmicBoundPerConductanceWithin(view, out, m, s);
            double drive = Math.max(Math.abs(out.lowestPotential(m)), Math.abs(out.highestPotential(m)))
                    + thermal / Math.abs(view.valence(s)) * out.maxAbsLogRatio(in, outside, s);
            kin.openProbabilityGradient(corner, 0, gradient, 0);
            for (int g = 0; g < gates; g++) {
                bound += gbar * gradient[g] * drive * out.maxStateTolerance(first + g);
            }
            out.add(m, s, (1 + 1e-11) * bound);
        }
        return true;
    }

    @Override
    public List<String> channelNames(int m, int s) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < membrane.length; i++) {
            if (membrane[i] == m && species[i] == s) {
                names.add(kinetics[i].id() + " gated channel");
            }
        }
        return names;
    }
}
