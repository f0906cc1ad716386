package org.ionflux.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
