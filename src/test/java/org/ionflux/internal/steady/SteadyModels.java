package org.ionflux.internal.steady;

import org.ionflux.internal.model.Model;
import org.ionflux.internal.testing.Scenarios;

/** Scenarios made for the steady-state tests, as YAML text (the same text serves the command-line tests). */
public final class SteadyModels {

    private SteadyModels() {
    }

    /**
     * Kay (2017) pump-leak cell with water: a constant pump of 0.5 uA/cm^2 (km 0), ohmic Na, K and Cl of 0.01, 0.3 and
     * 0.2 mS/cm^2, RT/F = 25.69 mV (298.12007 K), bath Na 147, K 3, Cl 150 mM, inside Na 120, K 30, Cl 100 mM and an
     * impermeant anion X (z = -1) at 50 mM.
     */
    public static final String KAY = String.join("\n",
            "name: kay-2017",
            "temperature: 298.12007 K",
            "ions: {Na: {charge: 1}, K: {charge: 1}, Cl: {charge: -1}, X: {charge: -1}}",
            "compartments:",
            "  cell: {volume: 1 pL, concentrations: {Na: 120 mM, K: 30 mM, Cl: 100 mM, X: 50 mM}}",
            "  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 147 mM, K: 3 mM, Cl: 150 mM}}",
            "membranes:",
            "  plasma:",
            "    inside: cell",
            "    outside: bath",
            "    area: 1000 um^2",
            "    potential: {mode: dynamic, initial: -60 mV}",
            "    channels:",
            "      - {ion: Na, conductance: 0.01 mS/cm^2}",
            "      - {ion: K, conductance: 0.3 mS/cm^2}",
            "      - {ion: Cl, conductance: 0.2 mS/cm^2}",
            "    pumps:",
            "      - {type: na-k-atpase, max_current: 0.5 uA/cm^2, km_na: 0 mM, km_k: 0 mM}",
            "    water_permeability: 2e-3 cm/s",
            "simulation: {duration: 20000 s, output_interval: 100 s, solver: rosenbrock, rtol: 1e-8, atol: 1e-10}",
            "");

    /** The Kay cell without its pump: nothing holds the osmotic gradient of X, the cell swells without end. */
    public static final String SWELLING = KAY.replace("max_current: 0.5 uA/cm^2", "max_current: 0 uA/cm^2")
            .replace("name: kay-2017", "name: swelling");

    /**
     * A closed cell and a finite bath exchanging K and Cl through KCC2 only: N has one column, so J has rank 1 and
     * four state variables; three laws (n_K - n_Cl in each compartment and the total Cl) make it regular.
     */
    public static final String KCC2 = String.join("\n",
            "name: kcc2-closed",
            "temperature: 37 degC",
            "ions: {K: {charge: 1}, Cl: {charge: -1}, A: {charge: -1}, B: {charge: 1}}",
            "compartments:",
            "  cell: {volume: 1 pL, concentrations: {K: 140 mM, Cl: 10 mM, A: 130 mM}}",
            "  bath: {volume: 4 pL, concentrations: {K: 5 mM, Cl: 120 mM, B: 115 mM}}",
            "membranes:",
            "  plasma:",
            "    inside: cell",
            "    outside: bath",
            "    area: 1000 um^2",
            "    potential: {mode: clamp, value: -70 mV}",
            "    transporters:",
            "      - {name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: 1e-11 mol/(cm^2 s)}",
            "simulation: {duration: 1000 s, output_interval: 1 s}",
            "");

    /**
     * An RC membrane: K through an ohmic channel of 1 mS/cm^2 into a clamped bath, V free, 1 uF/cm^2; impermeant A
     * keeps the cell neutral.
     */
    public static final String RC = String.join("\n",
            "name: rc",
            "temperature: 37 degC",
            "ions: {K: {charge: 1}, A: {charge: -1}}",
            "compartments:",
            "  cell: {volume: 1 pL, concentrations: {K: 140 mM, A: 140 mM}}",
            "  bath: {volume: 1 mL, clamped: true, concentrations: {K: 5 mM, A: 5 mM}}",
            "membranes:",
            "  plasma:",
            "    inside: cell",
            "    outside: bath",
            "    area: 1000 um^2",
            "    capacitance: 1 uF/cm^2",
            "    potential: {mode: dynamic, initial: -60 mV}",
            "    channels:",
            "      - {ion: K, conductance: 1 mS/cm^2}",
            "simulation: {duration: 1 s, output_interval: 1 ms}",
            "");

    /** @return the model of a YAML text */
    public static Model model(String yaml) {
        return Scenarios.yaml(yaml);
    }
}
