package org.ionflux.internal.workflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ionflux.internal.scenario.CheckSection;
import org.junit.jupiter.api.Test;

/** Default tolerances by unit (WORKFLOWS.md section 2) and the scenario's patterns: the first match wins. */
class TolerancesTest {

    @Test
    void defaultsFollowTheUnitOfTheColumn() {
        Tolerances t = Tolerances.DEFAULT;
        assertThat(t.rtol()).isEqualTo(1e-5);
        assertThat(t.atol("plasma.V_mV")).isEqualTo(1e-3);
        assertThat(t.atol("plasma.E_Cl_mV")).isEqualTo(1e-3);
        assertThat(t.atol("cell.K_mM")).isEqualTo(1e-6);
        assertThat(t.atol("cell.volume_pL")).isEqualTo(1e-9);
        assertThat(t.atol("plasma.I_K_uA_cm2")).isEqualTo(1e-6);
        assertThat(t.atol("plasma.I_leak_uA_cm2")).isEqualTo(1e-6);
        assertThat(t.atol("plasma.J_K_fmol_s")).isEqualTo(1e-6);
        assertThat(t.atol("axon.Na_m")).isEqualTo(1e-6);
        assertThat(t.atol("axon.K_n")).isEqualTo(1e-6);
    }

    @Test
    void theFirstMatchingPatternWinsOverLaterOnesAndOverTheUnitDefault() {
        Tolerances t = Tolerances.of(new CheckSection(Double.NaN, List.of(
                new CheckSection.PatternTolerance("*.V_mV", 0.01),
                new CheckSection.PatternTolerance("cell.*", 1e-5),
                new CheckSection.PatternTolerance("cell.K_mM", 0.5),
                new CheckSection.PatternTolerance("axon.??_?", 0.2))));
        assertThat(t.rtol()).isEqualTo(Tolerances.DEFAULT_RTOL);
        assertThat(t.atol("plasma.V_mV")).isEqualTo(0.01);
        assertThat(t.atol("cell.K_mM")).isEqualTo(1e-5);          // cell.* comes first
        assertThat(t.atol("cell.volume_pL")).isEqualTo(1e-5);
        assertThat(t.atol("axon.Na_m")).isEqualTo(0.2);
        assertThat(t.atol("axon.K_n")).isEqualTo(1e-6);           // ? is exactly one character
        assertThat(t.atol("bath.K_mM")).isEqualTo(1e-6);          // no pattern: the unit's default
        assertThat(t.atol("plasma.E_K_mV")).isEqualTo(1e-3);      // *.V_mV is V only
        assertThat(t.atol("xcell.K_mM")).isEqualTo(1e-6);         // a pattern matches the whole name
    }

    @Test
    void rtolReplacesTheDefault() {
        assertThat(Tolerances.of(new CheckSection(1e-3, List.of())).rtol()).isEqualTo(1e-3);
    }
}
