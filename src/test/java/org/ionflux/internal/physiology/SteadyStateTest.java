package org.ionflux.internal.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** {@code simulation.stop_at_steady_state}: the run ends once nothing changes, at the closed-form state. */
class SteadyStateTest {

    @Test
    void pumpLeakCellStopsAtItsSteadyState() throws Exception {
        String yaml = Files.readString(Path.of("scenarios/pump-leak-cell.yaml"))
                .replace("  - {at: 1200 s, set: {\"membranes.plasma.pumps[0].max_current\": 0}}\n", "")
                .replace("events:\n", "").replace("duration: 2400 s", "duration: 100000 s")
                .replace("output_interval: 1 s", "output_interval: 10 s")
                .replace("  rtol: 1e-8", "  stop_at_steady_state: true\n  rtol: 1e-8");
        Model model = Scenarios.yaml(yaml);
        assertThat(model.settings().stopAtSteadyState()).isTrue();
        Scenarios.Run run = Scenarios.run(model);
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        double stop = run.result().steadyStateAtS();
        // the slowest relaxation (Na, tau ~ 100 s) takes ~14 tau to fall below 1e-6 per second of |y|
        assertThat(stop).isBetween(500.0, 100000.0 / 4);
        double[] t = run.trace().column("t_s");
        assertThat(t[t.length - 1]).isEqualTo(stop);
        assertThat(t[t.length - 2]).isLessThan(stop);
        double[] expected = PhysiologyTest.closedFormPumpLeak(model);
        double v = run.trace().column("plasma.V_mV")[t.length - 1];
        // within 1e-6 per second of rate, the remaining distance to the steady state is ~1e-4 relative
        assertThat(v).isCloseTo(expected[0] * 1e3, within(2e-4 * Math.abs(expected[0] * 1e3)));
    }

    @Test
    void aRunThatNeverSettlesRunsToTheEnd() {
        Model model = Scenarios.shipped("pump-leak-cell");
        model = model.withSettings(model.settings().withStopAtSteadyState(true));
        Scenarios.Run run = Scenarios.run(model);
        // it settles before the pump block at 1200 s, but a run never stops while a jump is still scheduled;
        // after the block it keeps swelling: no steady state before 2400 s
        assertThat(run.result().steadyStateAtS()).isNaN();
        double[] t = run.trace().column("t_s");
        assertThat(t[t.length - 1]).isEqualTo(2400.0);
        assertThat(SimulationSettings.STEADY_STATE_RATE_PER_S).isEqualTo(1e-6);
    }
}
