package org.ionflux.internal.physiology;

import static org.assertj.core.api.Assertions.assertThat;

import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.HodgkinHuxleyPatch;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Hodgkin-Huxley patch (1952 parameters, 6.3 degC) with tracked Na and K: rest, threshold, one spike. */
class HodgkinHuxleyTest {

    /** The shared 1952 patch: large axon, small area, so the concentrations barely move. */
    private static final String SIMULATION =
            "simulation: {duration: 60 ms, output_interval: 0.01 ms, rtol: 1e-8, atol: 1e-9}";

    private static Scenarios.Run patch(String stimuli) {
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(HodgkinHuxleyPatch.scenario(stimuli, SIMULATION)));
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        return run;
    }

    private static int upwardCrossings(double[] v, double level) {
        int n = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < level && v[i] >= level) {
                n++;
            }
        }
        return n;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void restingStateIsStableWithoutStimulus() {
        Scenarios.Run run = patch("");
        double[] v = run.trace().column("axolemma.V_mV");
        double[] t = run.trace().column("t_s");
        // gates start at steady state at -65 mV and the 1952 leak reversal makes -65 mV the rest: V stays there
        for (int i = 0; i < v.length; i++) {
            assertThat(v[i]).as("V at %s s", t[i]).isBetween(-65.5, -64.5);
        }
        assertThat(run.trace().column("axolemma.Na_m")[0]).isBetween(0.05, 0.055);
        assertThat(run.result().maxRelativeChargeError()).isLessThan(1e-9);
    }

    @ParameterizedTest
    @CsvSource({"20, 0.5", "10, 1", "40, 0.3"})
    void suprathresholdPulseFiresExactlyOneSpikePeakingNearPlus40(double amplitude, double durationMs) {
        Scenarios.Run run = patch("stimuli: [{membrane: axolemma, start: 5 ms, duration: " + durationMs
                + " ms, amplitude: " + amplitude + " uA/cm^2}]");
        double[] v = run.trace().column("axolemma.V_mV");
        assertThat(upwardCrossings(v, 0)).isEqualTo(1);
        assertThat(max(v)).isBetween(30.0, 50.0);
        // the leak and the stimulus are external charge: the invariant accounts for them
        assertThat(run.result().maxRelativeChargeError()).isLessThan(1e-9);
        assertThat(run.result().maxRelativeMassError()).isLessThan(1e-9);
    }

    @ParameterizedTest
    @CsvSource({"2, 0.5", "-20, 0.5", "1, 1"})
    void subthresholdPulseFiresNoSpike(double amplitude, double durationMs) {
        Scenarios.Run run = patch("stimuli: [{membrane: axolemma, start: 5 ms, duration: " + durationMs
                + " ms, amplitude: " + amplitude + " uA/cm^2}]");
        double[] v = run.trace().column("axolemma.V_mV");
        assertThat(upwardCrossings(v, -40)).isZero();
        assertThat(max(v)).isLessThan(-55.0);
    }

    @Test
    void shippedSpikeTrainFiresOnEveryPulseAndAccumulatesPotassium() {
        Scenarios.Run run = Scenarios.run(Scenarios.shipped("hh-squid-axon"));
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        double[] v = run.trace().column("axolemma.V_mV");
        double[] k = run.trace().column("space.K_mM");
        assertThat(upwardCrossings(v, 0)).isEqualTo(10);
        assertThat(max(v)).isBetween(30.0, 50.0);
        // periaxonal K rises over the train (Frankenhaeuser & Hodgkin 1956)
        assertThat(max(k)).isGreaterThan(k[0] + 5);
        assertThat(run.result().maxRelativeMassError()).isLessThan(1e-9);
    }
}
