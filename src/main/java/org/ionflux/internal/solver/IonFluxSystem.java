package org.ionflux.internal.solver;

import java.util.Arrays;
import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.model.Stimulus;
import org.ionflux.internal.model.Transporter;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.Cotransporter;
import org.ionflux.internal.physics.GhkChannel;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;
import org.ionflux.internal.physics.NaKPump;
import org.ionflux.internal.physics.Nernst;
import org.ionflux.internal.physics.OhmicChannel;
import org.ionflux.internal.physics.SpecialFunctions;

/**
 * The right-hand side of the ion-flux ODE (MODEL.md sections 3 to 8), compiled from a {@link Model} into flat
 * arrays so that an evaluation allocates nothing.
 *
 * <p>Every mechanism adds its molar flux (mol/s, outward positive) and current density (A/m^2) to per-membrane,
 * per-species accumulators; the amounts then change by {@code -J} inside and {@code +J} outside, and a dynamic
 * membrane's potential by {@code (-I + i_stim) / C_m}. Each evaluation leaves those observables in this object,
 * read by {@link TraceColumns}. Piecewise-constant parameters (clamp values, stimuli, event-set values) change
 * only in {@link #startSegment(double)}. Not thread-safe: one instance per run.
 */
public final class IonFluxSystem {

    private static final int OHMIC = 0;
    private static final int GHK = 1;
    private static final int GATED = 2;
    private static final int LEAK = 3;

    private final Model model;
    private final StateLayout layout;
    private final int speciesCount;
    private final int compartmentCount;
    private final int membraneCount;
    private final double thermalVoltage;
    private final double temperatureFactor;

    private final double[] valence;
    private final double[] initialVolume;
    private final double[] clampedConcentration;
    private final int[] amountIndex;
    private final int[] volumeIndex;
    private final int[] externalChargeIndex;

    private final int[] insideOf;
    private final int[] outsideOf;
    private final double[] area;
    private final double[] capacitance;
    private final double[] waterPermeability;
    private final int[] potentialIndex;
    private final double[] clampVolts;
    private final double[] stimulusCurrent;

    private final int[] channelOffset;
    private final int[] channelKind;
    private final int[] channelMembrane;
    private final int[] channelSpecies;
    private final double[] channelParameter;
    private final double[] leakReversal;
    private final int[] gateIndex;
    private final HodgkinHuxleyKinetics[] kinetics;

    private final int[] pumpOffset;
    private final int[] pumpMembrane;
    private final double[] pumpMaxCurrent;
    private final double[] pumpKmSodium;
    private final double[] pumpKmPotassium;
    private final int[] pumpSodium;
    private final int[] pumpPotassium;

    private final int[] transporterOffset;
    private final int[] transporterMembrane;
    private final int[][] transporterSpecies;
    private final double[][] transporterStoichiometry;
    private final double[] transporterRate;
    private final double[] transporterCharge;
    private final double[][] transporterValence;
    private final double[][] transporterInside;
    private final double[][] transporterOutside;
    private final double[][] transporterPartialsIn;
    private final double[][] transporterPartialsOut;

    private final boolean[] moved;
    private final int[] transferIndex;

    private final double[] volume;
    private final double[] osmolarity;
    private final boolean hasWater;
    private final double[] concentration;
    private final double[] potential;
    private final double[] membraneCurrent;
    private final double[] leakCurrent;
    private final double[] speciesCurrent;
    private final double[] speciesFlux;
    private final double[] gateGradient = new double[8];
    /** The state of the last {@link #computeDerivatives} call (NaN-marked once other observables replace it). */
    private final double[] observedState;

    private long evaluations;

