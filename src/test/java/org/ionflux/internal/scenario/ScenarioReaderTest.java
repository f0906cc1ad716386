package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenarios: YAML and JSON give the same model; problems name the field and line. */
class ScenarioReaderTest {

    @TempDir
    Path tmp;

    private static final String SEED_JSON = """
            {"name": "seed-chloride", "temperature": "20 degC",
             "ions": {"Cl": {"charge": -1}, "K": {"charge": 1}},
             "compartments": {
               "cell": {"volume": "2 pL", "concentrations": {"Cl": "13 mM", "K": "140 mM"}},
               "bath": {"volume": "1 mL", "clamped": true, "concentrations": {"Cl": 130, "K": 5}}},
             "membranes": {"plasma": {"inside": "cell", "outside": "bath", "area": "1000 um^2",
               "capacitance": "1 uF/cm^2", "potential": {"mode": "clamp", "value": "-70 mV"},
               "channels": [{"ion": "Cl", "conductance": "0.05 mS/cm^2"}, {"ion": "K", "permeability": 1e-7}]}},
             "simulation": {"duration": "600 s", "output_interval": 1, "solver": "dormand-prince-853",
               "rtol": 1e-8, "atol": 1e-12}}
            """;

    @Test
    void yamlAndJsonGiveTheSameModel() throws Exception {
        Model yaml = ScenarioReader.read(Path.of("scenarios/seed-chloride.yaml")).model();
        Model json = ScenarioReader.parse(SEED_JSON, false, "seed.json");
        assertThat(json.species()).isEqualTo(yaml.species());
        assertThat(json.compartments()).isEqualTo(yaml.compartments());
        assertThat(json.membranes()).isEqualTo(yaml.membranes());
        assertThat(json.settings()).isEqualTo(yaml.settings());
        assertThat(json.temperatureK()).isEqualTo(yaml.temperatureK());
    }

    @Test
    void valuesAreSi() throws Exception {
        Model m = ScenarioReader.read(Path.of("scenarios/seed-chloride.yaml")).model();
        assertThat(m.temperatureK()).isCloseTo(293.15, within(1e-12));
        assertThat(m.compartments().get(0).volumeM3()).isCloseTo(2e-15, within(1e-27));
        assertThat(m.membranes().get(0).areaM2()).isCloseTo(1e-9, within(1e-21));
        assertThat(m.membranes().get(0).capacitanceFPerM2()).isCloseTo(0.01, within(1e-15));
        assertThat(m.membranes().get(0).potential()).isEqualTo(PotentialProtocol.Clamp.constant(-0.070));
        assertThat(((Channel.Ohmic) m.membranes().get(0).channels().get(0)).conductanceSPerM2())
                .isCloseTo(0.5, within(1e-15));
        assertThat(((Channel.Ghk) m.membranes().get(0).channels().get(1)).permeabilityMPerS())
                .isCloseTo(1e-9, within(1e-22));
        assertThat(m.settings().solver()).isEqualTo(SolverKind.DORMAND_PRINCE_853);
    }

    @Test
    void defaultsAndEmptyKeys() throws Exception {
        Model m = ScenarioReader.parse("""
                name: d
                ions: {K: {charge: 1}}
                compartments:
                  cell: {volume: 1, concentrations: {K: 100}}
                  bath: {volume: 1 mL, clamped: true, concentrations: {K: 5}}
                membranes:
                  plasma:
                    inside: cell
                    outside: bath
                    area: 100
                    potential: {mode: dynamic, initial: -60 mV}
                    channels:
                      - {ion: K, conductance: 0.1}
                    pumps:
                    transporters:
                stimuli:
                events:
                simulation: {duration: 1, output_interval: 0.1}
                """, true, "d.yaml");
        assertThat(m.temperatureK()).isCloseTo(310.15, within(1e-12));
        assertThat(m.membranes().get(0).capacitanceFPerM2()).isEqualTo(0.01);
        assertThat(m.settings().relativeTolerance()).isEqualTo(1e-6);
        assertThat(m.settings().absoluteTolerance()).isEqualTo(1e-9);
        assertThat(m.settings().solver()).isEqualTo(SolverKind.DEFAULT);
    }

