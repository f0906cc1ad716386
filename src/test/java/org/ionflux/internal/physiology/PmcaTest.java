package org.ionflux.internal.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ionflux.ScenarioException;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.scenario.ScenarioReader;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * The plasma-membrane Ca-ATPase (docs/physics.md sections 6 and 7) in a running model: with {@code km = 0} it is a constant pump
 * and the cell's Ca falls linearly at {@code I_max A / (2 F)}; a PMCA needs an ion named Ca of charge 2. (Its
 * Jacobian and conservation are checked with every shipped scenario, calcium-clearance among them, and the
 * all-mechanisms test scenario, which has a PMCA with a Hill coefficient of 2.)
 */
class PmcaTest {

    private static String cell(String ions, String pump) {
        return """
                name: pmca-constant
                temperature: 37 degC
                ions:
                %s
                compartments:
                  cell: {volume: 1 pL, concentrations: {Ca: 10 uM}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {Ca: 2 mM}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 1000 um^2
                    potential: {mode: clamp, value: -70 mV}
                    pumps:
                      - %s
                simulation:
                  duration: 10 s
                  output_interval: 1 s
                  rtol: 1e-10
                  atol: 1e-12
                """.formatted(ions, pump);
    }

    @Test
    void aConstantPumpEmptiesTheCellLinearly() {
        Scenarios.Run run = Scenarios.run(Scenarios.yaml(cell("  Ca: {charge: 2}",
                "{type: pmca, max_current: 0.01 uA/cm^2, km: 0}")));
        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        // dn/dt = -I A / (2 F): 1e-4 A/m^2 on 1e-9 m^2 from 1e-15 m^3, in mol/m^3 = mM per second
        double slopeMmPerS = 1e-4 * 1e-9 / (2 * Constants.FARADAY_C_PER_MOL) / 1e-15;
        double[] t = run.trace().column("t_s");
        double[] ca = run.trace().column("cell.Ca_mM");
        double[] flux = run.trace().column("plasma.J_Ca_fmol_s");
        double fluxFmolPerS = 1e-4 * 1e-9 / (2 * Constants.FARADAY_C_PER_MOL) * 1e15;
        for (int i = 0; i < t.length; i++) {
            // every integrator is exact on a constant rate: only rounding (1e-12 of the 1e-2 mM start) remains
            assertThat(ca[i]).as("Ca at %s s", t[i]).isCloseTo(1e-2 - slopeMmPerS * t[i],
                    org.assertj.core.api.Assertions.within(1e-14));
            // the pump's flux: outward, I_max A / (2 F)
            assertThat(flux[i]).isCloseTo(fluxFmolPerS, org.assertj.core.api.Assertions.within(1e-15));
        }
        // the cell holds 4.8 uM at the end: the pump has not run dry
        assertThat(ca[ca.length - 1]).isBetween(4e-3, 6e-3);
    }

    @Test
    void aPmcaNeedsCalciumOfChargeTwo() {
        assertThatThrownBy(() -> ScenarioReader.parse(cell("  K: {charge: 1}",
                "{type: pmca, max_current: 0.01 uA/cm^2, km: 0.2 uM}"), true, "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("membranes.plasma.pumps[0]").hasMessageContaining("'Ca'");
        assertThatThrownBy(() -> ScenarioReader.parse(cell("  Ca: {charge: 1}",
                "{type: pmca, max_current: 0.01 uA/cm^2, km: 0.2 uM}"), true, "t.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("membranes.plasma.pumps[0]").hasMessageContaining("charge 2");
    }

    @Test
    void aHillCoefficientBelowOneIsRefused() {
        assertThatThrownBy(() -> ScenarioReader.parse(cell("  Ca: {charge: 2}",
                "{type: pmca, max_current: 0.01 uA/cm^2, km: 0.2 uM, hill: 0.5}"), true, "t.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("membranes.plasma.pumps[0].hill");
    }
}
