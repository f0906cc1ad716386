package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;

/**
 * A parameter path (docs/java-api.md "Parameter paths"): one number of a scenario named with the scenario's own keys, e.g.
 * {@code membranes.plasma.channels[0].permeability}. This class is the one home of the grammar: {@link #with} edits
 * a parsed scenario at any path of it, and the events reader accepts the subset that can change during a run
 * ({@link #isEventPath()}).
 */
public final class ParameterPath {

    /** What a path names; the fields each kind has in the grammar. */
    enum Kind {
        /** {@code temperature} */
        TEMPERATURE(Set.of()),
        /** {@code initial_state}: the path of the result a scenario starts from (a text, not a number) */
        INITIAL_STATE(Set.of()),
        /** {@code compartments.<c>.volume} */
        COMPARTMENT(Set.of("volume")),
        /** {@code compartments.<c>.concentrations.<ion>}: the field is the ion */
        CONCENTRATION(Set.of()),
        /** {@code membranes.<m>.area|capacitance|water_permeability} */
        MEMBRANE(Set.of("area", "capacitance", "water_permeability")),
        /** {@code membranes.<m>.potential.value|initial} */
        POTENTIAL(Set.of("value", "initial")),
        /** {@code membranes.<m>.potential.steps[<k>].value} */
        STEP(Set.of("value")),
        /** {@code membranes.<m>.channels[<i>].conductance|permeability|reversal} */
        CHANNEL(Set.of("conductance", "permeability", "reversal")),
        /** {@code membranes.<m>.pumps[<i>].max_current|km_na|km_k|km|hill} (each pump type has some of them) */
        PUMP(Set.of("max_current", "km_na", "km_k", "km", "hill")),
        /** {@code membranes.<m>.transporters[<i>].rate} */
        TRANSPORTER(Set.of("rate")),
        /** {@code stimuli[<i>].amplitude|start|duration} */
        STIMULUS(Set.of("amplitude", "start", "duration")),
        /** {@code simulation.duration|rtol|atol} */
        SIMULATION(Set.of("duration", "rtol", "atol"));

        final Set<String> fields;

        Kind(Set<String> fields) {
            this.fields = fields;
        }
    }

    /** Every path of the grammar, for messages. */
    static final String GRAMMAR = "temperature, compartments.<c>.volume, compartments.<c>.concentrations.<ion>, "
            + "membranes.<m>.area|capacitance|water_permeability, membranes.<m>.potential.value (a clamp without "
            + "steps) or .initial (dynamic), membranes.<m>.potential.steps[<k>].value, "
            + "membranes.<m>.channels[<i>].conductance|permeability|reversal, "
            + "membranes.<m>.pumps[<i>].max_current|km_na|km_k|km|hill, membranes.<m>.transporters[<i>].rate, "
            + "stimuli[<i>].amplitude|start|duration, simulation.duration|rtol|atol, initial_state (a file's path)";
    /** The paths an event may set, for messages. */
    static final String EVENT_GRAMMAR = "membranes.<m>.channels[<i>].conductance|permeability|reversal, "
            + "membranes.<m>.pumps[<i>].max_current, membranes.<m>.transporters[<i>].rate, "
            + "membranes.<m>.potential.value, compartments.<c>.concentrations.<ion> (clamped compartments)";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FIRST = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern NEXT = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[a-z_]+");
    private static final Map<String, Kind> LISTS = Map.of("channels", Kind.CHANNEL, "pumps", Kind.PUMP,
            "transporters", Kind.TRANSPORTER);

    private final String text;
    private final Kind kind;
    private final String owner;
    private final String list;
    private final int index;
    private final String indexText;
    private final String field;

    private ParameterPath(String text, Kind kind, String owner, String list, BigInteger index, String field) {
        this.text = text;
        this.kind = kind;
        this.owner = owner;
        this.list = list;
        // an index beyond int cannot exist (lists are bounded by the file size): it stays "too large"
        this.index = index == null ? -1 : index.bitLength() < 32 ? index.intValue() : Integer.MAX_VALUE;
        this.indexText = index == null ? null : index.toString();
        this.field = field;
    }

