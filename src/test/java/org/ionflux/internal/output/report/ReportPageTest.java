package org.ionflux.internal.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's pieces: numbers, escaping, units, and the caps that keep a huge model's page readable. */
class ReportPageTest {

    @Test
    void numbersHaveSixSignificantDigitsWithoutTrailingZeros() {
        assertThat(ReportPage.number(140.0)).isEqualTo("140");
        assertThat(ReportPage.number(-58.167242530166895)).isEqualTo("-58.1672");
        assertThat(ReportPage.number(3.2185542e-14)).isEqualTo("3.21855e-14");
        assertThat(ReportPage.number(0.0001234567)).isEqualTo("0.000123457");
        assertThat(ReportPage.number(2.5e12)).isEqualTo("2.5e12");
        assertThat(ReportPage.number(0)).isEqualTo("0");
        assertThat(ReportPage.number(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void textIsEscapedAndControlCharactersDropped() {
        assertThat(ReportPage.escape("<a href='x'>&\"</a>\u0007\ttab"))
                .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\ttab");
    }

    @Test
    void unitsComeFromTheColumnNames() {
        assertThat(ReportPage.unit("cell.K_mM")).isEqualTo("mM");
        assertThat(ReportPage.unit("plasma.I_leak_uA_cm2")).isEqualTo("\u00b5A/cm\u00b2");
        assertThat(ReportPage.unit("plasma.J_K_fmol_s")).isEqualTo("fmol/s");
        assertThat(ReportPage.unit("cell.volume_pL")).isEqualTo("pL");
        assertThat(ReportPage.unit("axon.Na_m")).isEqualTo("1");
    }

    @Test
    void aSummaryWithThousandsOfColumnsShowsTheFirstThousand() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = json.createObjectNode().put("scenario", "wide").put("status", "completed");
        summary.putObject("solver").put("name", "rosenbrock");
        ObjectNode last = summary.putObject("final");
        for (int i = 0; i < 1500; i++) {
            last.put("c" + i + ".K_mM", i);
        }
        String html = ReportPage.render(new ReportPage.Content("wide", summary, "", null, "no scenario", List.of(),
                null, "", false, "dev"));
        assertThat(html.split("_mM</th>").length - 1).isEqualTo(ReportPage.MAX_FINAL_ROWS);
        assertThat(html).contains("The first 1000 of 1500 columns");
    }
}
