package org.ionflux.internal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/scenario.schema.json: every shipped scenario validates, the structural defects of the bad-input files are
 * rejected by the schema where the reader rejects them, the semantic ones are left to the reader, and the schema
 * knows exactly the keys, enumerations and units the reader knows.
 */
class SchemaTest {

    static final Path SCHEMA = Path.of("docs/scenario.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema VALIDATOR = load();
    private static final JsonNode TREE = readSchema();

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readSchema() {
        try {
            return JSON.readTree(SCHEMA.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the schema's errors for a scenario file (YAML read as the reader reads it, handed over as JSON) */
    static List<Error> errors(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
        return VALIDATOR.validate(JSON.writeValueAsString(mapper.readTree(file.toFile())), InputFormat.JSON);
    }

    static Stream<Path> shippedScenarios() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("scenarios", "benchmarks/scenarios", "src/test/resources/scenarios",
                "src/test/resources/failing")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)")).sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(13);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioValidates(Path file) throws Exception {
        ScenarioReader.read(file); // the reader accepts it too
        assertThat(errors(file)).as(file.toString()).isEmpty();
    }

    /** Structural defects: the schema rejects them, at the reader's path or its parent object. */
    @ParameterizedTest
    @CsvSource({
        "missing-field.yaml, membranes.plasma, required",
        "wrong-type.yaml, compartments.cell.volume, ",
        "wrong-type-bool.yaml, compartments.bath.clamped, type",
        "unknown-key.yaml, membranes.plasma.channels[1], additionalProperties",
        "unknown-gating.yaml, membranes.plasma.channels, ",
        "unknown-pump.yaml, membranes.plasma.pumps[0].type, enum",
        "unknown-solver.yaml, simulation.solver, enum",
        "unknown-unit.yaml, simulation.duration, pattern",
        "wrong-dimension.yaml, compartments.cell.volume, pattern",
        "invalid-name.yaml, compartments, propertyNames",
        "path-in-name.yaml, name, pattern"})
    void structuralDefectsAreRejectedByTheSchemaAsByTheReader(String name, String path, String keyword)
            throws Exception {
        Path file = Path.of("src/test/resources/bad", name);
        ScenarioException reader = null;
        try {
            ScenarioReader.read(file);
        } catch (ScenarioException e) {
            reader = e;
        }
        assertThat(reader).as("the reader rejects " + name).isNotNull();
        List<Error> errors = errors(file);
        assertThat(errors).as(name).isNotEmpty();
        List<String> where = errors.stream().map(e -> location(e) + " " + e.getKeyword()).toList();
        String expected = path == null ? "" : path;
        assertThat(where).as(name + ": " + errors).anyMatch(w -> w.startsWith(expected)
                && (keyword == null || w.contains(" " + keyword) || w.contains(keyword)));
        // the reader names a field at or below where the schema complains
        assertThat(reader.problems()).as(name).anyMatch(p -> p.path().startsWith(expected));
    }

    /** Semantic defects need the whole model (references, physics, limits): the reader's, not the schema's. */
    @ParameterizedTest
    @ValueSource(strings = {"undefined-compartment.yaml", "undefined-ion.yaml", "cycle.yaml",
        "inside-equals-outside.yaml", "zero-area.yaml", "negative-volume.yaml", "clamp-steps-out-of-order.yaml",
        "clamp-step-after-end.yaml", "stimulus-on-clamped.yaml", "event-unknown-path.yaml", "ohmic-absent-side.yaml",
        "transporter-unknown-species.yaml", "too-concentrated.yaml", "record-no-match.yaml",
        "interval-longer-than-duration.yaml", "too-many-rows.yaml", "non-integer-charge.yaml",
        "zero-duration.yaml"})
    void semanticDefectsPassTheSchemaAndAreLeftToTheReader(String name) throws Exception {
        Path file = Path.of("src/test/resources/bad", name);
        assertThat(errors(file)).as(name).isEmpty();
        try {
            ScenarioReader.read(file);
            throw new AssertionError("the reader accepts " + name);
        } catch (ScenarioException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }

    /** @return the error's instance location as the reader writes paths: {@code membranes.plasma.channels[1]} */
    private static String location(Error e) {
        String pointer = e.getInstanceLocation().toString();
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty() || segment.equals("$")) {
                continue;
            }
            if (segment.matches("\\d+")) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    // ---- the schema and the reader know the same keys, enumerations and units ----

    @SuppressWarnings("unchecked")
    private static Set<String> readerKeys(Class<?> type, String field) throws Exception {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        return new TreeSet<>((Collection<String>) f.get(null));
    }

    private static Set<String> schemaKeys(String pointer) {
        JsonNode node = TREE.at(pointer);
        assertThat(node.isMissingNode()).as(pointer).isFalse();
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static Set<String> schemaEnum(String pointer) {
        Set<String> values = new TreeSet<>();
        TREE.at(pointer).forEach(v -> values.add(v.asText()));
        assertThat(values).as(pointer).isNotEmpty();
        return values;
    }

    @Test
    void theSchemaHasExactlyTheReadersKeys() throws Exception {
        String membrane = "/properties/membranes/additionalProperties";
        assertThat(schemaKeys("/properties")).isEqualTo(readerKeys(ScenarioReader.class, "TOP_KEYS"));
        assertThat(schemaKeys("/properties/ions/additionalProperties/properties"))
                .isEqualTo(readerKeys(IonsReader.class, "ION_KEYS"));
        assertThat(schemaKeys("/properties/compartments/additionalProperties/properties"))
                .isEqualTo(readerKeys(CompartmentsReader.class, "COMPARTMENT_KEYS"));
        assertThat(schemaKeys(membrane + "/properties"))
                .isEqualTo(readerKeys(MembranesReader.class, "MEMBRANE_KEYS"));
        assertThat(schemaKeys(membrane + "/properties/potential/properties"))
                .isEqualTo(readerKeys(MembranesReader.class, "POTENTIAL_KEYS"));
        assertThat(schemaKeys(membrane + "/properties/potential/properties/steps/items/properties"))
                .isEqualTo(readerKeys(MembranesReader.class, "STEP_KEYS"));
        assertThat(schemaKeys(membrane + "/properties/channels/items/properties"))
                .isEqualTo(readerKeys(ChannelsReader.class, "CHANNEL_KEYS"));
        Set<String> pumpKeys = new TreeSet<>();
        for (PumpType type : PumpsReader.TYPES) {
            pumpKeys.addAll(type.keys());
        }
        assertThat(schemaKeys(membrane + "/properties/pumps/items/properties")).isEqualTo(pumpKeys);
        assertThat(schemaKeys(membrane + "/properties/transporters/items/properties"))
                .isEqualTo(readerKeys(TransportersReader.class, "TRANSPORTER_KEYS"));
        assertThat(schemaKeys("/properties/stimuli/items/properties"))
                .isEqualTo(readerKeys(StimuliReader.class, "STIMULUS_KEYS"));
        assertThat(schemaKeys("/properties/events/items/properties"))
                .isEqualTo(readerKeys(EventsReader.class, "EVENT_KEYS"));
        assertThat(schemaKeys("/properties/simulation/properties"))
                .isEqualTo(readerKeys(SimulationReader.class, "SIMULATION_KEYS"));
        assertThat(schemaKeys("/properties/check/properties")).isEqualTo(readerKeys(CheckSection.class, "KEYS"));
    }

    @Test
    void theSchemaHasExactlyTheReadersEnumerations() {
        String membrane = "/properties/membranes/additionalProperties/properties";
        assertThat(schemaEnum("/properties/simulation/properties/solver/enum")).isEqualTo(new TreeSet<>(
                Arrays.stream(SolverKind.values()).map(SolverKind::key).toList()));
        assertThat(schemaEnum(membrane + "/channels/items/properties/gating/enum")).isEqualTo(new TreeSet<>(
                Arrays.stream(HodgkinHuxleyKinetics.values()).map(HodgkinHuxleyKinetics::id).toList()));
        assertThat(schemaEnum(membrane + "/pumps/items/properties/type/enum")).isEqualTo(new TreeSet<>(
                PumpsReader.TYPES.stream().map(PumpType::name).toList()));
        assertThat(schemaEnum(membrane + "/potential/properties/mode/enum")).containsExactly("clamp", "dynamic");
    }

    /** Every unit of every dimension is accepted where that dimension is expected, and nowhere else. */
    @ParameterizedTest
    @EnumSource(Dimension.class)
    void theSchemaAcceptsTheReadersUnits(Dimension dimension) throws Exception {
        String def = dimension.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(TREE.at("/$defs/" + def).isMissingNode()).as(def).isFalse();
        Schema one = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                JSON.writeValueAsString(JSON.createObjectNode().put("$ref", "#/$defs/" + def)
                        .set("$defs", TREE.get("$defs"))), InputFormat.JSON);
        for (String unit : dimension.acceptedUnits().split(", ")) {
            for (String text : List.of("1 " + unit, "-2.5e-3 " + unit, ".5" + unit)) {
                assertThat(one.validate(JSON.writeValueAsString(text), InputFormat.JSON)).as(text).isEmpty();
                Quantities.parse(text, dimension);
            }
        }
        assertThat(one.validate("7", InputFormat.JSON)).isEmpty();
        assertThat(one.validate("\"7\"", InputFormat.JSON)).isEmpty();
        for (String wrong : List.of("\"1 parsecs\"", "\"lots\"", "[1]", "true")) {
            assertThat(one.validate(wrong, InputFormat.JSON)).as(wrong).isNotEmpty();
        }
        for (Dimension other : Dimension.values()) {
            if (other != dimension) {
                String foreign = "1 " + other.acceptedUnits().split(", ")[0];
                if (!Arrays.asList(dimension.acceptedUnits().split(", ")).contains(
                        other.acceptedUnits().split(", ")[0])) {
                    assertThat(one.validate(JSON.writeValueAsString(foreign), InputFormat.JSON)).as(foreign)
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void theSchemaIsDraft202012AndTheDocsSayHowToUseIt() throws Exception {
        assertThat(TREE.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(Files.readString(Path.of("docs/scenario-format.md")))
                .contains("# yaml-language-server: $schema=");
        assertThat(Files.readString(Path.of("README.md"))).contains("scenario.schema.json");
    }
}
