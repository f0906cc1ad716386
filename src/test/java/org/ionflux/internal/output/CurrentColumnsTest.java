package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** The stimulus and pump current columns: what is injected and what the pumps carry, in uA/cm^2. */
class CurrentColumnsTest {

    private static final String PATCH = """
            name: patch
            ions: {Na: {charge: 1}, K: {charge: 1}, Ca: {charge: 2}, A: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {Na: 10, K: 140, Ca: 1e-4, A: 150.0002}}
              bath: {volume: 1 mL, clamped: true, concentrations: {Na: 140, K: 5, Ca: 2, A: 149}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: dynamic, initial: -70 mV}
                channels: [{leak: true, conductance: 0.1 mS/cm^2, reversal: -70 mV}]
                pumps:
                  - {type: na-k-atpase, max_current: 0.4 uA/cm^2, km_na: 0, km_k: 0}
                  - {type: pmca, max_current: 0.1 uA/cm^2, km: 0}
            stimuli:
              - {membrane: plasma, start: 1 ms, duration: 0.5 ms, amplitude: 20 uA/cm^2}
            simulation: {duration: 3 ms, output_interval: 0.1 ms, rtol: 1e-10, atol: 1e-12}
            """;

    @Test
    void theStimulusColumnShowsThePulseAndThePumpColumnTheNetPumpCurrent() {
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(PATCH));
        double[] t = run.trace().column("t_s");
        double[] stim = run.trace().column("plasma.I_stim_uA_cm2");
        double[] pump = run.trace().column("plasma.I_pump_uA_cm2");
        for (int i = 0; i < t.length; i++) {
            // on [start, start + duration); a row at an edge shows the value after it (row k at k * 0.1 ms)
            boolean on = i >= 10 && i < 15;
            assertThat(stim[i]).as("I_stim at row %d", i).isEqualTo(on ? 20.0 : 0.0);
            // constant pumps (km 0): Na/K 0.4 (one charge out per cycle) + PMCA 0.1 (two charges per Ca)
            assertThat(pump[i]).as("I_pump at row %d", i).isCloseTo(0.5,
                    org.assertj.core.api.Assertions.within(1e-15));
        }
    }
}