    /** Compiles {@code model}; parameters start at their t = 0 values. */
    public IonFluxSystem(Model model) {
        this.model = model;
        this.layout = new StateLayout(model);
        speciesCount = model.species().size();
        compartmentCount = model.compartments().size();
        membraneCount = model.membranes().size();
        thermalVoltage = Constants.thermalVoltageVolts(model.temperatureK());
        temperatureFactor = HodgkinHuxleyKinetics.temperatureFactor(model.temperatureCelsius());

        valence = new double[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            valence[s] = model.species().get(s).charge();
        }
        initialVolume = new double[compartmentCount];
        clampedConcentration = new double[compartmentCount * speciesCount];
        amountIndex = new int[compartmentCount * speciesCount];
        volumeIndex = new int[compartmentCount];
        externalChargeIndex = new int[compartmentCount];
        for (int c = 0; c < compartmentCount; c++) {
            Compartment comp = model.compartments().get(c);
            initialVolume[c] = comp.volumeM3();
            volumeIndex[c] = layout.volumeIndex(c);
            externalChargeIndex[c] = layout.externalChargeIndex(c);
            for (int s = 0; s < speciesCount; s++) {
                clampedConcentration[c * speciesCount + s] = comp.concentrationMolPerM3(s);
                amountIndex[c * speciesCount + s] = layout.amountIndex(c, s);
            }
        }

        insideOf = new int[membraneCount];
        outsideOf = new int[membraneCount];
        area = new double[membraneCount];
        capacitance = new double[membraneCount];
        waterPermeability = new double[membraneCount];
        potentialIndex = new int[membraneCount];
        clampVolts = new double[membraneCount];
        stimulusCurrent = new double[membraneCount];
        moved = new boolean[membraneCount * speciesCount];
        channelOffset = new int[membraneCount + 1];
        pumpOffset = new int[membraneCount + 1];
        transporterOffset = new int[membraneCount + 1];
        for (int m = 0; m < membraneCount; m++) {
            Membrane mem = model.membranes().get(m);
            insideOf[m] = mem.insideIndex();
            outsideOf[m] = mem.outsideIndex();
            area[m] = mem.areaM2();
            capacitance[m] = mem.capacitanceFPerM2();
            waterPermeability[m] = mem.waterPermeabilityMPerS();
            potentialIndex[m] = layout.potentialIndex(m);
            channelOffset[m + 1] = channelOffset[m] + mem.channels().size();
            pumpOffset[m + 1] = pumpOffset[m] + mem.pumps().size();
            transporterOffset[m + 1] = transporterOffset[m] + mem.transporters().size();
            for (int s = 0; s < speciesCount; s++) {
                moved[m * speciesCount + s] = mem.moves(s);
            }
        }
        int channels = channelOffset[membraneCount];
        channelKind = new int[channels];
        channelMembrane = new int[channels];
        channelSpecies = new int[channels];
        channelParameter = new double[channels];
        leakReversal = new double[channels];
        gateIndex = new int[channels];
        kinetics = new HodgkinHuxleyKinetics[channels];
        int pumps = pumpOffset[membraneCount];
        pumpMembrane = new int[pumps];
        pumpMaxCurrent = new double[pumps];
        pumpKmSodium = new double[pumps];
        pumpKmPotassium = new double[pumps];
        pumpSodium = new int[pumps];
        pumpPotassium = new int[pumps];
        int transporters = transporterOffset[membraneCount];
        transporterMembrane = new int[transporters];
        transporterSpecies = new int[transporters][];
        transporterStoichiometry = new double[transporters][];
        transporterRate = new double[transporters];
        transporterCharge = new double[transporters];
        transporterValence = new double[transporters][];
        transporterInside = new double[transporters][];
        transporterOutside = new double[transporters][];
        transporterPartialsIn = new double[transporters][];
        transporterPartialsOut = new double[transporters][];
        for (int m = 0; m < membraneCount; m++) {
            Membrane mem = model.membranes().get(m);
            for (int i = 0; i < mem.channels().size(); i++) {
                int k = channelOffset[m] + i;
                Channel ch = mem.channels().get(i);
                channelMembrane[k] = m;
                channelSpecies[k] = ch.speciesIndex();
                gateIndex[k] = layout.gateIndex(m, i);
                if (ch instanceof Channel.Ohmic ohmic) {
                    channelKind[k] = OHMIC;
                    channelParameter[k] = ohmic.conductanceSPerM2();
                } else if (ch instanceof Channel.Ghk ghk) {
                    channelKind[k] = GHK;
                    channelParameter[k] = ghk.permeabilityMPerS();
                } else if (ch instanceof Channel.Gated gated) {
                    channelKind[k] = GATED;
                    channelParameter[k] = gated.maxConductanceSPerM2();
                    kinetics[k] = gated.kinetics();
                } else if (ch instanceof Channel.Leak leak) {
                    channelKind[k] = LEAK;
                    channelParameter[k] = leak.conductanceSPerM2();
                    leakReversal[k] = leak.reversalVolts();
                }
            }
            for (int i = 0; i < mem.pumps().size(); i++) {
                int p = pumpOffset[m] + i;
                Pump.NaK pump = (Pump.NaK) mem.pumps().get(i);
                pumpMembrane[p] = m;
                pumpMaxCurrent[p] = pump.maxCurrentAPerM2();
                pumpKmSodium[p] = pump.kmSodiumMolPerM3();
                pumpKmPotassium[p] = pump.kmPotassiumMolPerM3();
                pumpSodium[p] = pump.sodiumIndex();
                pumpPotassium[p] = pump.potassiumIndex();
            }
            for (int i = 0; i < mem.transporters().size(); i++) {
                int t = transporterOffset[m] + i;
                Transporter tr = mem.transporters().get(i);
                transporterMembrane[t] = m;
                transporterSpecies[t] = tr.speciesIndices();
                transporterStoichiometry[t] = tr.stoichiometry();
                transporterRate[t] = tr.rateMolPerM2S();
                int n = transporterSpecies[t].length;
                transporterValence[t] = new double[n];
                for (int j = 0; j < n; j++) {
                    transporterValence[t][j] = valence[transporterSpecies[t][j]];
                }
                transporterCharge[t] = Cotransporter.netChargePerCycle(transporterStoichiometry[t],
                        transporterValence[t]);
                transporterInside[t] = new double[n];
                transporterOutside[t] = new double[n];
                transporterPartialsIn[t] = new double[n];
                transporterPartialsOut[t] = new double[n];
            }
        }
        transferIndex = new int[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            transferIndex[s] = layout.transferIndex(s);
        }

        volume = new double[compartmentCount];
        osmolarity = new double[compartmentCount];
        boolean water = false;
        for (double pf : waterPermeability) {
            water |= pf > 0;
        }
        hasWater = water;
        concentration = new double[compartmentCount * speciesCount];
        potential = new double[membraneCount];
        membraneCurrent = new double[membraneCount];
        leakCurrent = new double[membraneCount];
        speciesCurrent = new double[membraneCount * speciesCount];
        speciesFlux = new double[membraneCount * speciesCount];
        observedState = new double[Math.max(1, layout.dimension())];
        Arrays.fill(observedState, Double.NaN);
        startSegment(0.0);
    }

