package org.ionflux.internal.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;
import org.ionflux.internal.solver.StateLayout;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pumps, transporters, water, events and the pump-leak steady state (docs/physics.md sections 6 to 8). */
class PhysiologyTest {

    private static final String PUMP_ONLY = """
            name: pump
            ions: {Na: {charge: 1}, K: {charge: 1}, X: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {Na: 12, K: 140, X: 152}}
              bath: {volume: 1 mL, clamped: true, concentrations: {Na: 145, K: 4, X: 149}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, value: -70 mV}
                pumps: [{type: na-k-atpase, max_current: 1.5 uA/cm^2, km_na: 10 mM, km_k: 1.5 mM}]
            simulation: {duration: 10, output_interval: 1}
            """;

    @Test
    void pumpMovesThreeSodiumOutPerTwoPotassiumInAndOneChargePerCycle() {
        Model model = Scenarios.yaml(PUMP_ONLY);
        IonFluxSystem system = new IonFluxSystem(model);
        StateLayout layout = system.layout();
        system.computeDerivatives(0, layout.initialState(model), new double[layout.dimension()]);
        double jNa = system.speciesFluxMolPerS(0, 0);
        double jK = system.speciesFluxMolPerS(0, 1);
        assertThat(jNa).isPositive();
        assertThat(jNa).isEqualTo(-1.5 * jK);
        // i_p = I_max (Na/(Na+km))^3 (K/(K+km))^2, computed here independently
        double ip = 1.5e-2 * Math.pow(12.0 / 22.0, 3) * Math.pow(4.0 / 5.5, 2);
        double area = 1000e-12;
        double cycleRate = jNa / 3;
        assertThat(system.membraneCurrentAPerM2(0)).isCloseTo(ip, within(1e-15 * ip));
        assertThat(system.membraneCurrentAPerM2(0) * area).isCloseTo(Constants.FARADAY_C_PER_MOL * cycleRate,
                within(1e-14 * ip * area));
        // its current is split into the Na and K columns: 3 i_p outward, 2 i_p inward
        assertThat(system.speciesCurrentAPerM2(0, 0)).isCloseTo(3 * ip, within(1e-15));
        assertThat(system.speciesCurrentAPerM2(0, 1)).isCloseTo(-2 * ip, within(1e-15));
    }

    private static final String KCC2 = """
            name: kcc2
            ions: {K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140, Cl: CL_IN}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5, Cl: 120}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, value: -60 mV}
                transporters: [{name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: 1e-12 mol/(cm^2 s)}]
            simulation: {duration: 10, output_interval: 1}
            """;

    @Test
    void transporterStopsExactlyWhereItsSummedGradientIsZero() {
        // KCC2 (K:Cl 1:1, electroneutral) is at equilibrium when K_in Cl_in = K_out Cl_out, at any V
        double clEq = 5.0 * 120.0 / 140.0;
        IonFluxSystem atEquilibrium = evaluate(KCC2.replace("CL_IN", Double.toString(clEq)));
        double scale = 1e-8 * 1000e-12; // L A: flux per unit of ln-gradient, mol/s
        assertThat(Math.abs(atEquilibrium.speciesFluxMolPerS(0, 0))).isLessThan(1e-14 * scale);
        assertThat(atEquilibrium.membraneCurrentAPerM2(0)).isEqualTo(0.0);
        // more Cl inside: the summed gradient pushes K and Cl out together
        IonFluxSystem loaded = evaluate(KCC2.replace("CL_IN", "20"));
        assertThat(loaded.speciesFluxMolPerS(0, 0)).isPositive();
        assertThat(loaded.speciesFluxMolPerS(0, 1)).isEqualTo(loaded.speciesFluxMolPerS(0, 0));
        assertThat(loaded.speciesFluxMolPerS(0, 0)).isCloseTo(scale * Math.log(140 * 20 / (5 * 120.0)),
                within(1e-12 * scale));
        // electroneutral: no current, however far from equilibrium
        assertThat(Math.abs(loaded.membraneCurrentAPerM2(0))).isLessThan(1e-18);
        IonFluxSystem depleted = evaluate(KCC2.replace("CL_IN", "1"));
        assertThat(depleted.speciesFluxMolPerS(0, 0)).isNegative();
    }