    /**
     * Parses the shape of a path: which kind of parameter it names, its owner, index and last key. The last key is
     * any lowercase key here ({@link #inGrammar()} says whether it is one of the grammar).
     *
     * @return the path, or null if it has none of the shapes of the grammar
     */
    static ParameterPath parse(String text) {
        List<Object> t = tokens(text);
        if (t == null) {
            return null;
        }
        int n = t.size();
        if (n == 1 && "temperature".equals(t.get(0))) {
            return new ParameterPath(text, Kind.TEMPERATURE, null, null, null, null);
        }
        if (n == 1 && InitialStateReader.KEY.equals(t.get(0))) {
            return new ParameterPath(text, Kind.INITIAL_STATE, null, null, null, null);
        }
        if (n == 3 && "compartments".equals(t.get(0)) && isName(t.get(1)) && isField(t.get(2))) {
            return new ParameterPath(text, Kind.COMPARTMENT, (String) t.get(1), null, null, (String) t.get(2));
        }
        if (n == 4 && "compartments".equals(t.get(0)) && isName(t.get(1)) && "concentrations".equals(t.get(2))
                && isName(t.get(3))) {
            return new ParameterPath(text, Kind.CONCENTRATION, (String) t.get(1), null, null, (String) t.get(3));
        }
        if (n == 2 && "simulation".equals(t.get(0)) && isField(t.get(1))) {
            return new ParameterPath(text, Kind.SIMULATION, null, null, null, (String) t.get(1));
        }
        if (n == 3 && "stimuli".equals(t.get(0)) && t.get(1) instanceof BigInteger i && isField(t.get(2))) {
            return new ParameterPath(text, Kind.STIMULUS, null, "stimuli", i, (String) t.get(2));
        }
        if (n < 3 || !"membranes".equals(t.get(0)) || !isName(t.get(1))) {
            return null;
        }
        String membrane = (String) t.get(1);
        if (n == 3 && isField(t.get(2))) {
            return new ParameterPath(text, Kind.MEMBRANE, membrane, null, null, (String) t.get(2));
        }
        if (n == 4 && "potential".equals(t.get(2)) && isField(t.get(3))) {
            return new ParameterPath(text, Kind.POTENTIAL, membrane, null, null, (String) t.get(3));
        }
        if (n == 6 && "potential".equals(t.get(2)) && "steps".equals(t.get(3)) && t.get(4) instanceof BigInteger k
                && isField(t.get(5))) {
            return new ParameterPath(text, Kind.STEP, membrane, "steps", k, (String) t.get(5));
        }
        if (n == 5 && LISTS.containsKey(t.get(2)) && t.get(3) instanceof BigInteger i && isField(t.get(4))) {
            return new ParameterPath(text, LISTS.get(t.get(2)), membrane, (String) t.get(2), i, (String) t.get(4));
        }
        return null;
    }

    /** @return the keys (String) and indices (BigInteger) of {@code text}, or null if it is not key(.key|[i])* */
    private static List<Object> tokens(String text) {
        Matcher first = FIRST.matcher(text);
        if (!first.lookingAt()) {
            return null;
        }
        List<Object> tokens = new ArrayList<>();
        tokens.add(first.group());
        Matcher next = NEXT.matcher(text);
        int at = first.end();
        while (at < text.length()) {
            next.region(at, text.length());
            if (!next.lookingAt()) {
                return null;
            }
            tokens.add(next.group(1) != null ? next.group(1) : new BigInteger(next.group(2)));
            at = next.end();
        }
        return tokens;
    }

    private static boolean isName(Object token) {
        return token instanceof String s && NAME.matcher(s).matches();
    }

    private static boolean isField(Object token) {
        return token instanceof String s && FIELD.matcher(s).matches();
    }

    /** @return the path as written */
    String text() {
        return text;
    }

    /** @return what the path names */
    Kind kind() {
        return kind;
    }

    /** @return the membrane or compartment named in the path, or null */
    String owner() {
        return owner;
    }

    /** @return the list indexed ({@code channels}, {@code pumps}, {@code transporters}, {@code steps}, ...), or null */
    String list() {
        return list;
    }

    /** @return the list index, -1 when none ({@link Integer#MAX_VALUE} for one too large to exist) */
    int index() {
        return index;
    }

    /** @return the list index as a number without leading zeros, for messages, or null */
    String indexText() {
        return indexText;
    }

    /**
     * @return the last key (the field; the ion of a concentration), or null for {@code temperature} and
     *     {@code initial_state}
     */
    String field() {
        return field;
    }