    /**
     * @return the state at t = 0, with the parameters of t = 0 in force (after events at 0): gates at their steady
     *     state at the initial V, which for a clamped membrane is the clamp value in force at 0
     */
    public double[] initialState() {
        double[] y = layout.initialState(model);
        for (int m = 0; m < membraneCount; m++) {
            if (potentialIndex[m] >= 0) {
                continue;
            }
            Membrane mem = model.membranes().get(m);
            double vMv = clampVolts[m] * 1e3;
            for (int k = 0; k < mem.channels().size(); k++) {
                if (mem.channels().get(k) instanceof Channel.Gated gated) {
                    for (int g = 0; g < gated.kinetics().gateCount(); g++) {
                        y[layout.gateIndex(m, k) + g] = gated.kinetics().gate(g).steadyState(vMv);
                    }
                }
            }
        }
        return y;
    }

    /** @return the model this system was compiled from */
    public Model model() {
        return model;
    }

    /** @return the state layout */
    public StateLayout layout() {
        return layout;
    }

    /** @return the dimension of the state vector */
    public int dimension() {
        return layout.dimension();
    }

    /**
     * Sets the piecewise-constant parameters in force from {@code timeS} on, the values just after any jump at
     * that time (MODEL.md section 7): clamp steps at that time, then events at that time in order, then the sum
     * of the stimuli on at that time. Called at t = 0 and at every restart time, in increasing order.
     */
    public void startSegment(double timeS) {
        // jump times within jumpTolerance are one jump (see jumpTimes): decide "at t" and "on at t" with it
        double tol = jumpTolerance(model);
        if (observedState != null) {
            Arrays.fill(observedState, Double.NaN);
        }
        for (int m = 0; m < membraneCount; m++) {
            if (model.membranes().get(m).potential() instanceof PotentialProtocol.Clamp clamp) {
                for (double step : clamp.stepTimesS()) {
                    if (Math.abs(step - timeS) <= tol) {
                        clampVolts[m] = clamp.voltsAt(step);
                    }
                }
            }
        }
        for (Event event : model.events()) {
            if (Math.abs(event.atS() - timeS) <= tol) {
                event.assignments().forEach(this::apply);
            }
        }
        Arrays.fill(stimulusCurrent, 0.0);
        for (Stimulus st : model.stimuli()) {
            if (st.isOnAt(timeS + tol)) {
                stimulusCurrent[st.membraneIndex()] += st.amplitudeAPerM2();
            }
        }
    }

    /**
     * Jump times closer than this are one jump, s: a pulse that ends where the next begins
     * ({@code 0.001 + 0.0002 != 0.0012} in doubles) must not leave a zero-length segment between them.
     */
    static double jumpTolerance(Model model) {
        return 1e-12 * model.settings().durationS();
    }

