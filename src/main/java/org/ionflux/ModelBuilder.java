package org.ionflux;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Fluent builder of a {@link Model}: each call sets the scenario-file field of the same name, so everything the
 * file format says holds here (keys, defaults, units). A value is either a string {@code "<number> <unit>"}
 * ({@code "2 pL"}, {@code "-70 mV"}) or a number in the field's default unit (mM, pL, um^2, mS/cm^2, cm/s,
 * uF/cm^2, mV, uA/cm^2, mol/(cm^2 s), s, degC). Nothing is checked until {@link Ionflux#scenario(Model)}, which
 * reports every problem with its field path, as for a file.
 *
 * <pre>{@code
 * Model cell = Model.builder("pump-demo")
 *     .ion("Na", 1).ion("K", 1).ion("Cl", -1)
 *     .compartment("cell").volume(1.0).concentration("Na", 10).concentration("K", 140).concentration("Cl", 10)
 *         .done()                                  // numbers in the default units: pL, mM
 *     .bath("bath").concentration("Na", 145).concentration("K", 5).concentration("Cl", 150).done()
 *     .membrane("plasma", "cell", "bath").area("2000 um^2").dynamic("-70 mV")
 *         .ghk("Na", "4e-7 cm/s").ghk("K", "6e-6 cm/s").ghk("Cl", "1e-6 cm/s")
 *         .pump("na-k-atpase", Map.of("max_current", "0.5 uA/cm^2", "km_na", 0, "km_k", 0)).done()
 *     .simulation("600 s", "1 s")
 *     .build();
 * }</pre>
 */
public final class ModelBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode root = NODES.objectNode();

    ModelBuilder(String name) {
        root.put("name", name);
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                node.put(key, (long) d);
            } else {
                node.put(key, d);
            }
        } else if (value instanceof Boolean b) {
            node.put(key, b);
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode child = node.putObject(key);
            map.forEach((k, v) -> put(child, String.valueOf(k), v));
        } else if (value instanceof Iterable<?> list) {
            ArrayNode array = node.putArray(key);
            for (Object v : list) {
                ObjectNode holder = NODES.objectNode();
                put(holder, "v", v);
                array.add(holder.get("v"));
            }
        } else {
            node.put(key, String.valueOf(value));
        }
    }

    private ObjectNode section(String key) {
        return root.has(key) ? (ObjectNode) root.get(key) : root.putObject(key);
    }

    private ArrayNode list(String key) {
        return root.has(key) ? (ArrayNode) root.get(key) : root.putArray(key);
    }

    /** Sets the {@code description}. */
    public ModelBuilder description(String text) {
        root.put("description", text);
        return this;
    }

    /** Sets the {@code temperature} ({@code "20 degC"}, {@code "310 K"}, or degC). */
    public ModelBuilder temperature(Object value) {
        put(root, "temperature", value);
        return this;
    }

    /** Declares an ion (or neutral solute) with its valence ({@code ions.<name>.charge}). */
    public ModelBuilder ion(String name, double charge) {
        ObjectNode ion = section("ions").putObject(name);
        if (charge == Math.rint(charge) && Math.abs(charge) < 1e9) {
            ion.put("charge", (long) charge);
        } else {
            ion.put("charge", charge);
        }
        return this;
    }

    /** Starts a compartment ({@code compartments.<name>}); set its volume and concentrations, then {@code done()}. */
    public CompartmentBuilder compartment(String name) {
        return new CompartmentBuilder(section("compartments").putObject(name));
    }

    /** Starts a clamped compartment (an infinite bath) of 1 mL; set its concentrations, then {@code done()}. */
    public CompartmentBuilder bath(String name) {
        ObjectNode node = section("compartments").putObject(name);
        node.put("volume", "1 mL");
        node.put("clamped", true);
        return new CompartmentBuilder(node);
    }

    /** Starts a membrane between {@code inside} and {@code outside}; add its mechanisms, then {@code done()}. */
    public MembraneBuilder membrane(String name, String inside, String outside) {
        ObjectNode node = section("membranes").putObject(name);
        node.put("inside", inside);
        node.put("outside", outside);
        return new MembraneBuilder(node);
    }

    /** Adds a current pulse on a dynamic membrane, on {@code [start, start + duration)}, positive depolarizing. */
    public ModelBuilder stimulus(String membrane, Object start, Object duration, Object amplitude) {
        ObjectNode node = list("stimuli").addObject();
        node.put("membrane", membrane);
        put(node, "start", start);
        put(node, "duration", duration);
        put(node, "amplitude", amplitude);
        return this;
    }

    /** Adds an event: at time {@code at}, set the parameter at {@code path} (the scenario's own keys). */
    public ModelBuilder event(Object at, String path, Object value) {
        ObjectNode node = list("events").addObject();
        put(node, "at", at);
        put(node.putObject("set"), path, value);
        return this;
    }

    /** Sets {@code simulation.duration} and {@code simulation.output_interval}. */
    public ModelBuilder simulation(Object duration, Object outputInterval) {
        ObjectNode sim = section("simulation");
        put(sim, "duration", duration);
        put(sim, "output_interval", outputInterval);
        return this;
    }

    /** Sets any other {@code simulation} field ({@code solver}, {@code rtol}, {@code atol}, {@code record}, ...). */
    public ModelBuilder simulationOption(String key, Object value) {
        put(section("simulation"), key, value);
        return this;
    }

    /** @return the model; call {@link Ionflux#scenario(Model)} to validate and run it */
    public Model build() {
        return new Model(root);
    }

    /** Builds one compartment. */
    public final class CompartmentBuilder {
        private final ObjectNode node;

        CompartmentBuilder(ObjectNode node) {
            this.node = node;
        }

        /** Sets the (initial) {@code volume} ({@code "2 pL"}, or pL). */
        public CompartmentBuilder volume(Object value) {
            put(node, "volume", value);
            return this;
        }

        /** Sets the (initial) concentration of an ion ({@code "13 mM"}, or mM); a missing ion is at 0. */
        public CompartmentBuilder concentration(String ion, Object value) {
            ObjectNode c = node.has("concentrations") ? (ObjectNode) node.get("concentrations")
                    : node.putObject("concentrations");
            put(c, ion, value);
            return this;
        }

        /** Makes it {@code clamped} (an infinite bath whose concentrations and volume never change). */
        public CompartmentBuilder clamped() {
            node.put("clamped", true);
            return this;
        }

        /** @return the model builder */
        public ModelBuilder done() {
            return ModelBuilder.this;
        }
    }

    /** Builds one membrane. */
    public final class MembraneBuilder {
        private final ObjectNode node;

        MembraneBuilder(ObjectNode node) {
            this.node = node;
        }

        private ArrayNode mechanisms(String key) {
            return node.has(key) ? (ArrayNode) node.get(key) : node.putArray(key);
        }

        /** Sets the {@code area} ({@code "1000 um^2"}, or um^2). */
        public MembraneBuilder area(Object value) {
            put(node, "area", value);
            return this;
        }

        /** Sets the specific {@code capacitance} ({@code "1 uF/cm^2"}, the default). */
        public MembraneBuilder capacitance(Object value) {
            put(node, "capacitance", value);
            return this;
        }

        /** Clamps the potential at a constant value ({@code "-70 mV"}, or mV). */
        public MembraneBuilder clamp(Object value) {
            ObjectNode p = node.putObject("potential");
            p.put("mode", "clamp");
            put(p, "value", value);
            return this;
        }

        /** Clamps the potential in steps: {@code values[i]} from {@code times[i]} on; {@code times[0]} is 0. */
        public MembraneBuilder clampSteps(Object[] times, Object[] values) {
            ObjectNode p = node.putObject("potential");
            p.put("mode", "clamp");
            ArrayNode steps = p.putArray("steps");
            for (int i = 0; i < Math.min(times.length, values.length); i++) {
                ObjectNode step = steps.addObject();
                put(step, "at", times[i]);
                put(step, "value", values[i]);
            }
            return this;
        }

        /** Lets the potential follow the membrane current from {@code initial} ({@code "-65 mV"}, or mV). */
        public MembraneBuilder dynamic(Object initial) {
            ObjectNode p = node.putObject("potential");
            p.put("mode", "dynamic");
            put(p, "initial", initial);
            return this;
        }

        /** Adds an ohmic channel {@code i = g (V - E_ion)} of conductance density {@code g}. */
        public MembraneBuilder ohmic(String ion, Object conductance) {
            return channel(Map.of("ion", ion, "conductance", conductance));
        }

        /** Adds a GHK channel of permeability {@code p} ({@code "1e-7 cm/s"}, or cm/s). */
        public MembraneBuilder ghk(String ion, Object permeability) {
            return channel(Map.of("ion", ion, "permeability", permeability));
        }

        /** Adds a Hodgkin-Huxley gated channel ({@code gating} {@code hh-na} or {@code hh-k}) of maximal {@code g}. */
        public MembraneBuilder gated(String ion, Object maxConductance, String gating) {
            return channel(Map.of("ion", ion, "conductance", maxConductance, "gating", gating));
        }

        /** Adds a non-specific leak {@code i = g (V - E_L)}. */
        public MembraneBuilder leak(Object conductance, Object reversal) {
            return channel(Map.of("leak", true, "conductance", conductance, "reversal", reversal));
        }

        /** Adds a channel given by its scenario fields (for kinds without a shortcut here). */
        public MembraneBuilder channel(Map<String, ?> fields) {
            ObjectNode ch = mechanisms("channels").addObject();
            fields.forEach((k, v) -> put(ch, k, v));
            return this;
        }

        /** Adds a pump given by its scenario fields, {@code type} first (e.g. {@code na-k-atpase}, {@code pmca}). */
        public MembraneBuilder pump(String type, Map<String, ?> fields) {
            ObjectNode p = mechanisms("pumps").addObject();
            p.put("type", type);
            fields.forEach((k, v) -> put(p, k, v));
            return this;
        }

        /** Adds a cotransporter or exchanger: stoichiometry per ion per cycle (outward positive) and its rate. */
        public MembraneBuilder transporter(String name, Map<String, ? extends Number> stoichiometry, Object rate) {
            ObjectNode t = mechanisms("transporters").addObject();
            t.put("name", name);
            ObjectNode st = t.putObject("stoichiometry");
            stoichiometry.forEach((ion, nu) -> put(st, ion, nu));
            put(t, "rate", rate);
            return this;
        }

        /** Sets the osmotic {@code water_permeability} ({@code "2e-3 cm/s"}, or cm/s). */
        public MembraneBuilder waterPermeability(Object value) {
            put(node, "water_permeability", value);
            return this;
        }

        /** @return the model builder */
        public ModelBuilder done() {
            return ModelBuilder.this;
        }
    }
}
