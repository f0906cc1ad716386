package org.ionflux;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A scenario described in code: the same content as a scenario file, built with {@link #builder(String)} and
 * validated by {@link Ionflux#scenario(Model)} exactly as a file is (every problem reported with its field path).
 * Immutable. {@link #toYaml()} gives the equivalent scenario file.
 *
 * <pre>{@code
 * Model model = Model.builder("demo")
 *     .temperature("20 degC")
 *     .ion("Cl", -1).ion("K", 1)
 *     .compartment("cell").volume("2 pL").concentration("Cl", "13 mM").concentration("K", "140 mM").done()
 *     .bath("bath").concentration("Cl", "130 mM").concentration("K", "5 mM").done()
 *     .membrane("plasma", "cell", "bath").area("1000 um^2").clamp("-70 mV")
 *         .ohmic("Cl", "0.05 mS/cm^2").ghk("K", "1e-7 cm/s").done()
 *     .simulation("600 s", "1 s")
 *     .build();
 * Result r = Ionflux.scenario(model).run();
 * }</pre>
 */
public final class Model {

    private final ObjectNode tree;

    Model(ObjectNode tree) {
        this.tree = tree.deepCopy();
    }

    /** @return a fluent builder for a model named {@code name} (letters, digits, '_', '-', '.') */
    public static ModelBuilder builder(String name) {
        return new ModelBuilder(name);
    }

    /** @return the model's name */
    public String name() {
        return tree.path("name").asText();
    }

    /** @return the model as a YAML scenario file */
    public String toYaml() {
        try {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** @return a copy of the scenario tree, for {@link Ionflux#scenario(Model)} */
    ObjectNode tree() {
        return tree.deepCopy();
    }

    @Override
    public String toString() {
        return "Model[" + name() + "]";
    }
}
