package org.ionflux.solver;

import java.util.Arrays;
import org.ionflux.model.Channel;
import org.ionflux.model.Compartment;
import org.ionflux.model.Membrane;
import org.ionflux.model.Model;
import org.ionflux.model.PotentialProtocol;
import org.ionflux.physics.Constants;
import org.ionflux.physics.GhkChannel;
import org.ionflux.physics.Nernst;
import org.ionflux.physics.OhmicChannel;
import org.ionflux.physics.SpecialFunctions;

/**
 * The right-hand side of the ion-flux ODE (MODEL.md sections 3 to 7), compiled from a {@link Model} into flat
 * arrays so that an evaluation allocates nothing.
 *
 * <p>Each evaluation also leaves the observables of that state (potentials, concentrations, per-species
 * currents and fluxes of every membrane) in work arrays, read by {@link TraceColumns}. Not thread-safe:
 * one instance per run.
 */
public final class IonFluxSystem {

    private static final int OHMIC = 0;
    private static final int GHK = 1;

    private final Model model;
    private final StateLayout layout;
    private final int speciesCount;
    private final int compartmentCount;
    private final int membraneCount;
    private final double thermalVoltage;

    private final double[] valence;
    private final double[] volume;
    private final double[] clampedConcentration;
    private final int[] amountIndex;

    private final int[] insideOf;
    private final int[] outsideOf;
    private final double[] area;
    private final double[] capacitance;
    private final int[] potentialIndex;
    private final double[] clampVolts;

    private final int[] channelKind;
    private final int[] channelMembrane;
    private final int[] channelSpecies;
    private final double[] channelParameter;

    private final boolean[] moved;
    private final int[] transferIndex;

    private final double[] concentration;
    private final double[] potential;
    private final double[] membraneCurrent;
    private final double[] speciesCurrent;
    private final double[] speciesFlux;

    private long evaluations;

