package org.ionflux.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code record} and {@code plot} patterns: the column names the reader checks them against, and the checks. */
class ColumnPatternsTest {

    /** A cell with a stimulus, both pump kinds, a leak, water and HH gates: every kind of column. */
    private static final String EVERY_COLUMN = """
            name: every-column
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
                water_permeability: 1e-3 cm/s
                channels:
                  - {leak: true, conductance: 0.1 mS/cm^2, reversal: -70 mV}
                  - {ion: Na, conductance: 1 mS/cm^2, gating: hh-na}
                  - {ion: K, conductance: 1 mS/cm^2, gating: hh-k}
                pumps:
                  - {type: na-k-atpase, max_current: 0.4 uA/cm^2, km_na: 0, km_k: 0}
                  - {type: pmca, max_current: 0.1 uA/cm^2, km: 0}
            stimuli:
              - {membrane: plasma, start: 1 ms, duration: 0.5 ms, amplitude: 20 uA/cm^2}
            simulation: {duration: 3 ms, output_interval: 0.1 ms}
            """;

    private static List<String> engineColumns(Model model) {
        return new TraceColumns(new IonFluxSystem(model), List.of()).columns().stream()
                .map(TraceColumns.Column::name).toList();
    }

    @Test
    void theReaderKnowsTheColumnsTheEngineWrites() throws IOException {
        for (Path file : Scenarios.allShippedAndTest()) {
            Model model = Scenarios.load(file);
            assertThat(TraceColumnNames.of(model)).as(file.toString()).isEqualTo(engineColumns(model));
        }
        Model every = Scenarios.yaml(EVERY_COLUMN);
        assertThat(TraceColumnNames.of(every)).isEqualTo(engineColumns(every))
                .contains("cell.volume_pL", "plasma.I_leak_uA_cm2", "plasma.I_pump_uA_cm2", "plasma.I_stim_uA_cm2",
                        "plasma.Na_m", "plasma.Na_h", "plasma.K_n");
    }

    private static String problems(String text) {
        try {
            ScenarioReader.parse(text, true, "p.yaml");
            return "";
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    private static String withSimulation(String extra) {
        return EVERY_COLUMN.replace("output_interval: 0.1 ms}", "output_interval: 0.1 ms, " + extra + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cell.*", "*.V_mV", "t_s", "plasma.?_*", "*", "cell.??_mM"})
    void wellFormedPatternsThatMatchAreAccepted(String pattern) {
        assertThat(problems(withSimulation("record: [\"" + pattern + "\"], plot: [\"" + pattern + "\"]")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[unclosed", "cell.[KN]a_mM", "cell.{K,Na}_mM", "cell.K_mM ", "!cell.*", "cell\\\\.K",
            "cell.K-mM"})
    void aCharacterThatNoColumnNameHoldsMakesAPatternMalformed(String pattern) {
        String message = problems(withSimulation("record: [\"plasma.V_mV\", \"" + pattern + "\"]"));
        assertThat(message).contains("simulation.record[1]: malformed pattern '" + pattern.replace("\\\\", "\\")
                + "'").contains("cannot be part of a column name").contains("* for any run of characters");
    }

    @Test
    void anEmptyPatternIsRefused() {
        // the tree reads an empty string as no value at all
        assertThat(problems(withSimulation("plot: [\"\"]"))).contains("simulation.plot[0]: expected a text "
                + "pattern, found nothing");
        assertThat(ColumnPatterns.malformation("")).isEqualTo("an empty pattern matches no column");
    }

    @Test
    void aPatternThatMatchesNothingNamesItselfAndListsTheColumns() {
        String message = problems(withSimulation("record: [\"plasma.V_mV\", \"cell.K_mm\"]"));
        assertThat(message).contains("p.yaml:").contains("simulation.record[1]: the pattern 'cell.K_mm' matches no "
                + "column (did you mean 'cell.K_mM'?); the columns of this model are: t_s, plasma.V_mV, cell.Na_mM");
        assertThat(problems(withSimulation("record: [\"*.V_mv\"]"))).contains("matches no column;")
                .doesNotContain("did you mean");
    }

    @Test
    void aPlotPatternMustMatchARecordedColumn() {
        String message = problems(withSimulation("record: [\"cell.*\"], plot: [\"plasma.V_mV\"]"));
        assertThat(message).contains("simulation.plot[0]: the pattern 'plasma.V_mV' matches no recorded column (the "
                + "columns it names are left out by simulation.record: record them to plot them); the recorded "
                + "columns are: t_s, cell.Na_mM");
        assertThat(problems(withSimulation("plot: [\"cell.Ca\"]"))).contains("simulation.plot[0]: the pattern "
                + "'cell.Ca' matches no recorded column (did you mean 'cell.Ca_mM'?)");
    }

    @Test
    void longColumnListsAreCut() {
        StringBuilder ions = new StringBuilder("{");
        for (int i = 0; i < 60; i++) {
            ions.append(i == 0 ? "" : ", ").append("X").append(i).append(": {charge: 0}");
        }
        String text = """
                name: wide
                ions: IONS
                compartments: {cell: {volume: 1 pL}}
                membranes: {}
                simulation: {duration: 1 s, output_interval: 1 s, record: [nothing]}
                """.replace("IONS", ions + "}");
        assertThatThrownBy(() -> ScenarioReader.parse(text, true, "w.yaml")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cell.X38_mM, ... (61 columns in all)");
    }
}