    private void apply(Event.Assignment a) {
        if (a instanceof Event.ChannelStrength c) {
            channelParameter[channelOffset[c.membrane()] + c.channel()] = c.value();
        } else if (a instanceof Event.LeakReversal r) {
            leakReversal[channelOffset[r.membrane()] + r.channel()] = r.volts();
        } else if (a instanceof Event.PumpMaxCurrent p) {
            pumpMaxCurrent[pumpOffset[p.membrane()] + p.pump()] = p.value();
        } else if (a instanceof Event.TransporterRate t) {
            transporterRate[transporterOffset[t.membrane()] + t.transporter()] = t.value();
        } else if (a instanceof Event.ClampValue v) {
            clampVolts[v.membrane()] = v.volts();
        } else if (a instanceof Event.BathConcentration b) {
            clampedConcentration[b.compartment() * speciesCount + b.species()] = b.value();
        }
    }

    /**
     * Evaluates {@code dy/dt = f(t, y)} and leaves the observables of state y in this object.
     *
     * @param timeS time, s
     * @param y     state (mol, m^3, V, gates, accumulators)
     * @param yDot  output: derivatives
     */
    public void computeDerivatives(double timeS, double[] y, double[] yDot) {
        evaluations++;
        updateObservables(y);
        System.arraycopy(y, 0, observedState, 0, y.length);
        Arrays.fill(yDot, 0.0);
        for (int m = 0; m < membraneCount; m++) {
            int in = insideOf[m] * speciesCount;
            int out = outsideOf[m] * speciesCount;
            int row = m * speciesCount;
            for (int s = 0; s < speciesCount; s++) {
                if (!moved[row + s]) {
                    continue;
                }
                double flux = speciesFlux[row + s];
                int iIn = amountIndex[in + s];
                int iOut = amountIndex[out + s];
                if (iIn >= 0) {
                    yDot[iIn] -= flux;
                } else {
                    yDot[transferIndex[s]] -= flux;
                }
                if (iOut >= 0) {
                    yDot[iOut] += flux;
                } else {
                    yDot[transferIndex[s]] += flux;
                }
            }
            if (potentialIndex[m] >= 0) {
                yDot[potentialIndex[m]] = (-membraneCurrent[m] + stimulusCurrent[m]) / capacitance[m];
            }
            // charge brought in from outside the tracked species (MODEL.md section 7)
            double external = area[m] * (leakCurrent[m] - stimulusCurrent[m]);
            if (externalChargeIndex[insideOf[m]] >= 0) {
                yDot[externalChargeIndex[insideOf[m]]] += external;
            }
            if (externalChargeIndex[outsideOf[m]] >= 0) {
                yDot[externalChargeIndex[outsideOf[m]]] -= external;
            }
            if (waterPermeability[m] > 0) {
                // MODEL.md section 8: water follows osmolarity, ideal solution
                double dVol = waterPermeability[m] * area[m] * Constants.WATER_MOLAR_VOLUME_M3_PER_MOL
                        * (osmolarity[insideOf[m]] - osmolarity[outsideOf[m]]);
                if (volumeIndex[insideOf[m]] >= 0) {
                    yDot[volumeIndex[insideOf[m]]] += dVol;
                }
                if (volumeIndex[outsideOf[m]] >= 0) {
                    yDot[volumeIndex[outsideOf[m]]] -= dVol;
                }
            }
        }
        for (int k = 0; k < channelKind.length; k++) {
            if (channelKind[k] == GATED) {
                double v = potential[channelMembrane[k]];
                HodgkinHuxleyKinetics kin = kinetics[k];
                for (int g = 0; g < kin.gateCount(); g++) {
                    int i = gateIndex[k] + g;
                    yDot[i] = kin.gate(g).dxdtPerS(y[i], v, temperatureFactor);
                }
            }
        }
    }

    /** Computes volumes, concentrations and potentials of state y, not the currents and fluxes. */
    public void updateStateObservables(double[] y) {
        // the observables no longer belong to the last right-hand-side evaluation
        observedState[0] = Double.NaN;
        for (int c = 0; c < compartmentCount; c++) {
            volume[c] = volumeIndex[c] >= 0 ? y[volumeIndex[c]] : initialVolume[c];
            for (int s = 0; s < speciesCount; s++) {
                int i = c * speciesCount + s;
                concentration[i] = amountIndex[i] >= 0 ? y[amountIndex[i]] / volume[c] : clampedConcentration[i];
            }
        }
        for (int m = 0; m < membraneCount; m++) {
            potential[m] = potentialIndex[m] >= 0 ? y[potentialIndex[m]] : clampVolts[m];
        }
        if (hasWater) {
            for (int c = 0; c < compartmentCount; c++) {
                double osm = 0;
                for (int s = 0; s < speciesCount; s++) {
                    osm += concentration[c * speciesCount + s];
                }
                osmolarity[c] = osm;
            }
        }
    }

