package org.ionflux.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.Stimulus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parameter-path grammar (docs/java-api.md "Parameter paths") on the shipped scenarios: every path form sets its value in a
 * copy of the tree, the copy reads into a model where exactly that SI value changed, and the errors name the path.
 */
class ParameterPathTest {

    /** Relative tolerance of a unit conversion against the SI value written in the test (one rounding). */
    private static final double CONVERSION_TOLERANCE = 1e-15;

    private static final String STEPS = """
            name: steps
            ions: {K: {charge: 1}, Cl: {charge: -1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140, Cl: 10}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5, Cl: 120}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, steps: [{at: 0 s, value: -70 mV}, {at: 5 s, value: -30 mV}]}
                channels:
                  - {ion: K, conductance: 0.1 mS/cm^2}
                  - {ion: Cl, conductance: 0.1 mS/cm^2}
            simulation: {duration: 10 s, output_interval: 1 s}
            """;

    private static LoadedScenario shipped(String name) throws ScenarioException {
        return ScenarioReader.read(Path.of("scenarios", name + ".yaml"));
    }

    private static LoadedScenario steps() throws ScenarioException {
        return ScenarioReader.fromTree(LocatedTree.parse(STEPS, true, "steps.yaml"), null, null);
    }

    private static ScenarioException thrown(ThrowingCallable call) {
        return catchThrowableOfType(ScenarioException.class, call);
    }

    private static Model reread(LoadedScenario s, LocatedTree edited) throws ScenarioException {
        return ScenarioReader.fromTree(edited, s.file(), s.sha256()).model();
    }

    /**
     * One path form: where, what is written, the SI value expected (computed by hand), how to read that value from a
     * model and how to put a value into the original model (so that the whole model can be compared).
     */
    record Case(String scenario, String path, String value, double expectedSi, ToDoubleFunction<Model> get,
                BiFunction<Model, Double, Model> set) {
        @Override
        public String toString() {
            return scenario + ": " + path + " = " + value;
        }
    }

    private static Membrane membrane(Model m, int i) {
        return m.membranes().get(i);
    }

    private static Model withMembrane(Model m, int i, Membrane mem) {
        return m.withMembrane(i, mem);
    }

    private static Membrane area(Membrane m, double v) {
        return new Membrane(m.name(), m.insideIndex(), m.outsideIndex(), v, m.capacitanceFPerM2(), m.potential(),
                m.channels(), m.pumps(), m.transporters(), m.waterPermeabilityMPerS());
    }

    private static Membrane capacitance(Membrane m, double v) {
        return new Membrane(m.name(), m.insideIndex(), m.outsideIndex(), m.areaM2(), v, m.potential(),
                m.channels(), m.pumps(), m.transporters(), m.waterPermeabilityMPerS());
    }

    private static Membrane water(Membrane m, double v) {
        return new Membrane(m.name(), m.insideIndex(), m.outsideIndex(), m.areaM2(), m.capacitanceFPerM2(),
                m.potential(), m.channels(), m.pumps(), m.transporters(), v);
    }

    private static Model temperature(Model m, double k) {
        return new Model(m.name(), m.description(), k, m.species(), m.compartments(), m.membranes(), m.stimuli(),
                m.events(), m.settings());
    }

    private static Model volume(Model m, int c, double v) {
        Compartment comp = m.compartments().get(c);
        return m.withCompartment(c, new Compartment(comp.name(), v, comp.concentrationsMolPerM3(), comp.clamped()));
    }

    private static Model stimulus(Model m, int i, Stimulus st) {
        List<Stimulus> list = new ArrayList<>(m.stimuli());
        list.set(i, st);
        return new Model(m.name(), m.description(), m.temperatureK(), m.species(), m.compartments(), m.membranes(),
                list, m.events(), m.settings());
    }

