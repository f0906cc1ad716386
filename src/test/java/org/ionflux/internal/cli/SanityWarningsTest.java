package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Physical sanity warnings: printed on stderr by run, validate and explain; the exit code is unchanged. */
class SanityWarningsTest {

    @TempDir
    Path tmp;

    /** A dynamic cell with K 140 mM and Cl 10 mM and nothing else: +130 mM of net charge. */
    private static final String UNBALANCED = """
            name: unbalanced
            ions: {K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140 mM, Cl: 10 mM}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5 mM, Cl: 5 mM}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: dynamic, initial: -70 mV}
                channels:
                  - {ion: K, permeability: 1e-7 cm/s}
            simulation: {duration: 1 s, output_interval: 0.5 s}
            """;

    /** Q = F Vol sum(z c) = 96485.33212 * 1e-15 m^3 * 130 mol/m^3; C_m A = 0.01 F/m^2 * 1e-9 m^2. */
    private static final double EXPECTED_MV = 96485.33212 * 1e-15 * 130 / (0.01 * 1e-9) * 1e3;

    @Test
    void aCellThatIsNotElectroneutralIsReportedByEveryCommandWithoutFailingIt() throws Exception {
        Path file = tmp.resolve("unbalanced.yaml");
        Files.writeString(file, UNBALANCED);
        String expected = String.format(java.util.Locale.ROOT, "%.4g mV", EXPECTED_MV);
        assertThat(expected).isEqualTo("1.254e+06 mV");
        for (String command : new String[] {"validate", "explain", "run"}) {
            BadInputTest.Result r = command.equals("run")
                    ? BadInputTest.cli("run", file.toString(), "--out", tmp.resolve("out").toString())
                    : BadInputTest.cli(command, file.toString());
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
            assertThat(r.err()).as(command).contains("unbalanced.yaml:4:3: compartments.cell: warning: 'cell' is not "
                    + "electroneutral at the start: its net charge sum(z c) is +130.0 mM")
                    .contains("which would put " + expected + " across membrane 'plasma' (Q / (C_m A))");
        }
        assertThat(tmp.resolve("out").resolve("summary.json")).isRegularFile();
    }

    @Test
    void neutralOrClampedCompartmentsAreNotReported() {
        // donnan: dynamic and neutral (K 140 = Cl 40 + A 100); seed: not neutral but clamped at -70 mV
        for (String shipped : new String[] {"scenarios/donnan.yaml", "scenarios/seed-chloride.yaml"}) {
            BadInputTest.Result r = BadInputTest.cli("validate", shipped);
            assertThat(r.code()).isZero();
            assertThat(r.err()).as(shipped).isEmpty();
        }
    }

    @Test
    void theChargeThatTheInitialPotentialHoldsIsNoImbalanceWorthAWarning() throws Exception {
        // -70 mV on 1000 um^2 at 1 uF/cm^2 holds 7e-13 C: 0.0073 mM in 1 pL, far below the warning's 100 mV
        Path file = tmp.resolve("nearly.yaml");
        Files.writeString(file, UNBALANCED.replace("Cl: 10 mM}}\n  bath", "Cl: 140.0073 mM}}\n  bath"));
        BadInputTest.Result r = BadInputTest.cli("validate", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
    }

    /** A clamped cell (Cl leaves at -70 mV); the tests below push one value out of physiology each. */
    private static final String CLAMPED = """
            name: absurd
            temperature: 20 degC
            ions: {K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140 mM, Cl: 13 mM}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5 mM, Cl: 130 mM}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, value: -70 mV}
                channels: [{ion: Cl, conductance: 0.05 mS/cm^2}]
            simulation: {duration: 1 s, output_interval: 0.5 s}
            """;

    private BadInputTest.Result validate(String text) throws Exception {
        Path file = tmp.resolve("absurd.yaml");
        Files.writeString(file, text);
        BadInputTest.Result r = BadInputTest.cli("validate", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("absurd.yaml: valid");
        return r;
    }

    @Test
    void aClampFarOutsidePhysiologyIsReportedWithItsValueAndTheUsualRange() throws Exception {
        assertThat(validate(CLAMPED.replace("value: -70 mV", "value: 100 V")).err())
                .contains("absurd.yaml:12:30: membranes.plasma.potential.value: warning: a clamp at 1.000e+05 mV is "
                        + "far outside physiology (membrane potentials stay within about -150 to +100 mV")
                .contains("we warn above |V| = 500 mV");
        String steps = validate(CLAMPED.replace("{mode: clamp, value: -70 mV}",
                "{mode: clamp, steps: [{at: 0 s, value: -70 mV}, {at: 0.5 s, value: -600 mV}]}")).err();
        assertThat(steps).contains("membranes.plasma.potential.steps[1].value: warning: a clamp at -600.0 mV")
                .doesNotContain("steps[0]");
        String event = validate(CLAMPED.replace("simulation:",
                "events: [{at: 0.5 s, set: {membranes.plasma.potential.value: 2 V}}]\nsimulation:")).err();
        assertThat(event).contains("events[0].set.membranes.plasma.potential.value: warning: a clamp at 2000 mV");
        assertThat(validate(CLAMPED.replace("value: -70 mV", "value: -500 mV")).err()).isEmpty();
    }

    @Test
    void aStimulusFarOutsidePhysiologyIsReported() throws Exception {
        String text = UNBALANCED.replace("Cl: 10 mM}}", "Cl: 140 mM}}").replace("name: unbalanced", "name: absurd")
                .replace("simulation:", "stimuli: [{membrane: plasma, start: 0.1 s, duration: 1 ms, "
                        + "amplitude: 1e6 uA/cm^2}]\nsimulation:");
        assertThat(validate(text).err()).contains("stimuli[0].amplitude: warning: a stimulus of 1.000e+06 uA/cm^2 is "
                + "far outside physiology (stimuli that fire a neuron are 1 to 100 uA/cm^2; we warn above 1e4)");
        assertThat(validate(text.replace("1e6 uA/cm^2", "-2 A/cm^2")).err()).contains("a stimulus of -2.000e+06");
        assertThat(validate(text.replace("1e6 uA/cm^2", "1e4 uA/cm^2")).err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"60 degC, 60.00 degC (333.2 K)", "-5 degC, -5.000 degC (268.2 K)", "37, ''", "310 K, ''",
            "0 degC, ''", "50 degC, ''", "98.6, 98.60 degC (371.8 K)"})
    void aTemperatureOutsideZeroToFiftyDegreesIsReported(String temperature, String shown) throws Exception {
        String err = validate(CLAMPED.replace("temperature: 20 degC", "temperature: " + temperature)).err();
        if (shown.isEmpty()) {
            assertThat(err).isEmpty();
        } else {
            assertThat(err).contains("absurd.yaml:2:1: temperature: warning: the temperature " + shown
                    + " is outside the usual range of living tissue, 0 to 50 degC");
        }
    }

    @Test
    void runPrintsTheWarningsAndStillRuns() throws Exception {
        Path file = tmp.resolve("absurd.yaml");
        Files.writeString(file, CLAMPED.replace("value: -70 mV", "value: 100 V"));
        BadInputTest.Result r = BadInputTest.cli("run", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: a clamp at 1.000e+05 mV");
        assertThat(tmp.resolve("out").resolve("trace.csv")).isRegularFile();
    }
}