    /** @return true if the path is one of the grammar (its last key one its kind has) */
    boolean inGrammar() {
        return kind == Kind.TEMPERATURE || kind == Kind.INITIAL_STATE || kind == Kind.CONCENTRATION
                || kind.fields.contains(field);
    }

    /**
     * @return true if the path has the shape of one an event may set: any field of a channel, pump or transporter
     *     (the events reader says which one that item has), a clamp value, a concentration
     */
    boolean isEventPath() {
        return kind == Kind.CHANNEL || kind == Kind.PUMP || kind == Kind.TRANSPORTER || kind == Kind.CONCENTRATION
                || kind == Kind.POTENTIAL && "value".equals(field);
    }

    /** @return the path as the reader names it: indices without leading zeros */
    private String treePath() {
        switch (kind) {
            case TEMPERATURE:
                return "temperature";
            case INITIAL_STATE:
                return InitialStateReader.KEY;
            case COMPARTMENT:
                return "compartments." + owner + "." + field;
            case CONCENTRATION:
                return "compartments." + owner + ".concentrations." + field;
            case MEMBRANE:
                return "membranes." + owner + "." + field;
            case POTENTIAL:
                return "membranes." + owner + ".potential." + field;
            case STEP:
                return "membranes." + owner + ".potential.steps[" + indexText + "]." + field;
            case STIMULUS:
                return "stimuli[" + indexText + "]." + field;
            case SIMULATION:
                return "simulation." + field;
            default:
                return "membranes." + owner + "." + list + "[" + indexText + "]." + field;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Sets one parameter of a parsed scenario to a number in its default unit (as a bare number in a file).
     *
     * @param tree  the scenario, not changed
     * @param path  a path of the grammar (docs/java-api.md "Parameter paths")
     * @param value the new value, in the field's default unit (mV, mM, pL, ...)
     * @return a copy of {@code tree} with that value; its bounds are checked when it is read
     *     ({@link ScenarioReader#fromTree})
     * @throws ScenarioException naming the path, if it is not in the grammar or names an item the scenario lacks
     */
    public static LocatedTree with(LocatedTree tree, String path, double value) throws ScenarioException {
        return edit(tree, path, NODES.numberNode(value), String.valueOf(value));
    }

    /**
     * Sets one parameter of a parsed scenario to a value written as in a file: {@code "<number> <unit>"} or a
     * number in the default unit, e.g. {@code "2e-7 cm/s"}.
     *
     * @param tree  the scenario, not changed
     * @param path  a path of the grammar (docs/java-api.md "Parameter paths")
     * @param value the new value, with or without a unit
     * @return a copy of {@code tree} with that value; its unit and bounds are checked when it is read
     *     ({@link ScenarioReader#fromTree})
     * @throws ScenarioException naming the path, if it is not in the grammar or names an item the scenario lacks
     */
    public static LocatedTree with(LocatedTree tree, String path, String value) throws ScenarioException {
        if (value == null) {
            throw problem(tree, path == null ? "" : path, "no value given");
        }
        return edit(tree, path, NODES.textNode(value), value);
    }

    private static LocatedTree edit(LocatedTree tree, String path, JsonNode value, String text)
            throws ScenarioException {
        ParameterPath p = path == null ? null : parse(path);
        if (p == null || !p.inGrammar()) {
            String hint = p == null ? "" : Spelling.suggestion(p.field, p.kind.fields);
            throw problem(tree, path == null ? "" : path, "unknown parameter path '" + path + "'" + hint
                    + "; parameter paths: " + GRAMMAR);
        }
        JsonNode root = tree.root();
        if (root == null || !root.isObject()) {
            throw problem(tree, path, "the scenario could not be read, so it has no parameter '" + path + "'");
        }
        List<Object> steps = p.containerSteps(tree, root);
        String key = p.kind == Kind.TEMPERATURE ? "temperature"
                : p.kind == Kind.INITIAL_STATE ? InitialStateReader.KEY : p.field;
        JsonNode newRoot = replaced(root, steps, 0, key, value);
        return tree.edited(newRoot, p.treePath(), text);
    }

    /**
     * Checks that the item this path names exists in {@code root} and has this field.
     *
     * @return the keys (String) and indices (Integer) from the root to the mapping that holds the field
     */
    private List<Object> containerSteps(LocatedTree tree, JsonNode root) throws ScenarioException {
        List<Object> steps = new ArrayList<>();
        switch (kind) {
            case TEMPERATURE:
            case INITIAL_STATE:
                return steps;
            case SIMULATION:
                mapping(tree, root, "simulation", "the scenario has no 'simulation' mapping");
                steps.add("simulation");
                return steps;
            case STIMULUS: {
                JsonNode stimuli = root.get("stimuli");
                int size = stimuli == null || stimuli.isNull() ? 0 : stimuli.isArray() ? stimuli.size() : -1;
                item(tree, stimuli, size, "the scenario has " + size + " stimuli", "'stimuli' is not a list");
                steps.add("stimuli");
                steps.add(index);
                return steps;
            }
            case COMPARTMENT:
            case CONCENTRATION:
                return compartmentSteps(tree, root);
            default:
                return membraneSteps(tree, root);
        }
    }

    private List<Object> compartmentSteps(LocatedTree tree, JsonNode root) throws ScenarioException {
        JsonNode compartments = root.get("compartments");
        List<String> names = keys(compartments);
        JsonNode compartment = compartments == null ? null : compartments.get(owner);
        if (compartment == null || !compartment.isObject()) {
            throw problem(tree, "'" + owner + "' is not a compartment" + Spelling.suggestion(owner, names)
                    + "; compartments: " + String.join(", ", names));
        }
        List<Object> steps = new ArrayList<>(List.of("compartments", owner));
        if (kind == Kind.CONCENTRATION) {
            List<String> ions = keys(root.get("ions"));
            if (!ions.contains(field)) {
                throw problem(tree, "'" + field + "' is not a declared ion" + Spelling.suggestion(field, ions)
                        + "; ions: " + String.join(", ", ions));
            }
            JsonNode concentrations = compartment.get("concentrations");
            if (concentrations != null && !concentrations.isNull() && !concentrations.isObject()) {
                throw problem(tree, "the concentrations of compartment '" + owner + "' are not a mapping");
            }
            steps.add("concentrations");
        }
        return steps;
    }

    private List<Object> membraneSteps(LocatedTree tree, JsonNode root) throws ScenarioException {
        JsonNode membranes = root.get("membranes");
        List<String> names = keys(membranes);
        JsonNode membrane = membranes == null ? null : membranes.get(owner);
        if (membrane == null || !membrane.isObject()) {
            throw problem(tree, "'" + owner + "' is not a membrane" + Spelling.suggestion(owner, names)
                    + "; membranes: " + String.join(", ", names));
        }
        List<Object> steps = new ArrayList<>(List.of("membranes", owner));
        String of = "membrane '" + owner + "'";
        switch (kind) {
            case MEMBRANE:
                return steps;
            case POTENTIAL:
            case STEP: {
                JsonNode potential = mapping(tree, membrane, "potential", of + " has no 'potential' mapping");
                steps.add("potential");
                checkPotential(tree, potential, of);
                if (kind == Kind.STEP) {
                    JsonNode list = potential.get("steps");
                    int size = list.isArray() ? list.size() : -1;
                    item(tree, list, size, "the clamp of " + of + " has " + size + " steps",
                            "the clamp steps of " + of + " are not a list");
                    steps.add("steps");
                    steps.add(index);
                }
                return steps;
            }
            default: {
                JsonNode items = membrane.get(list);
                int size = items == null || items.isNull() ? 0 : items.isArray() ? items.size() : -1;
                item(tree, items, size, of + " has " + size + " " + list, "the " + list + " of " + of
                        + " are not a list");
                checkItemField(tree, items.get(index));
                steps.add(list);
                steps.add(index);
                return steps;
            }
        }
    }

    /** Checks that a membrane's potential has this path's field: a clamp value, an initial value or clamp steps. */
    private void checkPotential(LocatedTree tree, JsonNode potential, String of) throws ScenarioException {
        JsonNode modeNode = potential.get("mode");
        String mode = modeNode != null && modeNode.isTextual() ? modeNode.asText() : null;
        boolean hasSteps = Fields.present(potential, "steps");
        if (kind == Kind.STEP) {
            if (!hasSteps) {
                throw problem(tree, of + " is not clamped in steps"
                        + ("dynamic".equals(mode) ? "; its parameter is potential.initial" : "; its parameter is "
                        + "potential.value"));
            }
        } else if (field.equals("value")) {
            if ("dynamic".equals(mode)) {
                throw problem(tree, of + " has a dynamic potential; its parameter is potential.initial, not "
                        + "potential.value");
            }
            if (hasSteps) {
                throw problem(tree, of + " is clamped in steps; set potential.steps[<k>].value");
            }
        } else if ("clamp".equals(mode)) {
            throw problem(tree, of + " is clamped; its parameter is " + (hasSteps
                    ? "potential.steps[<k>].value" : "potential.value") + ", not potential.initial");
        }
    }

    /** Checks that the channel or pump at this path has this path's field (a transporter has only its rate). */
    private void checkItemField(LocatedTree tree, JsonNode item) throws ScenarioException {
        Set<String> has;
        String what;
        if (kind == Kind.CHANNEL) {
            JsonNode leak = item.get("leak");
            if (leak != null && leak.isBoolean() && leak.asBoolean()) {
                has = Set.of("conductance", "reversal");
                what = "a non-specific leak";
            } else if (Fields.present(item, "permeability")) {
                has = Set.of("permeability");
                what = "a GHK channel";
            } else {
                has = Set.of("conductance");
                what = Fields.present(item, "gating") ? "a gated channel" : "an ohmic channel";
            }
        } else if (kind == Kind.PUMP) {
            JsonNode typeNode = item.get("type");
            PumpType type = typeNode != null && typeNode.isTextual() ? PumpsReader.type(typeNode.asText()) : null;
            if (type == null) {
                return; // no or an unknown type: the reader reports it
            }
            has = new TreeSet<>(type.keys());
            has.remove("type");
            what = "a " + type.name() + " pump";
        } else {
            return;
        }
        if (!has.contains(field)) {
            throw problem(tree, "this is " + what + "; it has " + String.join(", ", new TreeSet<>(has))
                    + ", not " + field);
        }
    }

    /** Checks that {@code index} is an item of a list of {@code size} items (-1: not a list). */
    private void item(LocatedTree tree, JsonNode items, int size, String has, String notAList)
            throws ScenarioException {
        if (size < 0) {
            throw problem(tree, notAList);
        }
        if (index >= size) {
            throw problem(tree, has + "; index " + indexText + " does not exist (the first is [0])");
        }
        if (!items.get(index).isObject()) {
            throw problem(tree, "item [" + indexText + "] is not a mapping");
        }
    }

    private JsonNode mapping(LocatedTree tree, JsonNode parent, String key, String missing)
            throws ScenarioException {
        JsonNode v = parent.get(key);
        if (v == null || !v.isObject()) {
            throw problem(tree, missing);
        }
        return v;
    }

    private static List<String> keys(JsonNode mapping) {
        List<String> keys = new ArrayList<>();
        if (mapping != null && mapping.isObject()) {
            mapping.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /**
     * @return a copy of {@code node} with {@code value} at {@code key} of the mapping that {@code steps} lead to;
     *     only the nodes on the way are copied, the others are shared (the reader never modifies a tree)
     */
    private static JsonNode replaced(JsonNode node, List<Object> steps, int i, String key, JsonNode value) {
        if (i == steps.size()) {
            ObjectNode copy = NODES.objectNode();
            if (node != null && node.isObject()) {
                copy.setAll((ObjectNode) node);
            }
            copy.set(key, value);
            return copy;
        }
        Object step = steps.get(i);
        if (step instanceof Integer index) {
            ArrayNode copy = NODES.arrayNode();
            copy.addAll((ArrayNode) node);
            copy.set(index, replaced(node.get(index), steps, i + 1, key, value));
            return copy;
        }
        ObjectNode copy = NODES.objectNode();
        copy.setAll((ObjectNode) node);
        copy.set((String) step, replaced(node.get((String) step), steps, i + 1, key, value));
        return copy;
    }

    /** @return a problem of this path, located at the nearest place of the file that it names */
    private ScenarioException problem(LocatedTree tree, String message) {
        int[] at = tree.locate(treePath());
        return new ScenarioException(List.of(new Problem(tree.file(), text, at[0], at[1], message)));
    }

    private static ScenarioException problem(LocatedTree tree, String path, String message) {
        int[] at = tree.locate(path);
        return new ScenarioException(List.of(new Problem(tree.file(), path, at[0], at[1], message)));
    }
}
