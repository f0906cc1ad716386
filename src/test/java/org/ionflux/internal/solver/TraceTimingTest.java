package org.ionflux.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** Rows land exactly on k * interval, clamp steps land on their times, no duplicate rows at restarts. */
class TraceTimingTest {

    private static final String STEPPED = """
            name: stepped
            temperature: 37 degC
            ions: {K: {charge: 1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, steps: [{at: 0 s, value: -80 mV}, {at: 0.3 s, value: -20 mV},
                                                 {at: 0.35 s, value: 10 mV}, {at: 0.7 s, value: -60 mV}]}
                channels: [{ion: K, permeability: 1e-4 cm/s}]
            simulation: {duration: 1.05, output_interval: 0.1, rtol: 1e-10, atol: 1e-12}
            """;

    @Test
    void rowsAtExactMultiplesWithoutDuplicatesAndALastRowAtTheDuration() {
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(STEPPED));
        double[] t = run.trace().column("t_s");
        assertThat(t).hasSize(12);
        for (int k = 0; k < 11; k++) {
            assertThat(t[k]).isEqualTo(k * 0.1);
        }
        assertThat(t[11]).isEqualTo(1.05);
    }

    @Test
    void rowAtAStepTimeShowsTheValueAfterTheJump() {
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(STEPPED));
        double[] t = run.trace().column("t_s");
        double[] v = run.trace().column("plasma.V_mV");
        for (int k = 0; k < t.length; k++) {
            double expected = t[k] < 0.3 - 1e-12 ? -80 : t[k] < 0.35 ? -20 : t[k] < 0.7 - 1e-12 ? 10 : -60;
            assertThat(v[k]).as("V at %s s", t[k]).isEqualTo(expected);
        }
        // 0.3 and 0.7 are not exact products of 0.1 (3 * 0.1 = 0.30000000000000004); they still show the new value
        assertThat(v[3]).isEqualTo(-20.0);
        assertThat(v[7]).isEqualTo(-60.0);
    }

    @Test
    void integrationRestartsAtEveryStepAndIsExactAcrossThem() {
        Model model = Scenarios.yaml(STEPPED);
        Simulation simulation = new Simulation(model);
        assertThat(simulation.restartTimes()).containsExactly(0.3, 0.35, 0.7);
        Scenarios.Run run = Scenarios.run(model);
        // exact piecewise solution: exponential relaxation within each constant-V piece (docs/physics.md section 12)
        double vol = 1e-15;
        double pa = 1e-6 * 1e-9;
        double vT = Constants.thermalVoltageVolts(model.temperatureK());
        double[] times = {0, 0.3, 0.35, 0.7, 1.05};
        double[] volts = {-0.080, -0.020, 0.010, -0.060};
        double[] t = run.trace().column("t_s");
        double[] c = run.trace().column("cell.K_mM");
        for (int k = 0; k < t.length; k++) {
            double conc = 140;
            for (int p = 0; p < volts.length && times[p] <= t[k]; p++) {
                double dt = Math.min(times[p + 1], t[k]) - times[p];
                double u = volts[p] / vT;
                double ceq = 5 * Math.exp(-u);
                double tau = vol * (1 - Math.exp(-u)) / (pa * u);
                conc = ceq + (conc - ceq) * Math.exp(-dt / tau);
            }
            // rtol 1e-10: the relative error stays below 1e-8
            assertThat(c[k]).as("c(%s s)", t[k]).isCloseTo(conc, within(1e-8 * conc));
        }
    }

    /** Back-to-back pulses: 0.001 + 0.0002 is not 0.0012 in doubles; the edges must still be one jump. */
    @Test
    void backToBackPulsesAreOnePulseOfTheirTotalLength() {
        String pair = org.ionflux.internal.testing.HodgkinHuxleyPatch.scenario("""
                stimuli:
                  - {membrane: axolemma, start: 1 ms, duration: 0.2 ms, amplitude: 3 uA/cm^2}
                  - {membrane: axolemma, start: 1.2 ms, duration: 0.2 ms, amplitude: 3 uA/cm^2}
                """, "simulation: {duration: 3 ms, output_interval: 0.01 ms, rtol: 1e-10, atol: 1e-12}");
        String single = org.ionflux.internal.testing.HodgkinHuxleyPatch.scenario("""
                stimuli:
                  - {membrane: axolemma, start: 1 ms, duration: 0.4 ms, amplitude: 3 uA/cm^2}
                """, "simulation: {duration: 3 ms, output_interval: 0.01 ms, rtol: 1e-10, atol: 1e-12}");
        Model model = Scenarios.yaml(pair);
        // 1 ms, one merged edge near 1.2 ms, 1.4 ms
        assertThat(new Simulation(model).restartTimes()).hasSize(3);
        Scenarios.Run a = Scenarios.run(model);
        Scenarios.Run b = Scenarios.run(Scenarios.yaml(single));
        assertThat(a.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        double[] va = a.trace().column("axolemma.V_mV");
        double[] vb = b.trace().column("axolemma.V_mV");
        assertThat(va).hasSameSizeAs(vb);
        for (int i = 0; i < va.length; i++) {
            // the extra restart near 1.2 ms changes the steps, not the solution: rtol 1e-10
            assertThat(va[i]).isCloseTo(vb[i], within(1e-7));
        }
    }

    @Test
    void aSimulationRunsOnce() {
        Simulation simulation = new Simulation(Scenarios.yaml(STEPPED));
        simulation.run((t, y) -> { }, new RunControl());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> simulation.run((t, y) -> { }, new RunControl()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gatesStartAtSteadyStateForTheClampInForceAtZero() {
        String yaml = org.ionflux.internal.testing.HodgkinHuxleyPatch.scenario("""
                events:
                  - {at: 0 s, set: {membranes.axolemma.potential.value: -40 mV}}
                """, "simulation: {duration: 1 ms, output_interval: 0.5 ms}")
                .replace("potential: {mode: dynamic, initial: -65 mV}", "potential: {mode: clamp, value: -65 mV}");
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(yaml));
        double m0 = run.trace().column("axolemma.Na_m")[0];
        double expected = org.ionflux.internal.physics.HodgkinHuxleyKinetics.HH_NA.gate(0).steadyState(-40);
        assertThat(run.trace().column("axolemma.V_mV")[0]).isEqualTo(-40.0);
        assertThat(m0).isCloseTo(expected, within(1e-15));
    }
}