    private static IonFluxSystem evaluate(String yaml) {
        Model model = Scenarios.yaml(yaml);
        IonFluxSystem system = new IonFluxSystem(model);
        system.computeDerivatives(0, system.layout().initialState(model), new double[system.dimension()]);
        return system;
    }

    @Test
    void electrogenicExchangerCarriesCurrentAndStopsAtItsReversal() {
        // NCX, 3 Na : -1 Ca (z 1, 2): one net charge per cycle; equilibrium at 3 E_Na - 2 E_Ca = V
        String ncx = """
                name: ncx
                temperature: 37 degC
                ions: {Na: {charge: 1}, Ca: {charge: 2}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {Na: 10, Ca: 1e-4}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 145, Ca: 2}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 1000 um^2
                    potential: {mode: clamp, value: VCLAMP}
                    transporters: [{name: ncx, stoichiometry: {Na: 3, Ca: -1}, rate: 1e-12 mol/(cm^2 s)}]
                simulation: {duration: 1, output_interval: 1}
                """;
        double vT = Constants.thermalVoltageVolts(310.15);
        double eNa = vT * Math.log(145 / 10.0);
        double eCa = vT / 2 * Math.log(2 / 1e-4);
        double reversal = 3 * eNa - 2 * eCa;
        IonFluxSystem at = evaluate(ncx.replace("VCLAMP", reversal + " V"));
        assertThat(Math.abs(at.speciesFluxMolPerS(0, 0))).isLessThan(1e-14 * 1e-8 * 1e-9 * 10);
        IonFluxSystem above = evaluate(ncx.replace("VCLAMP", (reversal + 0.010) + " V"));
        double j = above.speciesFluxMolPerS(0, 0) / 3 / 1000e-12;
        // above its reversal it runs in reverse mode: Na out, Ca in, one charge out per cycle
        assertThat(j).isPositive();
        assertThat(above.speciesFluxMolPerS(0, 1)).isNegative();
        assertThat(above.membraneCurrentAPerM2(0)).isCloseTo(Constants.FARADAY_C_PER_MOL * j, within(1e-12));
    }

    @Test
    void pumpLeakCellReachesItsClosedFormSteadyStateAndSwellsWhenThePumpIsBlocked() {
        Model model = Scenarios.shipped("pump-leak-cell");
        assertThat(new Simulation(model).restartTimes()).containsExactly(1200.0);
        Scenarios.Run run = Scenarios.run(model);
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        double[] t = run.trace().column("t_s");
        double[] v = run.trace().column("plasma.V_mV");
        double[] vol = run.trace().column("cell.volume_pL");
        double[] na = run.trace().column("cell.Na_mM");
        int block = index(t, 1200.0);
        double[] expected = closedFormPumpLeak(model);
        // ten minutes after the start it has settled: 1e-4 relative (the slowest, Na, relaxes with tau ~ 100 s)
        assertThat(v[block - 1]).isCloseTo(expected[0] * 1e3, within(1e-4 * Math.abs(expected[0] * 1e3)));
        assertThat(na[block - 1]).isCloseTo(expected[1], within(1e-3 * expected[1]));
        assertThat(vol[block - 1]).isCloseTo(expected[4] * 1e15, within(1e-4 * expected[4] * 1e15));
        // pump off: Na enters, V depolarizes, the cell swells steadily
        for (int k = block + 60; k < t.length; k += 60) {
            assertThat(vol[k]).isGreaterThan(vol[k - 60]);
            assertThat(na[k]).isGreaterThan(na[k - 60]);
        }
        assertThat(vol[t.length - 1]).isGreaterThan(2 * vol[block]);
        assertThat(v[t.length - 1]).isGreaterThan(-20);
        assertThat(run.result().maxRelativeMassError()).isLessThan(1e-9);
        assertThat(run.result().maxRelativeChargeError()).isLessThan(1e-9);
    }