    private static Model settings(Model m, double duration, double rtol, double atol) {
        SimulationSettings s = m.settings();
        return m.withSettings(new SimulationSettings(duration, s.outputIntervalS(), s.solver(), rtol, atol,
                s.fixedStepS(), s.record(), s.stopAtSteadyState()));
    }

    private static Pump.NaK pump(Model m, int membrane, int i) {
        return (Pump.NaK) membrane(m, membrane).pumps().get(i);
    }

    private static Model pump(Model m, int membrane, int i, Pump.NaK p) {
        return withMembrane(m, membrane, membrane(m, membrane).withPump(i, p));
    }

    static Stream<Case> everyPathForm() {
        // pump-leak-cell: Na K Cl X Y; cell, bath; plasma (dynamic; 3 GHK channels, 1 Na/K pump, water)
        // hh-squid-axon: Na K A; axon, space, bath; axolemma (dynamic; hh-na, hh-k, leak), sheath (clamp 0 mV)
        // neuron-glia: Na K Cl X; neuron, glia, ecs, bath; neuronal, glial, wall
        return Stream.of(
            new Case("pump-leak-cell", "temperature", "20 degC", 293.15, Model::temperatureK,
                    ParameterPathTest::temperature),
            new Case("pump-leak-cell", "temperature", "300 K", 300.0, Model::temperatureK,
                    ParameterPathTest::temperature),
            new Case("pump-leak-cell", "compartments.cell.volume", "2 pL", 2e-15,
                    m -> m.compartments().get(0).volumeM3(), (m, v) -> volume(m, 0, v)),
            new Case("neuron-glia", "compartments.ecs.volume", "0.5", 0.5e-15,
                    m -> m.compartments().get(2).volumeM3(), (m, v) -> volume(m, 2, v)),
            new Case("pump-leak-cell", "compartments.bath.concentrations.K", "10 mM", 10.0,
                    m -> m.compartments().get(1).concentrationMolPerM3(1),
                    (m, v) -> m.withCompartment(1, m.compartments().get(1).withConcentration(1, v))),
            new Case("pump-leak-cell", "compartments.bath.concentrations.X", "2 uM", 2e-3,   // absent from the file
                    m -> m.compartments().get(1).concentrationMolPerM3(3),
                    (m, v) -> m.withCompartment(1, m.compartments().get(1).withConcentration(3, v))),
            new Case("hh-squid-axon", "compartments.space.concentrations.K", "0.02 M", 20.0,
                    m -> m.compartments().get(1).concentrationMolPerM3(1),
                    (m, v) -> m.withCompartment(1, m.compartments().get(1).withConcentration(1, v))),
            new Case("pump-leak-cell", "membranes.plasma.area", "3000 um^2", 3e-9, m -> membrane(m, 0).areaM2(),
                    (m, v) -> withMembrane(m, 0, area(membrane(m, 0), v))),
            new Case("hh-squid-axon", "membranes.sheath.area", "0.01 mm^2", 1e-8, m -> membrane(m, 1).areaM2(),
                    (m, v) -> withMembrane(m, 1, area(membrane(m, 1), v))),
            new Case("neuron-glia", "membranes.neuronal.capacitance", "2 uF/cm^2", 0.02,   // absent: default 1
                    m -> membrane(m, 0).capacitanceFPerM2(), (m, v) -> withMembrane(m, 0,
                    capacitance(membrane(m, 0), v))),
            new Case("pump-leak-cell", "membranes.plasma.capacitance", "0.9", 0.009,
                    m -> membrane(m, 0).capacitanceFPerM2(), (m, v) -> withMembrane(m, 0,
                    capacitance(membrane(m, 0), v))),
            new Case("pump-leak-cell", "membranes.plasma.water_permeability", "1e-3 cm/s", 1e-5,
                    m -> membrane(m, 0).waterPermeabilityMPerS(), (m, v) -> withMembrane(m, 0,
                    water(membrane(m, 0), v))),
            new Case("neuron-glia", "membranes.wall.water_permeability", "5 um/s", 5e-6,   // absent: no water flux
                    m -> membrane(m, 2).waterPermeabilityMPerS(), (m, v) -> withMembrane(m, 2,
                    water(membrane(m, 2), v))),
            new Case("hh-squid-axon", "membranes.sheath.potential.value", "5 mV", 0.005,
                    m -> membrane(m, 1).potential().initialVolts(), (m, v) -> withMembrane(m, 1,
                    membrane(m, 1).withPotential(PotentialProtocol.Clamp.constant(v)))),
            new Case("hh-squid-axon", "membranes.axolemma.potential.initial", "-0.07 V", -0.07,
                    m -> membrane(m, 0).potential().initialVolts(), (m, v) -> withMembrane(m, 0,
                    membrane(m, 0).withPotential(new PotentialProtocol.Dynamic(v)))),
            new Case("hh-squid-axon", "membranes.axolemma.channels[0].conductance", "100 mS/cm^2", 1000.0,
                    m -> ((Channel.Gated) membrane(m, 0).channels().get(0)).maxConductanceSPerM2(),
                    (m, v) -> withMembrane(m, 0, membrane(m, 0).withChannel(0,
                            membrane(m, 0).channels().get(0).withStrength(v)))),
            new Case("hh-squid-axon", "membranes.axolemma.channels[2].conductance", "0.5", 5.0,   // the leak
                    m -> ((Channel.Leak) membrane(m, 0).channels().get(2)).conductanceSPerM2(),
                    (m, v) -> withMembrane(m, 0, membrane(m, 0).withChannel(2,
                            membrane(m, 0).channels().get(2).withStrength(v)))),
            new Case("hh-squid-axon", "membranes.axolemma.channels[2].reversal", "-60 mV", -0.06,
                    m -> ((Channel.Leak) membrane(m, 0).channels().get(2)).reversalVolts(),
                    (m, v) -> withMembrane(m, 0, membrane(m, 0).withChannel(2,
                            ((Channel.Leak) membrane(m, 0).channels().get(2)).withReversal(v)))),
            new Case("pump-leak-cell", "membranes.plasma.channels[0].permeability", "2e-7 cm/s", 2e-9,
                    m -> ((Channel.Ghk) membrane(m, 0).channels().get(0)).permeabilityMPerS(),
                    (m, v) -> withMembrane(m, 0, membrane(m, 0).withChannel(0,
                            membrane(m, 0).channels().get(0).withStrength(v)))),
            new Case("pump-leak-cell", "membranes.plasma.pumps[0].max_current", "2 uA/cm^2", 0.02,
                    m -> pump(m, 0, 0).maxCurrentAPerM2(), (m, v) -> pump(m, 0, 0, pump(m, 0, 0).withMaxCurrent(v))),
            new Case("neuron-glia", "membranes.glial.pumps[0].km_na", "5 mM", 5.0,
                    m -> pump(m, 1, 0).kmSodiumMolPerM3(), (m, v) -> pump(m, 1, 0, new Pump.NaK(
                    pump(m, 1, 0).maxCurrentAPerM2(), v, pump(m, 1, 0).kmPotassiumMolPerM3(),
                    pump(m, 1, 0).sodiumIndex(), pump(m, 1, 0).potassiumIndex()))),
            new Case("neuron-glia", "membranes.neuronal.pumps[0].km_k", "2000 uM", 2.0,
                    m -> pump(m, 0, 0).kmPotassiumMolPerM3(), (m, v) -> pump(m, 0, 0, new Pump.NaK(
                    pump(m, 0, 0).maxCurrentAPerM2(), pump(m, 0, 0).kmSodiumMolPerM3(), v,
                    pump(m, 0, 0).sodiumIndex(), pump(m, 0, 0).potassiumIndex()))),
            new Case("neuron-glia", "membranes.glial.transporters[0].rate", "2e-11 mol/(cm^2 s)", 2e-7,
                    m -> membrane(m, 1).transporters().get(0).rateMolPerM2S(), (m, v) -> withMembrane(m, 1,
                    membrane(m, 1).withTransporter(0, membrane(m, 1).transporters().get(0).withRate(v)))),
            new Case("hh-squid-axon", "stimuli[1].amplitude", "10 uA/cm^2", 0.1,
                    m -> m.stimuli().get(1).amplitudeAPerM2(), (m, v) -> stimulus(m, 1, new Stimulus(0,
                    m.stimuli().get(1).startS(), m.stimuli().get(1).durationS(), v))),
            new Case("hh-squid-axon", "stimuli[9].start", "186 ms", 0.186,
                    m -> m.stimuli().get(9).startS(), (m, v) -> stimulus(m, 9, new Stimulus(0, v,
                    m.stimuli().get(9).durationS(), m.stimuli().get(9).amplitudeAPerM2()))),
            new Case("hh-squid-axon", "stimuli[0].duration", "300 us", 3e-4,
                    m -> m.stimuli().get(0).durationS(), (m, v) -> stimulus(m, 0, new Stimulus(0,
                    m.stimuli().get(0).startS(), v, m.stimuli().get(0).amplitudeAPerM2()))),
            new Case("pump-leak-cell", "simulation.duration", "30 min", 1800.0, m -> m.settings().durationS(),
                    (m, v) -> settings(m, v, m.settings().relativeTolerance(), m.settings().absoluteTolerance())),
            new Case("neuron-glia", "simulation.rtol", "1e-5", 1e-5, m -> m.settings().relativeTolerance(),
                    (m, v) -> settings(m, m.settings().durationS(), v, m.settings().absoluteTolerance())),
            new Case("hh-squid-axon", "simulation.atol", "1e-7", 1e-7, m -> m.settings().absoluteTolerance(),
                    (m, v) -> settings(m, m.settings().durationS(), m.settings().relativeTolerance(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPathForm")
    void theEditedTreeReadsIntoAModelWhereExactlyThatValueChanged(Case c) throws Exception {
        LoadedScenario original = shipped(c.scenario());
        assertThat(c.get().applyAsDouble(original.model())).as("the value must change").isNotEqualTo(c.expectedSi());

        Model edited = reread(original, ParameterPath.with(original.tree(), c.path(), c.value()));

        double actual = c.get().applyAsDouble(edited);
        assertThat(actual).isCloseTo(c.expectedSi(), within(CONVERSION_TOLERANCE * Math.abs(c.expectedSi())));
        assertThat(edited).as("every other value unchanged").isEqualTo(c.set().apply(original.model(), actual));
    }

    @Test
    void aClampStepValue() throws Exception {
        LoadedScenario original = steps();
        Model edited = reread(original, ParameterPath.with(original.tree(), "membranes.plasma.potential.steps[1].value",
                "-20 mV"));
        PotentialProtocol.Clamp expected = new PotentialProtocol.Clamp(new double[] {0, 5},
                new double[] {-0.07, -0.02});
        assertThat(edited.membranes().get(0).potential()).isEqualTo(expected);
        assertThat(edited).isEqualTo(original.model().withMembrane(0,
                original.model().membranes().get(0).withPotential(expected)));
    }

    @Test
    void aNumberIsInTheDefaultUnit() throws Exception {
        LoadedScenario original = shipped("pump-leak-cell");
        Model edited = reread(original, ParameterPath.with(original.tree(), "membranes.plasma.area", 3000.0));
        assertThat(edited.membranes().get(0).areaM2()).isCloseTo(3e-9, within(3e-9 * CONVERSION_TOLERANCE));
        Model hot = reread(original, ParameterPath.with(original.tree(), "temperature", 25));
        assertThat(hot.temperatureK()).isEqualTo(298.15);
    }

    @Test
    void anSiValueWrittenWithItsSiUnitIsReadBackExactly() throws Exception {
        LoadedScenario original = shipped("neuron-glia");
        for (double x : new double[] {1.2345678901234567e-15, 1.0 / 3.0 * 1e-15, 0.6e-15, Math.PI * 1e-16}) {
            Model m = reread(original, ParameterPath.with(original.tree(), "compartments.glia.volume", x + " m^3"));
            assertThat(m.compartments().get(1).volumeM3()).isEqualTo(x);
        }
        double area = 2.9999999999999997e-9;
        double conc = 3.4999999999999996;
        LocatedTree tree = ParameterPath.with(original.tree(), "membranes.wall.area", area + " m^2");
        tree = ParameterPath.with(tree, "compartments.bath.concentrations.K", conc + " mol/m^3");
        Model m = reread(original, tree);
        assertThat(m.membranes().get(2).areaM2()).isEqualTo(area);
        assertThat(m.compartments().get(3).concentrationMolPerM3(1)).isEqualTo(conc);
    }

    @Test
    void theOriginalTreeIsNeverChanged() throws Exception {
        LoadedScenario original = shipped("hh-squid-axon");
        String before = original.tree().root().toString();
        LocatedTree edited = ParameterPath.with(original.tree(), "membranes.axolemma.channels[1].conductance", "1");
        edited = ParameterPath.with(edited, "compartments.axon.concentrations.K", "300 mM");
        edited = ParameterPath.with(edited, "membranes.axolemma.water_permeability", "1e-4 cm/s");
        assertThat(original.tree().root().toString()).isEqualTo(before);
        assertThat(ScenarioReader.fromTree(original.tree(), null, null).model()).isEqualTo(original.model());
        // the edits add up
        Model m = reread(original, edited);
        assertThat(((Channel.Gated) m.membranes().get(0).channels().get(1)).maxConductanceSPerM2()).isEqualTo(10.0);
        assertThat(m.compartments().get(0).concentrationMolPerM3(1)).isEqualTo(300.0);
        assertThat(m.membranes().get(0).waterPermeabilityMPerS()).isCloseTo(1e-6, within(1e-21));
    }

    @Test
    void unchangedNodesKeepTheirPlaceInTheFileEditedOnesHaveNone() throws Exception {
        LoadedScenario original = shipped("pump-leak-cell");
        LocatedTree tree = original.tree();
        LocatedTree edited = ParameterPath.with(tree, "membranes.plasma.channels[1].permeability", "1e-6 cm/s");
        for (String unchanged : List.of("membranes.plasma.channels[0].permeability", "membranes.plasma.channels[1]",
                "membranes.plasma.channels[1].ion", "membranes.plasma.area", "compartments.cell.volume")) {
            assertThat(edited.locate(unchanged)).as(unchanged).isEqualTo(tree.locate(unchanged))
                    .isNotEqualTo(new int[] {0, 0});
        }
        assertThat(edited.locate("membranes.plasma.channels[1].permeability")).isEqualTo(new int[] {0, 0});
        assertThat(tree.locate("membranes.plasma.channels[1].permeability")).isNotEqualTo(new int[] {0, 0});

        // a bad value: the reader's own message, naming the path, quoting the value as given, without a line
        LocatedTree negative = ParameterPath.with(edited, "membranes.plasma.area", "-3 um^2");
        ScenarioException e = thrown(() -> reread(original, negative));
        assertThat(e.problems()).containsExactly(new Problem(Path.of("scenarios", "pump-leak-cell.yaml").toString(),
                "membranes.plasma.area", 0, 0, "the area must be greater than 0, found '-3 um^2'"));
    }

    @Test
    void valuesOutOfBoundsGetTheReadersMessageNamingThePath() throws Exception {
        LoadedScenario s = shipped("neuron-glia");
        assertThat(rejected(s, "compartments.bath.concentrations.K", "11 M"))
                .contains("compartments.bath.concentrations.K: a concentration must be between 0 and 10 M");
        assertThat(rejected(s, "membranes.glial.transporters[0].rate", "-1"))
                .contains("membranes.glial.transporters[0].rate: the rate must not be negative, found '-1'");
        assertThat(rejected(s, "compartments.glia.volume", "5 mV"))
                .contains("compartments.glia.volume: '5 mV' is a potential, but a volume is expected");
        assertThat(rejected(s, "membranes.wall.area", "big"))
                .contains("membranes.wall.area: 'big' is not an area");
        assertThat(rejected(s, "temperature", "500 K")).contains("temperature: the temperature must be above 0 K "
                + "and below 400 K");
        assertThat(rejected(s, "simulation.rtol", "2")).contains("simulation.rtol: rtol must be between 0 and 1");
        assertThat(rejected(s, "simulation.duration", "100 s"))
                .contains("events[0].at: the event at 120.0 s is not before the end of the run (100.0 s)");
        ScenarioException nan = thrown(() -> reread(s, ParameterPath.with(s.tree(),
                "membranes.neuronal.area", Double.NaN)));
        assertThat(nan).hasMessageContaining("membranes.neuronal.area: expected a finite area, found NaN");
    }

    private static String rejected(LoadedScenario s, String path, String value) throws ScenarioException {
        LocatedTree edited = ParameterPath.with(s.tree(), path, value);
        return thrown(() -> reread(s, edited)).getMessage();
    }

    static Stream<Arguments> badPaths() {
        return Stream.of(
            // not in the grammar: the message says what is allowed
            Arguments.of("pump-leak-cell", "membranes.plasma.volume", "unknown parameter path 'membranes.plasma.volume'"
                    + "; parameter paths: temperature, compartments.<c>.volume"),
            Arguments.of("pump-leak-cell", "membranes.plasma.channels[0].permeabilty", "unknown parameter path "
                    + "'membranes.plasma.channels[0].permeabilty' (did you mean 'permeability'?); parameter paths:"),
            Arguments.of("hh-squid-axon", "membranes.axolemma.channels[0].gating", "unknown parameter path"),
            Arguments.of("hh-squid-axon", "stimuli[0].membrane", "stimuli[<i>].amplitude|start|duration"),
            Arguments.of("hh-squid-axon", "simulation.output_interval", "simulation.duration|rtol|atol"),
            Arguments.of("hh-squid-axon", "ions.K.charge", "unknown parameter path 'ions.K.charge'"),
            Arguments.of("hh-squid-axon", "membranes.sheath.potential", "unknown parameter path"),
            Arguments.of("hh-squid-axon", "membranes.sheath.channels[x].permeability", "unknown parameter path"),
            Arguments.of("hh-squid-axon", "", "unknown parameter path ''"),
            // a missing item
            Arguments.of("pump-leak-cell", "membranes.plasma.channels[7].permeability",
                    "membrane 'plasma' has 3 channels; index 7 does not exist (the first is [0])"),
            Arguments.of("pump-leak-cell", "membranes.plasma.pumps[1].max_current",
                    "membrane 'plasma' has 1 pumps; index 1 does not exist"),
            Arguments.of("pump-leak-cell", "membranes.plasma.transporters[0].rate",
                    "membrane 'plasma' has 0 transporters; index 0 does not exist"),
            Arguments.of("hh-squid-axon", "stimuli[10].amplitude", "the scenario has 10 stimuli; index 10 does not "
                    + "exist"),
            Arguments.of("hh-squid-axon", "stimuli[99999999999999999999].start", "index 99999999999999999999 does not "
                    + "exist"),
            Arguments.of("pump-leak-cell", "membranes.plasm.area", "'plasm' is not a membrane (did you mean "
                    + "'plasma'?); membranes: plasma"),
            Arguments.of("neuron-glia", "compartments.ECS.volume", "'ECS' is not a compartment (did you mean 'ecs'?); "
                    + "compartments: neuron, glia, ecs, bath"),
            Arguments.of("neuron-glia", "compartments.bath.concentrations.Mg", "'Mg' is not a declared ion; ions: "
                    + "Na, K, Cl, X"),
            Arguments.of("neuron-glia", "compartments.bath.concentrations.Ca", "'Ca' is not a declared ion (did you "
                    + "mean 'Na'?)"),
            Arguments.of("pump-leak-cell", "membranes.plasma.channels[0].conductance",
                    "this is a GHK channel; it has permeability, not conductance"),
            Arguments.of("hh-squid-axon", "membranes.axolemma.channels[0].reversal",
                    "this is a gated channel; it has conductance, not reversal"),
            Arguments.of("hh-squid-axon", "membranes.axolemma.channels[2].permeability",
                    "this is a non-specific leak; it has conductance, reversal, not permeability"),
            Arguments.of("pump-leak-cell", "membranes.plasma.pumps[0].km",
                    "this is a na-k-atpase pump; it has km_k, km_na, max_current, not km"),
            Arguments.of("neuron-glia", "membranes.glial.pumps[0].hill", "this is a na-k-atpase pump"),
            Arguments.of("pump-leak-cell", "membranes.plasma.potential.value", "membrane 'plasma' has a dynamic "
                    + "potential; its parameter is potential.initial, not potential.value"),
            Arguments.of("hh-squid-axon", "membranes.sheath.potential.initial", "membrane 'sheath' is clamped; its "
                    + "parameter is potential.value, not potential.initial"),
            Arguments.of("hh-squid-axon", "membranes.sheath.potential.steps[0].value", "membrane 'sheath' is not "
                    + "clamped in steps; its parameter is potential.value"),
            Arguments.of("hh-squid-axon", "membranes.axolemma.potential.steps[0].value", "membrane 'axolemma' is not "
                    + "clamped in steps; its parameter is potential.initial"));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @MethodSource("badPaths")
    void aBadPathIsAProblemNamingIt(String scenario, String path, String message) throws Exception {
        LoadedScenario s = shipped(scenario);
        ScenarioException e = thrown(() -> ParameterPath.with(s.tree(), path, "1"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo(path);
        assertThat(e.getMessage()).contains(path.isEmpty() ? "''" : path + ": ").contains(message);
    }

    @Test
    void pathsToAClampedStepTheScenarioLacks() throws Exception {
        LoadedScenario s = steps();
        assertThatThrownBy(() -> ParameterPath.with(s.tree(), "membranes.plasma.potential.steps[2].value", "0"))
                .hasMessageContaining("membranes.plasma.potential.steps[2].value: the clamp of membrane 'plasma' has "
                        + "2 steps; index 2 does not exist");
        assertThatThrownBy(() -> ParameterPath.with(s.tree(), "membranes.plasma.potential.value", "0"))
                .hasMessageContaining("membranes.plasma.potential.value: membrane 'plasma' is clamped in steps");
        assertThatThrownBy(() -> ParameterPath.with(s.tree(), "membranes.plasma.potential.steps[0].at", "0"))
                .hasMessageContaining("unknown parameter path");
    }

    @Test
    void theLocationOfAProblemIsTheNearestPlaceInTheFile() throws Exception {
        LoadedScenario s = shipped("pump-leak-cell");
        ScenarioException e = thrown(() -> ParameterPath.with(s.tree(),
                "membranes.plasma.channels[7].permeability", "1"));
        int[] channels = s.tree().locate("membranes.plasma.channels");
        assertThat(new int[] {e.problems().get(0).line(), e.problems().get(0).column()}).isEqualTo(channels);
    }

    @Test
    void everyPathOfTheGrammarParsesAndEventsAcceptTheirSubset() {
        List<String> grammar = List.of("temperature", "compartments.c.volume", "compartments.c.concentrations.K",
                "membranes.m.area", "membranes.m.capacitance", "membranes.m.water_permeability",
                "membranes.m.potential.value", "membranes.m.potential.initial", "membranes.m.potential.steps[3].value",
                "membranes.m.channels[0].conductance", "membranes.m.channels[1].permeability",
                "membranes.m.channels[2].reversal", "membranes.m.pumps[0].max_current", "membranes.m.pumps[0].km_na",
                "membranes.m.pumps[0].km_k", "membranes.m.pumps[0].km", "membranes.m.pumps[0].hill",
                "membranes.m.transporters[0].rate", "stimuli[0].amplitude", "stimuli[0].start", "stimuli[0].duration",
                "simulation.duration", "simulation.rtol", "simulation.atol");
        List<String> events = List.of("compartments.c.concentrations.K", "membranes.m.potential.value",
                "membranes.m.channels[0].conductance", "membranes.m.channels[1].permeability",
                "membranes.m.channels[2].reversal", "membranes.m.pumps[0].max_current", "membranes.m.pumps[0].km_na",
                "membranes.m.pumps[0].km_k", "membranes.m.pumps[0].km", "membranes.m.pumps[0].hill",
                "membranes.m.transporters[0].rate");
        for (String path : grammar) {
            ParameterPath p = ParameterPath.parse(path);
            assertThat(p).as(path).isNotNull();
            assertThat(p.inGrammar()).as(path).isTrue();
            // events take the paths of items that change during a run; which field an item has, the events reader says
            assertThat(p.isEventPath()).as(path).isEqualTo(events.contains(path));
        }
        for (String path : List.of("membranes.m.channels[0].x", "membranes.m.pumps[0].type", "stimuli[0].membrane",
                "compartments.c.concentrations", "membranes.m.potential", "simulation.step")) {
            assertThat(ParameterPath.parse(path).inGrammar()).as(path).isFalse();
        }
        for (String path : List.of("membranes", "membranes.m", "membranes.9m.area", "membranes.m.channels.conductance",
                "membranes.m.channels[0]", "membranes.m.channels[0].conductance.", "membranes.m.channels[-1].x",
                "membranes.m.channels [0].x", "membranes.m.channels[0][0].x", "compartments.c.concentrations.9K",
                "membranes.m.channels[0].Conductance", ".temperature", "a..b")) {
            assertThat(ParameterPath.parse(path)).as(path).isNull();
        }
        assertThat(ParameterPath.parse("membranes.m.pumps[007].max_current").index()).isEqualTo(7);
        assertThat(ParameterPath.parse("membranes.m.pumps[007].max_current").indexText()).isEqualTo("7");
    }

    @Test
    void eventsRefuseThePathsThatCannotChangeDuringARun() throws Exception {
        String good = java.nio.file.Files.readString(Path.of("scenarios", "pump-leak-cell.yaml"));
        for (String path : List.of("temperature", "membranes.plasma.area", "stimuli[0].amplitude",
                "membranes.plasma.potential.initial")) {
            String text = good.replace("\"membranes.plasma.pumps[0].max_current\": 0", "\"" + path + "\": 1");
            assertThatThrownBy(() -> ScenarioReader.parse(text, true, "e.yaml")).hasMessageContaining(
                    "events[0].set." + path + ": unknown parameter path '" + path + "'; settable: "
                    + ParameterPath.EVENT_GRAMMAR).hasMessageNotContaining("problems");
        }
        String huge = good.replace("pumps[0].max_current\": 0", "pumps[99999999999999999999].max_current\": 0");
        assertThatThrownBy(() -> ScenarioReader.parse(huge, true, "e.yaml")).hasMessageContaining("membrane "
                + "'plasma' has 1 pumps; index 99999999999999999999 does not exist (the first is [0])");
    }
}