    /** Compiles {@code model}; clamp values start at their t = 0 values. */
    public IonFluxSystem(Model model) {
        this.model = model;
        this.layout = new StateLayout(model);
        speciesCount = model.species().size();
        compartmentCount = model.compartments().size();
        membraneCount = model.membranes().size();
        thermalVoltage = Constants.thermalVoltageVolts(model.temperatureK());

        valence = new double[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            valence[s] = model.species().get(s).charge();
        }
        volume = new double[compartmentCount];
        clampedConcentration = new double[compartmentCount * speciesCount];
        amountIndex = new int[compartmentCount * speciesCount];
        for (int c = 0; c < compartmentCount; c++) {
            Compartment comp = model.compartments().get(c);
            volume[c] = comp.volumeM3();
            for (int s = 0; s < speciesCount; s++) {
                clampedConcentration[c * speciesCount + s] = comp.concentrationMolPerM3(s);
                amountIndex[c * speciesCount + s] = layout.amountIndex(c, s);
            }
        }

        insideOf = new int[membraneCount];
        outsideOf = new int[membraneCount];
        area = new double[membraneCount];
        capacitance = new double[membraneCount];
        potentialIndex = new int[membraneCount];
        clampVolts = new double[membraneCount];
        moved = new boolean[membraneCount * speciesCount];
        int channels = 0;
        for (int m = 0; m < membraneCount; m++) {
            Membrane mem = model.membranes().get(m);
            insideOf[m] = mem.insideIndex();
            outsideOf[m] = mem.outsideIndex();
            area[m] = mem.areaM2();
            capacitance[m] = mem.capacitanceFPerM2();
            potentialIndex[m] = layout.potentialIndex(m);
            channels += mem.channels().size();
        }
        channelKind = new int[channels];
        channelMembrane = new int[channels];
        channelSpecies = new int[channels];
        channelParameter = new double[channels];
        int k = 0;
        for (int m = 0; m < membraneCount; m++) {
            for (Channel ch : model.membranes().get(m).channels()) {
                channelMembrane[k] = m;
                channelSpecies[k] = ch.speciesIndex();
                moved[m * speciesCount + ch.speciesIndex()] = true;
                if (ch instanceof Channel.Ohmic ohmic) {
                    channelKind[k] = OHMIC;
                    channelParameter[k] = ohmic.conductanceSPerM2();
                } else if (ch instanceof Channel.Ghk ghk) {
                    channelKind[k] = GHK;
                    channelParameter[k] = ghk.permeabilityMPerS();
                }
                k++;
            }
        }
        transferIndex = new int[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            transferIndex[s] = layout.transferIndex(s);
        }

        concentration = new double[compartmentCount * speciesCount];
        potential = new double[membraneCount];
        membraneCurrent = new double[membraneCount];
        speciesCurrent = new double[membraneCount * speciesCount];
        speciesFlux = new double[membraneCount * speciesCount];
        applyProtocolsAt(0.0);
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
     * Sets the piecewise-constant parameters (clamp values) to those in force from {@code timeS} on, the
     * values just after any jump at that time (MODEL.md section 7).
     */
    public void applyProtocolsAt(double timeS) {
        for (int m = 0; m < membraneCount; m++) {
            PotentialProtocol p = model.membranes().get(m).potential();
            if (p instanceof PotentialProtocol.Clamp clamp) {
                clampVolts[m] = clamp.voltsAt(timeS);
            }
        }
    }

    /**
     * Evaluates {@code dy/dt = f(t, y)} and leaves the observables of state y in this object.
     *
     * @param timeS time, s
     * @param y     state (mol, V)
     * @param yDot  output: derivatives (mol/s, V/s)
     */
    public void computeDerivatives(double timeS, double[] y, double[] yDot) {
        evaluations++;
        updateObservables(y);
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
                yDot[potentialIndex[m]] = -membraneCurrent[m] / capacitance[m];
            }
        }
    }

    /** Computes concentrations, potentials, currents and fluxes of state y without the derivatives. */
    public void updateObservables(double[] y) {
        for (int c = 0; c < compartmentCount; c++) {
            for (int s = 0; s < speciesCount; s++) {
                int i = c * speciesCount + s;
                concentration[i] = amountIndex[i] >= 0 ? y[amountIndex[i]] / volume[c] : clampedConcentration[i];
            }
        }
        for (int m = 0; m < membraneCount; m++) {
            potential[m] = potentialIndex[m] >= 0 ? y[potentialIndex[m]] : clampVolts[m];
        }
        Arrays.fill(membraneCurrent, 0.0);
        Arrays.fill(speciesCurrent, 0.0);
        Arrays.fill(speciesFlux, 0.0);
        for (int k = 0; k < channelKind.length; k++) {
            int m = channelMembrane[k];
            int s = channelSpecies[k];
            double cIn = concentration[insideOf[m] * speciesCount + s];
            double cOut = concentration[outsideOf[m] * speciesCount + s];
            double z = valence[s];
            double v = potential[m];
            double flux;
            double current;
            if (channelKind[k] == OHMIC) {
                double nernst = thermalVoltage / z * Math.log(cOut / cIn);
                current = channelParameter[k] * (v - nernst);
                flux = OhmicChannel.fluxMolPerS(current, area[m], z);
            } else {
                double u = z * v / thermalVoltage;
                flux = channelParameter[k] * area[m] * (cIn * SpecialFunctions.uOverOneMinusExpMinusU(u)
                        - cOut * SpecialFunctions.uOverOneMinusExpMinusU(-u));
                current = GhkChannel.currentDensityAPerM2(flux, area[m], z);
            }
            speciesFlux[m * speciesCount + s] += flux;
            speciesCurrent[m * speciesCount + s] += current;
            membraneCurrent[m] += current;
        }
    }

    /** @return number of right-hand-side evaluations so far */
    public long evaluations() {
        return evaluations;
    }

    /** @return concentration of species s in compartment c at the last evaluated state, mol/m^3 */
    public double concentrationMolPerM3(int compartment, int species) {
        return concentration[compartment * speciesCount + species];
    }

    /** @return volume of compartment c, m^3 */
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

    /** @return total outward current density through membrane m, A/m^2 */
    public double membraneCurrentAPerM2(int membrane) {
        return membraneCurrent[membrane];
    }

    /** @return true if some mechanism moves species s across membrane m */
    public boolean moves(int membrane, int species) {
        return moved[membrane * speciesCount + species];
    }
}