    /**
     * The pump-leak steady state in closed form (Kay 2017): Cl at its Nernst potential; Na and K GHK leaks
     * balancing 3 and 2 pump fluxes; X fixed in amount; osmotic balance and electroneutrality (the charge on
     * the capacitance neglected) fix V, found here by bisection.
     *
     * @return {V (V), Na, K, Cl (mol/m^3), volume (m^3)}
     */
    static double[] closedFormPumpLeak(Model model) {
        int na = model.speciesIndex("Na").orElseThrow();
        int k = model.speciesIndex("K").orElseThrow();
        int cl = model.speciesIndex("Cl").orElseThrow();
        int x = model.speciesIndex("X").orElseThrow();
        var cell = model.compartments().get(0);
        var bath = model.compartments().get(1);
        var plasma = model.membranes().get(0);
        double pNa = ((org.ionflux.internal.model.Channel.Ghk) plasma.channels().get(0)).permeabilityMPerS();
        double pK = ((org.ionflux.internal.model.Channel.Ghk) plasma.channels().get(1)).permeabilityMPerS();
        double ip = plasma.pumps().get(0).maxCurrentAPerM2();
        double zx = model.species().get(x).charge();
        double vT = Constants.thermalVoltageVolts(model.temperatureK());
        double osmOut = 0;
        for (int s = 0; s < model.species().size(); s++) {
            osmOut += bath.concentrationMolPerM3(s);
        }
        double finalOsm = osmOut;
        double f = Constants.FARADAY_C_PER_MOL;
        // GHK written in its textbook form: J/(P A) = u (c_in - c_out e^-u) / (1 - e^-u)
        java.util.function.DoubleFunction<double[]> state = v -> {
            double u = v / vT;
            double g = u / (1 - Math.exp(-u));
            double naIn = (-3 * ip / (f * pNa) + bath.concentrationMolPerM3(na) * g * Math.exp(-u)) / g;
            double kIn = (2 * ip / (f * pK) + bath.concentrationMolPerM3(k) * g * Math.exp(-u)) / g;
            double clIn = bath.concentrationMolPerM3(cl) * Math.exp(u);
            double xIn = finalOsm - naIn - kIn - clIn;
            return new double[] {naIn, kIn, clIn, xIn};
        };
        double v = new BrentSolver(1e-15, 1e-14).solve(1000, vv -> {
            double[] c = state.apply(vv);
            return c[0] + c[1] - c[2] + zx * c[3];
        }, -0.2, -0.001);
        double[] c = state.apply(v);
        double xAmount = cell.concentrationMolPerM3(x) * cell.volumeM3();
        return new double[] {v, c[0], c[1], c[2], xAmount / c[3]};
    }