    private static ScenarioException problems(String yaml) {
        try {
            ScenarioReader.parse(yaml, true, "bad.yaml");
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected problems in\n" + yaml);
    }

    private static final String GOOD = """
            name: good
            ions: {K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140, Cl: 10}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5, Cl: 120}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, value: -70 mV}
                channels:
                  - {ion: K, conductance: 0.1 mS/cm^2}
                  - {ion: Cl, conductance: 0.1 mS/cm^2}
            simulation: {duration: 10 s, output_interval: 1 s}
            """;

    @Test
    void unknownKeyIsNamedWithItsPathLineAndASuggestion() {
        ScenarioException e = problems(GOOD.replace("{ion: Cl, conductance", "{ion: Cl, conductanse"));
        assertThat(e.problems()).hasSize(1);
        Problem unknown = e.problems().get(0);
        assertThat(unknown.path()).isEqualTo("membranes.plasma.channels[1].conductanse");
        assertThat(unknown.line()).isEqualTo(14);
        assertThat(unknown.message()).contains("did you mean 'conductance'");
        assertThat(e.getMessage()).contains("bad.yaml:14:");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String bad = GOOD.replace("volume: 1 pL", "volume: 5 mV").replace("area: 1000 um^2", "area: -3")
                .replace("outside: bath", "outside: bth").replace("duration: 10 s", "duration: 10 parsecs");
        ScenarioException e = problems(bad);
        assertThat(e.problems()).extracting(Problem::path).contains("compartments.cell.volume",
                "membranes.plasma.area", "membranes.plasma.outside", "simulation.duration");
        assertThat(e.getMessage()).contains("is a potential, but a volume is expected")
                .contains("'bth' is not a compartment (did you mean 'bath'?)")
                .contains("unknown unit 'parsecs'");
    }

    @Test
    void missingRequiredFields() {
        ScenarioException e = problems("name: x\nions: {K: {charge: 1}}\n");
        assertThat(e.problems()).extracting(Problem::path).contains("compartments", "membranes", "simulation");
        assertThat(e.getMessage()).contains("required field 'simulation' is missing");
    }

    @Test
    void semanticChecks() {
        assertThat(problems(GOOD.replace("outside: bath", "outside: cell")).getMessage())
                .contains("on both sides");
        assertThat(problems(GOOD.replace("K: 5, Cl: 120", "K: 5")).getMessage())
                .contains("an ohmic channel for 'Cl' needs it on both sides");
        assertThat(problems(GOOD.replace("{ion: K, conductance", "{ion: Na, conductance")).getMessage())
                .contains("'Na' is not a declared ion");
        assertThat(problems(GOOD.replace("output_interval: 1 s", "output_interval: 20 s")).getMessage())
                .contains("longer than the run");
        assertThat(problems(GOOD.replace("value: -70 mV", "steps: [{at: 0 s, value: -70 mV}, {at: 20 s, value: 0}]"))
                .getMessage()).contains("not before the end of the run");
        assertThat(problems(GOOD.replace("value: -70 mV", "steps: [{at: 1 s, value: -70 mV}]")).getMessage())
                .contains("first clamp step must be at 0 s");
        assertThat(problems(GOOD + "events: [{at: 5 s, set: {compartments.bath.concentrations.K: 0}}]\n")
                .getMessage()).contains("events[0].set.compartments.bath.concentrations.K")
                .contains("E_K across membrane 'plasma' infinite");
        assertThat(problems(GOOD.replace("K: {charge: 1}", "K: {charge: 1.5}")).getMessage())
                .contains("whole number");
        assertThat(problems(GOOD.replace("solver: x", "").replace("output_interval: 1 s",
                "output_interval: 1 s, solver: dormand-prince-85")).getMessage()).contains("did you mean");
        assertThat(problems(GOOD.replace("    channels:",
                "    pumps: [{type: na-k-atpas, max_current: 1, km_na: 0, km_k: 0}]\n    channels:")).getMessage())
                .contains("membranes.plasma.pumps[0].type: unknown pump type 'na-k-atpas' (did you mean "
                        + "'na-k-atpase'?)").contains("declare both under 'ions'");
    }

    @Test
    void cyclesAreRejected() {
        String cycle = GOOD.replace("membranes:\n", """
                membranes:
                  second:
                    inside: cell
                    outside: bath
                    area: 10
                    potential: {mode: clamp, value: 0}
                """);
        assertThat(problems(cycle).getMessage()).contains("closes a cycle");
    }

    @Test
    void malformedAndEmptyFiles() throws Exception {
        Path empty = tmp.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> ScenarioReader.read(empty)).hasMessageContaining("empty");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"x\",\n \"ions\": [1, 2\n");
        assertThatThrownBy(() -> ScenarioReader.read(broken)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("broken.json:").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ScenarioReader.read(tmp.resolve("missing.yaml"))).hasMessageContaining("no such file");
        Path txt = tmp.resolve("scenario.txt");
        Files.writeString(txt, "name: x");
        assertThatThrownBy(() -> ScenarioReader.read(txt)).hasMessageContaining(".yaml, .yml or .json");
    }

    @Test
    void anAlreadyParsedTreeReadsAsTheFileDoes() throws Exception {
        LoadedScenario fromFile = ScenarioReader.read(Path.of("scenarios/neuron-glia.yaml"));
        LoadedScenario again = ScenarioReader.fromTree(fromFile.tree(), fromFile.file(), fromFile.sha256());
        assertThat(again.model()).isEqualTo(fromFile.model());
        assertThat(again.warnings()).isEqualTo(fromFile.warnings());
        assertThat(again.tree()).isSameAs(fromFile.tree());

        LocatedTree bad = LocatedTree.parse(GOOD.replace("area: 1000 um^2", "area: -3"), true, "bad.yaml");
        assertThatThrownBy(() -> ScenarioReader.fromTree(bad, null, null)).isInstanceOf(ScenarioException.class)
                .hasMessage("bad.yaml:10:5: membranes.plasma.area: the area must be greater than 0, found '-3'");
    }

    @Test
    void scenarioNamesCannotLeaveTheOutputFolder() {
        assertThat(problems(GOOD.replace("name: good", "name: ../../etc")).getMessage()).contains("names the output");
        assertThat(problems(GOOD.replace("name: good", "name: a/b")).getMessage()).contains("names the output");
    }
}
