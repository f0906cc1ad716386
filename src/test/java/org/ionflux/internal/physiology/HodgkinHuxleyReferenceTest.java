package org.ionflux.internal.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.HodgkinHuxleyPatch;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The action potential of the HH patch against an independent solution of the same equations (scipy's Radau at
 * rtol 1e-11, {@code src/test/resources/reference/hh_ref.py}), at 6.3 degC (phi = 1) and 18.5 degC (phi = 3.8), so
 * that the rates, their temperature factor, the gates' initial state and the stimulus all take part.
 */
class HodgkinHuxleyReferenceTest {

    /**
     * Peak and crossing agreement. The reference keeps E_Na and E_K fixed; here the 125 pL axon's Na and K move by
     * ~0.3 uM per spike, shifting E_Na by ~1e-4 mV; the rest is solver error at rtol 1e-9 (~1e-6 mV).
     */
    static final double PEAK_MV = 2e-3;
    static final double TIME_MS = 1e-4;

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/reference/hh-scipy.csv"));
        return lines.stream().filter(l -> !l.startsWith("#") && !l.startsWith("temperature"))
                .map(l -> Arguments.of((Object) l.split(",")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void spikeMatchesTheIndependentSolution(String[] row) {
        double celsius = Double.parseDouble(row[0]);
        double amplitude = Double.parseDouble(row[1]);
        double peakTimeMs = Double.parseDouble(row[2]);
        double peakMv = Double.parseDouble(row[3]);
        double crossingMs = Double.parseDouble(row[4]);
        String yaml = HodgkinHuxleyPatch.scenario("stimuli: [{membrane: axolemma, start: 5 ms, duration: 0.5 ms, "
                + "amplitude: " + amplitude + " uA/cm^2}]", "simulation: {duration: 30 ms, output_interval: 0.001 ms, "
                + "record: [\"axolemma.V_mV\"]}").replace("temperature: 6.3 degC", "temperature: " + celsius + " degC");
        Model model = Scenarios.yaml(yaml);
        for (SolverKind kind : List.of(SolverKind.ROSENBROCK, SolverKind.DORMAND_PRINCE_853)) {
            Scenarios.Run run = Scenarios.run(model.withSettings(model.settings().withSolver(kind, 1e-9, 1e-10)));
            assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
            double[] t = run.trace().column("t_s");
            double[] v = run.trace().column("axolemma.V_mV");
            List<double[]> spikes = HodgkinHuxleyPatch.spikes(t, v);
            assertThat(spikes).as("%s at %s degC", kind.key(), celsius).hasSize(1);
            assertThat(spikes.get(0)[0] * 1e3).as("crossing, %s", kind.key()).isCloseTo(crossingMs, within(TIME_MS));
            assertThat(spikes.get(0)[1]).as("peak, %s", kind.key()).isCloseTo(peakMv, within(PEAK_MV));
            int top = 0;
            for (int i = 1; i < v.length; i++) {
                top = v[i] > v[top] ? i : top;
            }
            // the row nearest the peak is within 1 us of it
            assertThat(t[top] * 1e3).isCloseTo(peakTimeMs, within(1e-3));
        }
    }
}