    /** Computes volumes, concentrations, potentials, currents and fluxes of state y, without the derivatives. */
    public void updateObservables(double[] y) {
        updateStateObservables(y);
        Arrays.fill(membraneCurrent, 0.0);
        Arrays.fill(leakCurrent, 0.0);
        Arrays.fill(speciesCurrent, 0.0);
        Arrays.fill(speciesFlux, 0.0);
        for (int k = 0; k < channelKind.length; k++) {
            int m = channelMembrane[k];
            double v = potential[m];
            if (channelKind[k] == LEAK) {
                double current = channelParameter[k] * (v - leakReversal[k]);
                leakCurrent[m] += current;
                membraneCurrent[m] += current;
                continue;
            }
            int s = channelSpecies[k];
            double cIn = concentration[insideOf[m] * speciesCount + s];
            double cOut = concentration[outsideOf[m] * speciesCount + s];
            double z = valence[s];
            double flux;
            double current;
            if (channelKind[k] == GHK) {
                double u = z * v / thermalVoltage;
                flux = channelParameter[k] * area[m] * GhkChannel.effectiveConcentrationDifference(u, cIn, cOut);
                current = GhkChannel.currentDensityAPerM2(flux, area[m], z);
            } else {
                double conductance = channelParameter[k];
                if (channelKind[k] == GATED) {
                    conductance *= kinetics[k].openProbability(y, gateIndex[k]);
                }
                double nernst = Nernst.nernstPotentialVolts(z, cIn, cOut, model.temperatureK());
                current = OhmicChannel.currentDensityAPerM2(conductance, v, nernst);
                flux = OhmicChannel.fluxMolPerS(current, area[m], z);
            }
            add(m, s, flux, current);
        }
        for (int p = 0; p < pumpMaxCurrent.length; p++) {
            int m = pumpMembrane[p];
            double current = NaKPump.currentDensityAPerM2(pumpMaxCurrent[p],
                    concentration[insideOf[m] * speciesCount + pumpSodium[p]], concentration[outsideOf[m]
                            * speciesCount + pumpPotassium[p]], pumpKmSodium[p], pumpKmPotassium[p]);
            // 3 Na out, 2 K in per cycle (MODEL.md section 6)
            add(m, pumpSodium[p], NaKPump.sodiumFluxMolPerS(current, area[m]),
                    NaKPump.SODIUM_PER_CYCLE * valence[pumpSodium[p]] * current);
            add(m, pumpPotassium[p], NaKPump.potassiumFluxMolPerS(current, area[m]),
                    -NaKPump.POTASSIUM_PER_CYCLE * valence[pumpPotassium[p]] * current);
        }
        for (int t = 0; t < transporterRate.length; t++) {
            int m = transporterMembrane[t];
            int[] species = transporterSpecies[t];
            double[] nu = transporterStoichiometry[t];
            gatherTransporterConcentrations(t);
            double cycleDensity = Cotransporter.cycleFluxDensityMolPerM2S(transporterRate[t], nu,
                    transporterValence[t], transporterInside[t], transporterOutside[t], potential[m],
                    model.temperatureK());
            for (int j = 0; j < species.length; j++) {
                int s = species[j];
                add(m, s, Cotransporter.speciesFluxMolPerS(cycleDensity, nu[j], area[m]),
                        valence[s] * nu[j] * Constants.FARADAY_C_PER_MOL * cycleDensity);
            }
        }
    }

