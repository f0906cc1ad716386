package org.ionflux.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every unit of the docs/scenario-format.md table converts to SI. */
class QuantitiesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1 M; CONCENTRATION; 1000", "13 mM; CONCENTRATION; 13", "5 uM; CONCENTRATION; 5e-3",
        "5 µM; CONCENTRATION; 5e-3", "7 nM; CONCENTRATION; 7e-6", "13; CONCENTRATION; 13",
        "1 L; VOLUME; 1e-3", "1 mL; VOLUME; 1e-6", "1 uL; VOLUME; 1e-9", "1 nL; VOLUME; 1e-12",
        "2 pL; VOLUME; 2e-15", "3 fL; VOLUME; 3e-18", "4 um^3; VOLUME; 4e-18", "4 µm³; VOLUME; 4e-18",
        "2; VOLUME; 2e-15",
        "1 cm^2; AREA; 1e-4", "1 mm^2; AREA; 1e-6", "1000 um^2; AREA; 1e-9", "1000 µm²; AREA; 1e-9",
        "1 S/cm^2; CONDUCTANCE_DENSITY; 1e4", "0.05 mS/cm^2; CONDUCTANCE_DENSITY; 0.5",
        "3 uS/cm^2; CONDUCTANCE_DENSITY; 0.03", "2 pS/um^2; CONDUCTANCE_DENSITY; 2", "0.05; CONDUCTANCE_DENSITY; 0.5",
        "1e-7 cm/s; PERMEABILITY; 1e-9", "2 um/s; PERMEABILITY; 2e-6", "3 m/s; PERMEABILITY; 3",
        "1 F/cm^2; CAPACITANCE_DENSITY; 1e4", "1 uF/cm^2; CAPACITANCE_DENSITY; 0.01", "2 F/m^2; CAPACITANCE_DENSITY; 2",
        "-0.07 V; POTENTIAL; -0.07", "-70 mV; POTENTIAL; -0.07", "500 uV; POTENTIAL; 5e-4", "-70; POTENTIAL; -0.07",
        "1 A/cm^2; CURRENT_DENSITY; 1e4", "1 mA/cm^2; CURRENT_DENSITY; 10", "20 uA/cm^2; CURRENT_DENSITY; 0.2",
        "1e-12 mol/(cm^2 s); TRANSPORTER_RATE; 1e-8", "1 nmol/(cm^2 s); TRANSPORTER_RATE; 1e-5",
        "1 pmol/(cm^2 s); TRANSPORTER_RATE; 1e-8",
        "600 s; TIME; 600", "1 ms; TIME; 1e-3", "5 us; TIME; 5e-6", "2 min; TIME; 120", "1 h; TIME; 3600",
        "20 degC; TEMPERATURE; 293.15", "20 °C; TEMPERATURE; 293.15", "300 K; TEMPERATURE; 300",
        "1e-8; CONCENTRATION; 1e-8", "  1.5e+2   mM ; CONCENTRATION; 150",
        "140 mol/m^3; CONCENTRATION; 140", "2e-15 m^3; VOLUME; 2e-15", "1e-9 m^2; AREA; 1e-9",
        "0.5 S/m^2; CONDUCTANCE_DENSITY; 0.5", "0.2 A/m^2; CURRENT_DENSITY; 0.2",
        "1e-8 mol/(m^2 s); TRANSPORTER_RATE; 1e-8"})
    void convertsToSi(String text, Dimension dimension, double si) {
        assertThat(Quantities.parse(text, dimension)).isCloseTo(si, within(1e-12 * Math.abs(si)));
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void anSiValueWrittenWithItsSiUnitReadsBackExactly(Dimension dimension) {
        for (double si : new double[] {2e-15, 1.0 / 3.0, 0.1, -0.0654321, 6.02214076e23, 293.15, Math.PI * 1e-9}) {
            assertThat(Quantities.parse(si + " " + dimension.siUnit(), dimension)).isEqualTo(si);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "5 mV; VOLUME; is a potential, but a volume is expected",
        "5 parsecs; VOLUME; unknown unit 'parsecs'",
        "lots; CONCENTRATION; is not a concentration",
        "5 mM mM; CONCENTRATION; unknown unit"})
    void explainsWhatIsWrong(String text, Dimension dimension, String message) {
        assertThatThrownBy(() -> Quantities.parse(text, dimension)).hasMessageContaining(message);
    }
}
