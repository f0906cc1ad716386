package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.Species;
import org.ionflux.internal.model.Stimulus;
import org.ionflux.internal.physics.Constants;

/**
 * Reads a scenario file (docs/scenario-format.md) into a validated {@link Model}, reporting every problem at once.
 *
 * <p>Parsing and checking happen here, at the edge; the model it builds is SI and never sees a unit string. This
 * class orders the work: the file ({@link ScenarioFile}), the tree ({@link LocatedTree}), one reader per section
 * (all reporting through one {@link Fields}), the state-size limit ({@link StateSize}).
 */
public final class ScenarioReader {

    /** Largest scenario file accepted, bytes. */
    public static final long MAX_FILE_BYTES = ScenarioFile.MAX_BYTES;
    /** Most output rows a run may produce (docs/scenario-format.md leaves it to the engine; documented in README). */
    public static final long MAX_OUTPUT_ROWS = SimulationReader.MAX_OUTPUT_ROWS;
    /**
     * Most state variables a model may have (amounts, volumes, potentials, gates and bookkeeping; documented in
     * README). An explicit integrator keeps about 30 copies of the state, so the limit needs about 1.2 GB.
     */
    public static final long MAX_STATE_VARIABLES = StateSize.MAX_STATE_VARIABLES;
    /** Highest temperature accepted (docs/scenario-format.md bounds), K. */
    static final double MAX_TEMPERATURE_K = 400.0;

    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "temperature", "ions", "compartments",
            "membranes", "stimuli", "events", "simulation", CheckSection.KEY, InitialStateReader.KEY);

    private final LocatedTree tree;
    private final Fields fields;

    private ScenarioReader(LocatedTree tree) {
        this.tree = tree;
        this.fields = new Fields(tree);
    }

    /**
     * Reads and validates a scenario file; the format is chosen by its extension.
     *
     * @throws ScenarioException listing every problem of the file
     */
    public static LoadedScenario read(Path path) throws ScenarioException {
        ScenarioFile source = ScenarioFile.read(path);
        return fromTree(source.parse(), path, source.sha256());
    }

    /**
     * Reads a scenario file that starts from {@code initialState} instead of the file its {@code initial_state}
     * names: a run folder keeps the file its run started from ({@code initial_state.json}) beside its copy of the
     * scenario, whose relative {@code initial_state} would not resolve from there.
     *
     * @param path         the scenario file
     * @param initialState the file to start from; null reads the scenario as it is
     * @throws ScenarioException listing every problem of the file
     */
    public static LoadedScenario read(Path path, Path initialState) throws ScenarioException {
        ScenarioFile source = ScenarioFile.read(path);
        LocatedTree tree = source.parse();
        JsonNode root = tree.root();
        if (initialState != null && root instanceof ObjectNode object && object.hasNonNull(InitialStateReader.KEY)) {
            String text = initialState.toAbsolutePath().toString();
            ObjectNode edited = object.deepCopy();
            edited.put(InitialStateReader.KEY, text);
            tree = tree.edited(edited, InitialStateReader.KEY, text);
        }
        return fromTree(tree, path, source.sha256());
    }

    /**
     * @return the file a scenario's {@code initial_state} names, resolved as a run resolves it; null when it names
     *     none (or no valid path: reading the scenario reports that)
     */
    public static Path initialStateFile(LoadedScenario scenario) {
        JsonNode root = scenario.tree() == null ? null : scenario.tree().root();
        JsonNode given = root == null ? null : root.get(InitialStateReader.KEY);
        if (given == null || !given.isTextual() || given.asText().isBlank()) {
            return null;
        }
        try {
            return InitialStateReader.resolve(given.asText(), scenario.tree().file());
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Validates an already parsed scenario, e.g. one edited in memory with {@link ParameterPath#with}; messages
     * name the file the tree was parsed from.
     *
     * @param tree   the parsed scenario (its parse problems, if any, are reported with the others)
     * @param file   where it came from, kept in the result (may be null)
     * @param sha256 the SHA-256 to keep in the result, hex (may be null)
     * @throws ScenarioException listing every problem
     */
    public static LoadedScenario fromTree(LocatedTree tree, Path file, String sha256) throws ScenarioException {
        Model model = check(tree);
        return new LoadedScenario(model, file, sha256, SanityWarnings.of(model, tree.file(), tree), tree,
                CheckSection.read(tree.root(), (path, message) -> { }));   // validated by readModel
    }

    /**
     * Parses scenario text.
     *
     * @param yaml true for YAML, false for JSON
     * @param file the file name used in messages
     * @throws ScenarioException listing every problem
     */
    public static Model parse(String text, boolean yaml, String file) throws ScenarioException {
        return check(LocatedTree.parse(text, yaml, file));
    }

    private static Model check(LocatedTree tree) throws ScenarioException {
        ScenarioReader reader = new ScenarioReader(tree);
        Model model = reader.readModel();
        reader.fields.throwIfAny();
        return model;
    }

    private Model readModel() {
        JsonNode root = tree.root();
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            fields.problem("", "the top level must be a mapping with keys " + Fields.sorted(TOP_KEYS) + ", found "
                    + Fields.describe(root));
            return null;
        }
        fields.checkKeys(root, "", TOP_KEYS);
        CheckSection.read(root, fields::problem);

        String name = fields.string(root, "", "name", true);
        if (name != null && (!SCENARIO_NAME.matcher(name).matches() || name.length() > 100)) {
            fields.problem("name", "the name '" + name + "' names the output folder: use letters, digits, '_', '-' "
                    + "and '.', starting with a letter or digit, at most 100 characters");
        }
        String description = fields.string(root, "", "description", false);
        double temperatureK = fields.quantity(root, "", "temperature", Dimension.TEMPERATURE, false,
                Constants.ZERO_CELSIUS_K + 37.0);
        // a temperature that could not be read (NaN) was reported already
        if (!Double.isNaN(temperatureK) && !(temperatureK > 0 && temperatureK < MAX_TEMPERATURE_K)) {
            fields.problem("temperature", "the temperature must be above 0 K and below 400 K, found " + temperatureK
                    + " K");
        }

        IonsReader ionsReader = new IonsReader(fields);
        Map<String, Double> ions = ionsReader.read(root);
        List<String> ionNames = new ArrayList<>(ions.keySet());
        JsonNode compartmentNode = root.get("compartments");
        if (!StateSize.checkAmounts(fields, ions.size(), compartmentNode == null ? 0 : compartmentNode.size())) {
            return null;
        }
        List<Compartment> compartments = new CompartmentsReader(fields).read(root, ionNames);
        SimulationSettings settings = new SimulationReader(fields).read(root);
        MembranesReader membranesReader = new MembranesReader(fields);
        List<Membrane> membranes = membranesReader.read(root, ions, compartments, settings);
        Set<String> broken = membranesReader.brokenMembranes();
        List<Stimulus> stimuli = new StimuliReader(fields).read(root, membranes, broken, settings);
        List<Event> events = new EventsReader(fields).read(root, ionNames, compartments, membranes, broken, settings);
        ionsReader.checkIntegerCharges(ions, membranes);
        if (fields.hasProblems() || !StateSize.checkState(fields, ions.size(), compartments, membranes)) {
            return null;
        }
        List<Species> species = new ArrayList<>();
        ions.forEach((n, z) -> species.add(new Species(n, z)));
        Model model;
        try {
            model = new Model(name, description == null ? "" : description, temperatureK, species, compartments,
                    membranes, stimuli, events, settings);
            // the column names depend on the model: record and plot patterns are checked once it is built
            ColumnPatterns.checkMatches(fields, model);
        } catch (IllegalArgumentException e) {
            fields.problem("", e.getMessage());
            return null;
        }
        return new InitialStateReader(fields).apply(model, root, tree.file());
    }
}