    /**
     * Computes the Jacobian {@code dF/dy} at state y, entry by entry into {@code sink} (which starts at zero), from
     * each mechanism's own partial derivatives composed by the chain rule through {@code c = n / Vol}. The system
     * is autonomous within a segment: {@code dF/dt = 0}.
     */
    public void computeJacobian(double[] y, JacobianSink sink) {
        // a Rosenbrock step evaluates f and then J at the same state: reuse the observables of that evaluation
        if (!Arrays.equals(y, observedState)) {
            updateObservables(y);
        }
        for (int k = 0; k < channelKind.length; k++) {
            int m = channelMembrane[k];
            double v = potential[m];
            if (channelKind[k] == LEAK) {
                currentPartial(sink, m, channelParameter[k], potentialIndex[m]);
                leakChargePartial(sink, m, channelParameter[k]);
                continue;
            }
            int s = channelSpecies[k];
            int in = insideOf[m];
            int out = outsideOf[m];
            double cIn = concentration[in * speciesCount + s];
            double cOut = concentration[out * speciesCount + s];
            double z = valence[s];
            if (channelKind[k] == GHK) {
                double u = z * v / thermalVoltage;
                double pa = channelParameter[k] * area[m];
                double toCurrent = z * Constants.FARADAY_C_PER_MOL / area[m];
                double dJdIn = pa * SpecialFunctions.uOverOneMinusExpMinusU(u);
                double dJdOut = -pa * SpecialFunctions.uOverOneMinusExpMinusU(-u);
                double dJdV = pa * (cIn * SpecialFunctions.uOverOneMinusExpMinusUDerivative(u)
                        + cOut * SpecialFunctions.uOverOneMinusExpMinusUDerivative(-u)) * z / thermalVoltage;
                concentrationPartial(sink, m, s, dJdIn, dJdIn * toCurrent, in, s);
                concentrationPartial(sink, m, s, dJdOut, dJdOut * toCurrent, out, s);
                fluxPartial(sink, m, s, dJdV, dJdV * toCurrent, potentialIndex[m]);
                continue;
            }
            double conductance = channelParameter[k];
            double open = 1.0;
            if (channelKind[k] == GATED) {
                open = kinetics[k].openProbability(y, gateIndex[k]);
            }
            double g = conductance * open;
            double toFlux = area[m] / (z * Constants.FARADAY_C_PER_MOL);
            // i = g (V - E), E = (vT / z) ln(c_out / c_in)
            double dIdIn = g * thermalVoltage / (z * cIn);
            double dIdOut = -g * thermalVoltage / (z * cOut);
            concentrationPartial(sink, m, s, dIdIn * toFlux, dIdIn, in, s);
            concentrationPartial(sink, m, s, dIdOut * toFlux, dIdOut, out, s);
            fluxPartial(sink, m, s, g * toFlux, g, potentialIndex[m]);
            if (channelKind[k] == GATED) {
                HodgkinHuxleyKinetics kin = kinetics[k];
                double drive = v - thermalVoltage / z * Math.log(cOut / cIn);
                kin.openProbabilityGradient(y, gateIndex[k], gateGradient, 0);
                for (int gate = 0; gate < kin.gateCount(); gate++) {
                    double dI = conductance * gateGradient[gate] * drive;
                    fluxPartial(sink, m, s, dI * toFlux, dI, gateIndex[k] + gate);
                    int row = gateIndex[k] + gate;
                    sink.add(row, row, kin.gate(gate).dxdtPartialXPerS(v, temperatureFactor));
                    if (potentialIndex[m] >= 0) {
                        sink.add(row, potentialIndex[m],
                                kin.gate(gate).dxdtPartialVPerSPerV(y[row], v, temperatureFactor));
                    }
                }
            }
        }
        for (int p = 0; p < pumpMaxCurrent.length; p++) {
            int m = pumpMembrane[p];
            int na = pumpSodium[p];
            int k = pumpPotassium[p];
            double naIn = concentration[insideOf[m] * speciesCount + na];
            double kOut = concentration[outsideOf[m] * speciesCount + k];
            double dIdNa = NaKPump.currentDensityPartialSodiumInside(pumpMaxCurrent[p], naIn, kOut, pumpKmSodium[p],
                    pumpKmPotassium[p]);
            double dIdK = NaKPump.currentDensityPartialPotassiumOutside(pumpMaxCurrent[p], naIn, kOut,
                    pumpKmSodium[p], pumpKmPotassium[p]);
            double cyclesPerCurrent = area[m] / Constants.FARADAY_C_PER_MOL;
            double currentPerPump = NaKPump.SODIUM_PER_CYCLE * valence[na]
                    - NaKPump.POTASSIUM_PER_CYCLE * valence[k];
            concentrationPartial(sink, m, na, NaKPump.SODIUM_PER_CYCLE * cyclesPerCurrent * dIdNa,
                    currentPerPump * dIdNa, insideOf[m], na);
            concentrationPartial(sink, m, k, -NaKPump.POTASSIUM_PER_CYCLE * cyclesPerCurrent * dIdNa, 0,
                    insideOf[m], na);
            concentrationPartial(sink, m, na, NaKPump.SODIUM_PER_CYCLE * cyclesPerCurrent * dIdK,
                    currentPerPump * dIdK, outsideOf[m], k);
            concentrationPartial(sink, m, k, -NaKPump.POTASSIUM_PER_CYCLE * cyclesPerCurrent * dIdK, 0,
                    outsideOf[m], k);
        }
        for (int t = 0; t < transporterRate.length; t++) {
            int m = transporterMembrane[t];
            int[] species = transporterSpecies[t];
            double[] nu = transporterStoichiometry[t];
            double chargeCurrent = Constants.FARADAY_C_PER_MOL * transporterCharge[t];
            gatherTransporterConcentrations(t);
            double[] partialsIn = transporterPartialsIn[t];
            double[] partialsOut = transporterPartialsOut[t];
            Cotransporter.cycleFluxPartialsInside(transporterRate[t], nu, transporterInside[t], partialsIn);
            Cotransporter.cycleFluxPartialsOutside(transporterRate[t], nu, transporterOutside[t], partialsOut);
            for (int j = 0; j < species.length; j++) {
                int sj = species[j];
                double dIn = partialsIn[j];
                double dOut = partialsOut[j];
                for (int i = 0; i < species.length; i++) {
                    double current = i == 0 ? chargeCurrent : 0;
                    concentrationPartial(sink, m, species[i], nu[i] * area[m] * dIn, current * dIn, insideOf[m], sj);
                    concentrationPartial(sink, m, species[i], nu[i] * area[m] * dOut, current * dOut, outsideOf[m],
                            sj);
                }
            }
            double dV = Cotransporter.cycleFluxPartialVoltage(transporterRate[t], nu, transporterValence[t],
                    model.temperatureK());
            for (int i = 0; i < species.length; i++) {
                fluxPartial(sink, m, species[i], nu[i] * area[m] * dV, i == 0 ? chargeCurrent * dV : 0,
                        potentialIndex[m]);
            }
        }
        for (int m = 0; m < membraneCount; m++) {
            if (waterPermeability[m] > 0) {
                double k = waterPermeability[m] * area[m] * Constants.WATER_MOLAR_VOLUME_M3_PER_MOL;
                waterPartial(sink, m, insideOf[m], k);
                waterPartial(sink, m, outsideOf[m], -k);
            }
        }
    }

