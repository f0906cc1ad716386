package org.ionflux.internal.mechanism;

import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;

/**
 * What every term reads: the model's structure compiled into arrays (which compartments a membrane joins, its
 * area, each species' valence) and, at one evaluation, the concentrations, volumes and membrane potentials, all in
 * SI. The engine fills the values before it asks the terms for their rates; terms only read them.
 *
 * <p>Arrays are exposed without copies for speed: terms must not write to them.
 */
public final class StateView {

    private final int speciesCount;
    private final int compartmentCount;
    private final int membraneCount;
    private final double temperatureK;
    private final double thermalVoltageVolts;
    private final double gateTemperatureFactor;
    private final double[] valence;
    private final int[] insideOf;
    private final int[] outsideOf;
    private final double[] areaM2;

    private final double[] concentrationMolPerM3;
    private final double[] volumeM3;
    private final double[] perVolume;
    private final double[] potentialVolts;
    private double[] state;

    /** Compiles the structure of {@code model}; values start at zero. */
    public StateView(Model model) {
        speciesCount = model.species().size();
        compartmentCount = model.compartments().size();
        membraneCount = model.membranes().size();
        temperatureK = model.temperatureK();
        thermalVoltageVolts = Constants.thermalVoltageVolts(temperatureK);
        gateTemperatureFactor = HodgkinHuxleyKinetics.temperatureFactor(model.temperatureCelsius());
        valence = new double[speciesCount];
        for (int s = 0; s < speciesCount; s++) {
            valence[s] = model.species().get(s).charge();
        }
        insideOf = new int[membraneCount];
        outsideOf = new int[membraneCount];
        areaM2 = new double[membraneCount];
        for (int m = 0; m < membraneCount; m++) {
            Membrane mem = model.membranes().get(m);
            insideOf[m] = mem.insideIndex();
            outsideOf[m] = mem.outsideIndex();
            areaM2[m] = mem.areaM2();
        }
        concentrationMolPerM3 = new double[compartmentCount * speciesCount];
        volumeM3 = new double[compartmentCount];
        perVolume = new double[compartmentCount];
        potentialVolts = new double[membraneCount];
    }

    /** @return number of species */
    public int speciesCount() {
        return speciesCount;
    }

    /** @return number of compartments */
    public int compartmentCount() {
        return compartmentCount;
    }

    /** @return number of membranes */
    public int membraneCount() {
        return membraneCount;
    }

    /** @return absolute temperature, K */
    public double temperatureK() {
        return temperatureK;
    }

    /** @return R T / F, V */
    public double thermalVoltageVolts() {
        return thermalVoltageVolts;
    }

    /** @return the Hodgkin-Huxley rate factor {@code phi = 3^((T - 6.3 degC) / 10)}, dimensionless */
    public double gateTemperatureFactor() {
        return gateTemperatureFactor;
    }

    /** @return valence z of species s */
    public double valence(int species) {
        return valence[species];
    }

    /** @return index of the inside compartment of membrane m */
    public int inside(int membrane) {
        return insideOf[membrane];
    }

    /** @return index of the outside compartment of membrane m */
    public int outside(int membrane) {
        return outsideOf[membrane];
    }

    /** @return area of membrane m, m^2 */
    public double areaM2(int membrane) {
        return areaM2[membrane];
    }

    /** @return concentration of species s in compartment c at this evaluation, mol/m^3 */
    public double concentration(int compartment, int species) {
        return concentrationMolPerM3[compartment * speciesCount + species];
    }

    /** @return volume of compartment c at this evaluation, m^3 */
    public double volumeM3(int compartment) {
        return volumeM3[compartment];
    }

    /** @return potential of membrane m at this evaluation (its clamp value if clamped), V */
    public double potentialVolts(int membrane) {
        return potentialVolts[membrane];
    }

    /** @return the solver state of this evaluation (terms with their own state read their variables there) */
    public double[] state() {
        return state;
    }

    /** @return the concentrations, compartment-major ({@code [c * speciesCount + s]}), mol/m^3: the engine's array */
    public double[] concentrations() {
        return concentrationMolPerM3;
    }

    /** @return the volumes, m^3: the engine's array */
    public double[] volumes() {
        return volumeM3;
    }

    /** @return the reciprocal volumes, 1/m^3, one per compartment: the engine's array */
    public double[] perVolumes() {
        return perVolume;
    }

    /** @return 1 / volume of compartment c at this evaluation, 1/m^3 */
    public double perVolume(int compartment) {
        return perVolume[compartment];
    }

    /** @return the membrane potentials, V: the engine's array */
    public double[] potentials() {
        return potentialVolts;
    }

    /** Sets the solver state of this evaluation (the engine calls it). */
    public void setState(double[] y) {
        this.state = y;
    }
}