    private static int index(double[] t, double time) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] == time) {
                return i;
            }
        }
        throw new AssertionError("no row at " + time);
    }

    /** Kay 2017's non-integer mean valence moves the resting potential exactly as the closed form says. */
    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.9, -0.85})
    void meanValenceOfImpermeantAnionsSetsTheRestingPotential(double zx) {
        Model base = Scenarios.shipped("pump-leak-cell");
        // electroneutral start for this valence: X = (Na + K - Cl) / -z
        double xStart = (20 + 120 - 10) / -zx;
        String yaml = readShipped("pump-leak-cell").replace("X:  {charge: -0.85}", "X:  {charge: " + zx + "}")
                .replace("X: 152.941176 mM", "X: " + xStart + " mM")
                .replace("  - {at: 1200 s, set: {\"membranes.plasma.pumps[0].max_current\": 0}}\n", "")
                .replace("events:\n", "").replace("duration: 2400 s", "duration: 1200 s")
                .replace("output_interval: 1 s", "output_interval: 1200 s");
        Model model = Scenarios.yaml(yaml);
        assertThat(model.species().get(3).charge()).isEqualTo(zx);
        assertThat(base.membranes()).isEqualTo(model.membranes());
        Scenarios.Run run = Scenarios.run(model);
        assertThat(run.result().status()).as(run.result().error()).isEqualTo(RunResult.Status.COMPLETED);
        double[] expected = closedFormPumpLeak(model);
        double[] last = run.trace().rows().get(run.trace().rows().size() - 1);
        double vMv = last[run.trace().indexOf("plasma.V_mV")];
        // 1e-4 relative: the capacitive charge (~2e-5) and the remaining relaxation at 1200 s (~1e-5)
        assertThat(vMv).isCloseTo(expected[0] * 1e3, within(1e-4 * Math.abs(expected[0] * 1e3)));
    }

    @Test
    void meanValenceChangesTheRestingPotential() {
        double[] minusOne = closedFormPumpLeak(Scenarios.yaml(readShipped("pump-leak-cell")
                .replace("X:  {charge: -0.85}", "X:  {charge: -1}")));
        double[] kay = closedFormPumpLeak(Scenarios.shipped("pump-leak-cell"));
        // different, by less than a millivolt (Kay 2017): the mechanism is tested above, this guards the sign
        assertThat(kay[0] - minusOne[0]).isBetween(1e-4, 1e-3);
    }

    private static String readShipped(String name) {
        try {
            return java.nio.file.Files.readString(Scenarios.SHIPPED.resolve(name + ".yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withOnlyWaterPermeableTheCellReachesOsmoticEquilibriumAndKeepsItsSolutes() {
        String yaml = """
                name: osmosis
                ions: {Na: {charge: 1}, Cl: {charge: -1}, X: {charge: 0}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {Na: 150, Cl: 150, X: 60}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 150, Cl: 150}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 500 um^2
                    potential: {mode: clamp, value: 0 mV}
                    water_permeability: 1e-3 cm/s
                simulation: {duration: 1000, output_interval: 10, rtol: 1e-10, atol: 1e-12}
                """;
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(yaml));
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        double[] vol = run.trace().column("cell.volume_pL");
        double[] na = run.trace().column("cell.Na_mM");
        double[] x = run.trace().column("cell.X_mM");
        int last = vol.length - 1;
        // osmotic equilibrium: inside osmolarity = 300 mM outside; amounts fixed, so Vol = 360/300 pL
        assertThat(vol[last]).isCloseTo(1.2, within(1e-8));
        assertThat(na[last] * 2 + x[last]).isCloseTo(300, within(1e-6));
        for (int i = 0; i < vol.length; i++) {
            // amounts unchanged: c Vol = c0 Vol0 at every row
            assertThat(na[i] * vol[i]).isCloseTo(150, within(1e-12 * 150));
            assertThat(x[i] * vol[i]).isCloseTo(60, within(1e-12 * 60));
        }
        assertThat(run.result().maxRelativeMassError()).isLessThan(1e-12);
    }

    @Test
    void chargeInvariantHoldsWithPumpsTransportersLeaksAndStimuli() {
        String yaml = """
                name: everything
                ions: {Na: {charge: 1}, K: {charge: 1}, Cl: {charge: -1}, X: {charge: -1}}
                compartments:
                  cell: {volume: 1 pL, concentrations: {Na: 12, K: 140, Cl: 10, X: 142}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Na: 145, K: 4, Cl: 120, X: 29}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 1000 um^2
                    potential: {mode: dynamic, initial: -70 mV}
                    channels:
                      - {ion: Na, permeability: 1e-7}
                      - {ion: K, conductance: 0.5}
                      - {ion: Cl, permeability: 1e-6}
                      - {leak: true, conductance: 0.05, reversal: -50 mV}
                    pumps: [{type: na-k-atpase, max_current: 1, km_na: 10, km_k: 1.5}]
                    transporters:
                      - {name: nkcc1, stoichiometry: {Na: 1, K: 1, Cl: 2}, rate: 1e-11 mol/(cm^2 s)}
                      - {name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: 1e-11 mol/(cm^2 s)}
                    water_permeability: 1e-3 cm/s
                stimuli:
                  - {membrane: plasma, start: 1 s, duration: 2 s, amplitude: 2 uA/cm^2}
                  - {membrane: plasma, start: 5 s, duration: 0.5 s, amplitude: -3 uA/cm^2}
                simulation: {duration: 20, output_interval: 0.5, solver: rosenbrock, rtol: 1e-8, atol: 1e-10}
                """;
        Model model = Scenarios.yaml(yaml);
        assertThat(new Simulation(model).restartTimes()).containsExactly(1.0, 3.0, 5.0, 5.5);
        for (SolverKind kind : List.of(SolverKind.ROSENBROCK, SolverKind.DORMAND_PRINCE_853)) {
            Scenarios.Run run = Scenarios.run(model.withSettings(model.settings().withSolver(kind, 1e-8, 1e-10)));
            assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(run.result().maxRelativeChargeError()).as(kind.key()).isLessThan(1e-9);
            assertThat(run.result().maxRelativeMassError()).as(kind.key()).isLessThan(1e-9);
        }
    }

    @Test
    void theRunRestartsAtAnEventAndTheSlopeChangesExactlyThere() {
        String yaml = readShipped("pump-leak-cell").replace("at: 1200 s", "at: 1 ms")
                .replace("duration: 2400 s", "duration: 2 ms").replace("output_interval: 1 s", "output_interval: 1 us")
                .replace("rtol: 1e-8", "rtol: 1e-10").replace("atol: 1e-10", "atol: 1e-13");
        Model model = Scenarios.yaml(yaml);
        Scenarios.Run run = Scenarios.run(model);
        double[] t = run.trace().column("t_s");
        double[] na = run.trace().column("cell.Na_mM");
        int at = index(t, 1000 * 1e-6);
        assertThat(t[at]).isEqualTo(1e-3);
        // one-sided slopes on the 1 us grid against the right-hand side with the pump on and off
        IonFluxSystem system = new IonFluxSystem(model);
        double[] y = stateAt(model, run, at);
        double[] yDot = new double[system.dimension()];
        system.computeDerivatives(1e-3, y, yDot);
        double slopeOn = dConcentration(system, y, yDot);
        system.startSegment(1e-3);
        system.computeDerivatives(1e-3, y, yDot);
        double slopeOff = dConcentration(system, y, yDot);
        double left = (na[at] - na[at - 1]) / (t[at] - t[at - 1]);
        double right = (na[at + 1] - na[at]) / (t[at + 1] - t[at]);
        assertThat(slopeOn).isNegative();
        assertThat(slopeOff).isPositive();
        // V moves on a ~1 ms scale: a 1 us difference quotient errs by ~1e-3 relative; a smeared kink by O(1)
        assertThat(left).isCloseTo(slopeOn, within(1e-2 * Math.abs(slopeOn)));
        assertThat(right).isCloseTo(slopeOff, within(1e-2 * Math.abs(slopeOff)));
    }

    /** Rebuilds the state at row {@code row} from the trace's concentrations, volume and V. */
    private static double[] stateAt(Model model, Scenarios.Run run, int row) {
        StateLayout layout = new StateLayout(model);
        double[] y = layout.initialState(model);
        double[] r = run.trace().rows().get(row);
        double vol = r[run.trace().indexOf("cell.volume_pL")] * 1e-15;
        for (int s = 0; s < model.species().size(); s++) {
            if (layout.amountIndex(0, s) >= 0) {
                y[layout.amountIndex(0, s)] = r[run.trace().indexOf("cell." + model.species().get(s).name()
                        + "_mM")] * vol;
            }
        }
        y[layout.volumeIndex(0)] = vol;
        y[layout.potentialIndex(0)] = r[run.trace().indexOf("plasma.V_mV")] * 1e-3;
        return y;
    }

    /** d[Na]/dt in mM/s from amount and volume derivatives. */
    private static double dConcentration(IonFluxSystem system, double[] y, double[] yDot) {
        StateLayout layout = system.layout();
        int n = layout.amountIndex(0, 0);
        int v = layout.volumeIndex(0);
        return (yDot[n] * y[v] - y[n] * yDot[v]) / (y[v] * y[v]);
    }
}