    /** dVol/dt = k (Osm_in - Osm_out): the partials with respect to compartment c's amounts and volume. */
    private void waterPartial(JacobianSink sink, int m, int c, double k) {
        int rowIn = volumeIndex[insideOf[m]];
        int rowOut = volumeIndex[outsideOf[m]];
        double osm = osmolarity[c];
        for (int s = 0; s < speciesCount; s++) {
            int n = amountIndex[c * speciesCount + s];
            if (n >= 0) {
                addIfRow(sink, rowIn, n, k / volume[c]);
                addIfRow(sink, rowOut, n, -k / volume[c]);
            }
        }
        if (volumeIndex[c] >= 0) {
            addIfRow(sink, rowIn, volumeIndex[c], -k * osm / volume[c]);
            addIfRow(sink, rowOut, volumeIndex[c], k * osm / volume[c]);
        }
    }

    private static void addIfRow(JacobianSink sink, int row, int col, double value) {
        if (row >= 0) {
            sink.add(row, col, value);
        }
    }

    /**
     * Chains {@code dJ/dc} and {@code dI/dc} (flux of species s and current through membrane m, per unit of the
     * concentration of species sc in compartment c) through {@code c = n / Vol} to the state.
     */
    private void concentrationPartial(JacobianSink sink, int m, int s, double dJdc, double dIdc, int c, int sc) {
        int n = amountIndex[c * speciesCount + sc];
        if (n >= 0) {
            fluxPartial(sink, m, s, dJdc / volume[c], dIdc / volume[c], n);
        }
        if (volumeIndex[c] >= 0) {
            double dcdVol = -concentration[c * speciesCount + sc] / volume[c];
            fluxPartial(sink, m, s, dJdc * dcdVol, dIdc * dcdVol, volumeIndex[c]);
        }
    }

    /**
     * Adds the effect of a change of state {@code col} that changes the flux of species s through membrane m by
     * {@code dJ} (mol/s per unit) and the membrane's outward current by {@code dI} (A/m^2 per unit).
     */
    private void fluxPartial(JacobianSink sink, int m, int s, double dJ, double dI, int col) {
        if (col < 0) {
            return;
        }
        if (dJ != 0) {
            int in = amountIndex[insideOf[m] * speciesCount + s];
            int out = amountIndex[outsideOf[m] * speciesCount + s];
            sink.add(in >= 0 ? in : transferIndex[s], col, -dJ);
            sink.add(out >= 0 ? out : transferIndex[s], col, dJ);
        }
        currentPartial(sink, m, dI, col);
    }

    /** dV/dt = (-I + i_stim) / C: the effect of a change dI of the outward current. */
    private void currentPartial(JacobianSink sink, int m, double dI, int col) {
        if (col >= 0 && dI != 0 && potentialIndex[m] >= 0) {
            sink.add(potentialIndex[m], col, -dI / capacitance[m]);
        }
    }

    /** The external-charge accumulators follow A I_leak: their partials with respect to V. */
    private void leakChargePartial(JacobianSink sink, int m, double conductance) {
        if (potentialIndex[m] < 0) {
            return;
        }
        addIfRow(sink, externalChargeIndex[insideOf[m]], potentialIndex[m], area[m] * conductance);
        addIfRow(sink, externalChargeIndex[outsideOf[m]], potentialIndex[m], -area[m] * conductance);
    }

    /** Copies the concentrations of transporter t's species on both sides into its work arrays. */
    private void gatherTransporterConcentrations(int t) {
        int m = transporterMembrane[t];
        int[] species = transporterSpecies[t];
        for (int j = 0; j < species.length; j++) {
            transporterInside[t][j] = concentration[insideOf[m] * speciesCount + species[j]];
            transporterOutside[t][j] = concentration[outsideOf[m] * speciesCount + species[j]];
        }
    }

    private void add(int membrane, int species, double fluxMolPerS, double currentAPerM2) {
        speciesFlux[membrane * speciesCount + species] += fluxMolPerS;
        speciesCurrent[membrane * speciesCount + species] += currentAPerM2;
        membraneCurrent[membrane] += currentAPerM2;
    }

    /** @return number of right-hand-side evaluations so far */
    public long evaluations() {
        return evaluations;
    }

    /** @return concentration of species s in compartment c at the last evaluated state, mol/m^3 */
    public double concentrationMolPerM3(int compartment, int species) {
        return concentration[compartment * speciesCount + species];
    }

    /** @return volume of compartment c at the last evaluated state, m^3 */
    public double volumeM3(int compartment) {
        return volume[compartment];
    }

    /** @return potential of membrane m at the last evaluated state, V */
    public double potentialVolts(int membrane) {
        return potential[membrane];
    }

    /** @return Nernst potential of species s across membrane m at the last evaluated state, V */
    public double nernstPotentialVolts(int membrane, int species) {
        return Nernst.nernstPotentialVolts(valence[species],
                concentration[insideOf[membrane] * speciesCount + species],
                concentration[outsideOf[membrane] * speciesCount + species], model.temperatureK());
    }

    /** @return outward current density of species s through membrane m, all mechanisms, A/m^2 */
    public double speciesCurrentAPerM2(int membrane, int species) {
        return speciesCurrent[membrane * speciesCount + species];
    }

    /** @return outward molar flux of species s through membrane m, all mechanisms, mol/s */
    public double speciesFluxMolPerS(int membrane, int species) {
        return speciesFlux[membrane * speciesCount + species];
    }

    /** @return outward current density of the non-specific leaks of membrane m, A/m^2 */
    public double leakCurrentAPerM2(int membrane) {
        return leakCurrent[membrane];
    }

    /** @return total outward current density through membrane m (channels, leaks, pumps, transporters), A/m^2 */
    public double membraneCurrentAPerM2(int membrane) {
        return membraneCurrent[membrane];
    }

    /** @return stimulus current density on membrane m in the current segment, A/m^2 (positive depolarizing) */
    public double stimulusCurrentAPerM2(int membrane) {
        return stimulusCurrent[membrane];
    }

    /** @return true if some mechanism moves species s across membrane m */
    public boolean moves(int membrane, int species) {
        return moved[membrane * speciesCount + species];
    }

    /** @return the times in (0, duration) where a parameter jumps (clamp steps, stimulus edges, events), s */
    static List<Double> jumpTimes(Model model) {
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        for (Membrane m : model.membranes()) {
            if (m.potential() instanceof PotentialProtocol.Clamp clamp) {
                for (double t : clamp.stepTimesS()) {
                    times.add(t);
                }
            }
        }
        for (Stimulus st : model.stimuli()) {
            times.add(st.startS());
            times.add(st.endS());
        }
        for (Event e : model.events()) {
            times.add(e.atS());
        }
        double duration = model.settings().durationS();
        double tol = jumpTolerance(model);
        List<Double> merged = new java.util.ArrayList<>();
        for (double t : times) {
            boolean inside = t > tol && t < duration - tol;
            if (inside && (merged.isEmpty() || t - merged.get(merged.size() - 1) > tol)) {
                merged.add(t);
            }
        }
        return merged;
    }
}
