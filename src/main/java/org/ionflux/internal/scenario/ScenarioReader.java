package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.Names;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.model.Species;
import org.ionflux.internal.model.Stimulus;
import org.ionflux.internal.model.Transporter;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;

/**
 * Reads a scenario file (SCENARIO.md) into a validated {@link Model}, reporting every problem at once.
 *
 * <p>Parsing and checking happen here, at the edge; the model it builds is SI and never sees a unit string.
 */
public final class ScenarioReader {

    /** Largest scenario file accepted, bytes. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Most output rows a run may produce (SCENARIO.md leaves it to the engine; documented in README). */
    public static final long MAX_OUTPUT_ROWS = 20_000_000L;
    /**
     * Most state variables a model may have (amounts, volumes, potentials, gates and bookkeeping; documented in
     * README). An explicit integrator keeps about 30 copies of the state, so the limit needs about 1.2 GB.
     */
    public static final long MAX_STATE_VARIABLES = 5_000_000L;
    /** Highest concentration accepted (SCENARIO.md bounds), mol/m^3: 10 M. */
    static final double MAX_CONCENTRATION_MOL_PER_M3 = 10_000.0;
    /** Highest temperature accepted (SCENARIO.md bounds), K. */
    static final double MAX_TEMPERATURE_K = 400.0;

    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "temperature", "ions", "compartments",
            "membranes", "stimuli", "events", "simulation", CheckSection.KEY);
    private static final Set<String> ION_KEYS = Set.of("charge");
    private static final Set<String> COMPARTMENT_KEYS = Set.of("volume", "concentrations", "clamped");
    private static final Set<String> MEMBRANE_KEYS = Set.of("inside", "outside", "area", "capacitance", "potential",
            "channels", "pumps", "transporters", "water_permeability");
    private static final Set<String> POTENTIAL_KEYS = Set.of("mode", "value", "steps", "initial");
    private static final Set<String> STEP_KEYS = Set.of("at", "value");
    private static final Set<String> CHANNEL_KEYS = Set.of("ion", "conductance", "permeability", "gating", "leak",
            "reversal");
    private static final Set<String> PUMP_KEYS = Set.of("type", "max_current", "km_na", "km_k");
    private static final Set<String> TRANSPORTER_KEYS = Set.of("name", "stoichiometry", "rate");
    private static final Set<String> STIMULUS_KEYS = Set.of("membrane", "start", "duration", "amplitude");
    private static final Set<String> EVENT_KEYS = Set.of("at", "set");
    private static final Pattern EVENT_PATH = Pattern.compile(
            "membranes\\.([A-Za-z][A-Za-z0-9_]*)\\.(channels|pumps|transporters)\\[(\\d+)]\\.([a-z_]+)"
            + "|membranes\\.([A-Za-z][A-Za-z0-9_]*)\\.potential\\.value"
            + "|compartments\\.([A-Za-z][A-Za-z0-9_]*)\\.concentrations\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Set<String> SIMULATION_KEYS = Set.of("duration", "output_interval", "solver", "rtol", "atol",
            "step", "record", "stop_at_steady_state");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> brokenMembranes = new java.util.HashSet<>();
    /** Paths of keys that an unknown key probably misspells: their absence is not reported again. */
    private final Set<String> misspelled = new java.util.HashSet<>();
    private LocatedTree tree;
    private Model model;
    private CheckSection checkSection = CheckSection.NONE;

    private ScenarioReader(String file) {
        this.file = file;
    }

    /**
     * Reads and validates a scenario file; the format is chosen by its extension.
     *
     * @throws ScenarioException listing every problem of the file
     */
    public static LoadedScenario read(Path path) throws ScenarioException {
        String name = path.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        if (!yaml && !lower.endsWith(".json")) {
            throw single(name, "the file name must end in .yaml, .yml or .json (that chooses the format)");
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw single(name, "this is a folder, not a scenario file");
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw single(name, "the file is " + size + " bytes; scenario files are limited to " + MAX_FILE_BYTES
                        + " bytes");
            }
            try (java.io.InputStream in = Files.newInputStream(path)) {
                // bounded even if the file grows while it is read (a pipe, a device)
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw single(name, "the file is larger than the " + MAX_FILE_BYTES + " bytes allowed for scenario "
                        + "files");
            }
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        ScenarioReader reader = check(text, yaml, name);
        return new LoadedScenario(reader.model, path, sha256(bytes), SanityWarnings.of(reader.model, name,
                reader.tree), reader.checkSection);
    }

    /**
     * Parses scenario text.
     *
     * @param yaml true for YAML, false for JSON
     * @param file the file name used in messages
     * @throws ScenarioException listing every problem
     */
    public static Model parse(String text, boolean yaml, String file) throws ScenarioException {
        return check(text, yaml, file).model;
    }

    private static ScenarioReader check(String text, boolean yaml, String file) throws ScenarioException {
        ScenarioReader reader = new ScenarioReader(file);
        reader.model = reader.readModel(text, yaml);
        if (!reader.problems.isEmpty()) {
            // in the order of the file; problems of the whole file (no line) last
            List<Problem> inFileOrder = new ArrayList<>(reader.problems);
            inFileOrder.sort(java.util.Comparator.comparingInt((Problem p) -> p.line() > 0 ? p.line()
                    : Integer.MAX_VALUE).thenComparingInt(Problem::column));
            throw new ScenarioException(inFileOrder);
        }
        return reader;
    }

    private static ScenarioException single(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, "", 0, 0, message)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Model readModel(String text, boolean yaml) {
        tree = LocatedTree.parse(text, yaml, file, problems);
        JsonNode root = tree.root();
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problem("", "the top level must be a mapping with keys " + sorted(TOP_KEYS) + ", found "
                    + describe(root));
            return null;
        }
        checkKeys(root, "", TOP_KEYS);
        checkSection = CheckSection.read(root, this::problem);

        String name = string(root, "", "name", true);
        if (name != null && (!SCENARIO_NAME.matcher(name).matches() || name.length() > 100)) {
            problem("name", "the name '" + name + "' names the output folder: use letters, digits, '_', '-' and "
                    + "'.', starting with a letter or digit, at most 100 characters");
        }
        String description = string(root, "", "description", false);
        double temperatureK = quantity(root, "", "temperature", Dimension.TEMPERATURE, false,
                Constants.ZERO_CELSIUS_K + 37.0);
        if (!(temperatureK > 0 && temperatureK < MAX_TEMPERATURE_K)) {
            problem("temperature", "the temperature must be above 0 K and below 400 K, found " + temperatureK + " K");
        }

        Map<String, Double> ions = readIons(root);
        List<String> ionNames = new ArrayList<>(ions.keySet());
        JsonNode compartmentNode = root.get("compartments");
        long cells = (long) ions.size() * (compartmentNode == null ? 0 : compartmentNode.size());
        if (cells > MAX_STATE_VARIABLES) {
            // checked before any per-compartment array is made: such a file must not exhaust the memory
            problem("compartments", ions.size() + " ions in " + compartmentNode.size() + " compartments make "
                    + cells + " amounts; a model may have at most " + MAX_STATE_VARIABLES + " state variables");
            return null;
        }
        List<Compartment> compartments = readCompartments(root, ionNames);
        SimulationSettings settings = readSimulation(root);
        List<Membrane> membranes = readMembranes(root, ionNames, compartments, settings);
        List<Stimulus> stimuli = readStimuli(root, membranes, settings);
        List<Event> events = readEvents(root, ionNames, compartments, membranes, settings);
        checkIntegerCharges(ions, membranes);
        if (!problems.isEmpty()) {
            return null;
        }
        long stateVariables = stateVariables(ions.size(), compartments, membranes);
        if (stateVariables > MAX_STATE_VARIABLES) {
            problem("", "this model has " + stateVariables + " state variables (amounts of every ion in every "
                    + "compartment that is not clamped, volumes, potentials, gates); the limit is "
                    + MAX_STATE_VARIABLES + ": use fewer compartments or ions");
            return null;
        }
        List<Species> species = new ArrayList<>();
        ions.forEach((n, z) -> species.add(new Species(n, z)));
        try {
            return new Model(name, description == null ? "" : description, temperatureK, species, compartments,
                    membranes, stimuli, events, settings);
        } catch (IllegalArgumentException e) {
            problem("", e.getMessage());
            return null;
        }
    }

    /**
     * An upper bound of the length of the ODE state (MODEL.md section 1): the amount of every ion in every
     * non-clamped compartment, its volume, every membrane's potential, every gate, and one bookkeeping variable per
     * ion and per compartment.
     */
    static long stateVariables(int ions, List<Compartment> compartments, List<Membrane> membranes) {
        long n = 0;
        for (Compartment c : compartments) {
            n += c.clamped() ? 1 : (long) ions + 2;
        }
        n += ions;
        for (Membrane m : membranes) {
            n += 1;
            for (Channel ch : m.channels()) {
                if (ch instanceof Channel.Gated gated) {
                    n += gated.kinetics().gateCount();
                }
            }
        }
        return n;
    }

    private Map<String, Double> readIons(JsonNode root) {
        Map<String, Double> ions = new LinkedHashMap<>();
        JsonNode node = mapping(root, "", "ions", true);
        if (node == null) {
            return ions;
        }
        if (node.isEmpty()) {
            problem("ions", "at least one ion is needed, e.g. 'K: {charge: 1}'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "ions." + e.getKey();
            checkName(path, e.getKey(), "ion");
            if ("leak".equals(e.getKey())) {
                problem(path, "'leak' is reserved for the non-specific leak's column; choose another ion name");
            }
            JsonNode ion = e.getValue();
            if (!ion.isObject()) {
                problem(path, "expected a mapping like '{charge: 1}', found " + describe(ion));
                continue;
            }
            checkKeys(ion, path, ION_KEYS);
            double charge = number(ion, path, "charge", true, Double.NaN);
            ions.put(e.getKey(), charge);
        }
        return ions;
    }

    private List<Compartment> readCompartments(JsonNode root, List<String> ionNames) {
        List<Compartment> result = new ArrayList<>();
        JsonNode node = mapping(root, "", "compartments", true);
        if (node == null) {
            return result;
        }
        if (node.isEmpty()) {
            problem("compartments", "at least one compartment is needed");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "compartments." + e.getKey();
            boolean nameOk = checkName(path, e.getKey(), "compartment");
            JsonNode comp = e.getValue();
            if (!comp.isObject()) {
                problem(path, "expected a mapping with volume and concentrations, found " + describe(comp));
                continue;
            }
            checkKeys(comp, path, COMPARTMENT_KEYS);
            double volume = quantity(comp, path, "volume", Dimension.VOLUME, true, Double.NaN);
            positive(path + ".volume", volume, "volume");
            boolean clamped = bool(comp, path, "clamped", false);
            double[] conc = new double[ionNames.size()];
            JsonNode concNode = mapping(comp, path, "concentrations", false);
            if (concNode != null) {
                for (Iterator<Map.Entry<String, JsonNode>> ci = concNode.fields(); ci.hasNext(); ) {
                    Map.Entry<String, JsonNode> c = ci.next();
                    String cPath = path + ".concentrations." + c.getKey();
                    int s = ionNames.indexOf(c.getKey());
                    if (s < 0) {
                        problem(cPath, "'" + c.getKey() + "' is not a declared ion" + suggestion(c.getKey(),
                                ionNames) + "; declare it under 'ions' first");
                        continue;
                    }
                    double value = quantity(concNode, path + ".concentrations", c.getKey(), Dimension.CONCENTRATION,
                            true, Double.NaN);
                    if (Double.isFinite(value) && (value < 0 || value > MAX_CONCENTRATION_MOL_PER_M3)) {
                        problem(cPath, "a concentration must be between 0 and 10 M, found " + value + " mM");
                    }
                    conc[s] = value;
                }
            }
            if (nameOk && Double.isFinite(volume) && volume > 0 && allFiniteNonNegative(conc)) {
                result.add(new Compartment(e.getKey(), volume, conc, clamped));
            } else {
                result.add(null);
            }
        }
        return result;
    }

    private List<Membrane> readMembranes(JsonNode root, List<String> ionNames, List<Compartment> compartments,
                                         SimulationSettings settings) {
        List<Membrane> result = new ArrayList<>();
        JsonNode node = mapping(root, "", "membranes", true);
        if (node == null) {
            return result;
        }
        List<String> compartmentNames = new ArrayList<>();
        JsonNode compNode = root.get("compartments");
        if (compNode != null && compNode.isObject()) {
            compNode.fieldNames().forEachRemaining(compartmentNames::add);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "membranes." + e.getKey();
            boolean ok = checkName(path, e.getKey(), "membrane");
            JsonNode mem = e.getValue();
            if (!mem.isObject()) {
                problem(path, "expected a mapping with inside, outside, area and potential, found " + describe(mem));
                continue;
            }
            checkKeys(mem, path, MEMBRANE_KEYS);
            int inside = compartmentRef(mem, path, "inside", compartmentNames);
            int outside = compartmentRef(mem, path, "outside", compartmentNames);
            if (inside >= 0 && inside == outside) {
                problem(path + ".outside", "the membrane has '" + compartmentNames.get(inside)
                        + "' on both sides; inside and outside must differ");
                ok = false;
            }
            double area = quantity(mem, path, "area", Dimension.AREA, true, Double.NaN);
            positive(path + ".area", area, "area");
            double capacitance = quantity(mem, path, "capacitance", Dimension.CAPACITANCE_DENSITY, false, 1e-2);
            positive(path + ".capacitance", capacitance, "capacitance");
            PotentialProtocol potential = readPotential(mem, path, settings);
            List<Channel> channels = readChannels(mem, path, ionNames, compartments, inside, outside);
            List<Pump> pumps = readPumps(mem, path, ionNames);
            List<Transporter> transporters = readTransporters(mem, path, ionNames, compartments, inside, outside);
            double water = quantity(mem, path, "water_permeability", Dimension.PERMEABILITY, false, 0.0);
            nonNegative(path + ".water_permeability", water, "water permeability");
            ok &= inside >= 0 && outside >= 0 && inside != outside && area > 0 && Double.isFinite(area)
                    && capacitance > 0 && Double.isFinite(capacitance) && potential != null && channels != null
                    && pumps != null && transporters != null && water >= 0 && Double.isFinite(water);
            if (ok) {
                result.add(new Membrane(e.getKey(), inside, outside, area, capacitance, potential, channels, pumps,
                        transporters, water));
            } else {
                brokenMembranes.add(e.getKey());
            }
        }
        checkForest(result, compartmentNames);
        return result;
    }

    private void checkForest(List<Membrane> membranes, List<String> compartmentNames) {
        int[] root = new int[compartmentNames.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (Membrane m : membranes) {
            int a = find(root, m.insideIndex());
            int b = find(root, m.outsideIndex());
            if (a == b) {
                problem("membranes." + m.name(), "this membrane closes a cycle: '" + compartmentNames.get(
                        m.insideIndex()) + "' and '" + compartmentNames.get(m.outsideIndex()) + "' are already "
                        + "joined by other membranes; membranes must form a tree (merge two membranes between the "
                        + "same compartments into one)");
            } else {
                root[a] = b;
            }
        }
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            i = root[i];
        }
        return i;
    }

    private PotentialProtocol readPotential(JsonNode mem, String membranePath, SimulationSettings settings) {
        String path = membranePath + ".potential";
        JsonNode node = mapping(mem, membranePath, "potential", true);
        if (node == null) {
            return null;
        }
        checkKeys(node, path, POTENTIAL_KEYS);
        String mode = string(node, path, "mode", true);
        if (mode == null) {
            return null;
        }
        switch (mode) {
            case "dynamic": {
                forbid(node, path, "value", "a dynamic potential takes 'initial', not 'value'");
                forbid(node, path, "steps", "a dynamic potential takes 'initial', not 'steps'");
                double initial = quantity(node, path, "initial", Dimension.POTENTIAL, true, Double.NaN);
                return Double.isFinite(initial) ? new PotentialProtocol.Dynamic(initial) : null;
            }
            case "clamp": {
                forbid(node, path, "initial", "a clamped potential takes 'value' or 'steps', not 'initial'");
                boolean hasValue = present(node, "value");
                boolean hasSteps = present(node, "steps");
                if (hasValue == hasSteps) {
                    problem(path, "a clamp needs exactly one of 'value' (a constant) or 'steps' (a list of "
                            + "{at, value})");
                    return null;
                }
                if (hasValue) {
                    double v = quantity(node, path, "value", Dimension.POTENTIAL, true, Double.NaN);
                    return Double.isFinite(v) ? PotentialProtocol.Clamp.constant(v) : null;
                }
                return readSteps(node.get("steps"), path + ".steps", settings);
            }
            default:
                problem(path + ".mode", "unknown potential mode '" + mode + "'; expected 'clamp' or 'dynamic'");
                return null;
        }
    }

    private PotentialProtocol readSteps(JsonNode steps, String path, SimulationSettings settings) {
        if (!steps.isArray() || steps.isEmpty()) {
            problem(path, "expected a non-empty list of {at, value}, found " + describe(steps));
            return null;
        }
        double[] times = new double[steps.size()];
        double[] values = new double[steps.size()];
        boolean ok = true;
        for (int i = 0; i < steps.size(); i++) {
            String stepPath = path + "[" + i + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                problem(stepPath, "expected {at: <time>, value: <potential>}, found " + describe(step));
                ok = false;
                continue;
            }
            checkKeys(step, stepPath, STEP_KEYS);
            times[i] = quantity(step, stepPath, "at", Dimension.TIME, true, Double.NaN);
            values[i] = quantity(step, stepPath, "value", Dimension.POTENTIAL, true, Double.NaN);
            ok &= Double.isFinite(times[i]) && Double.isFinite(values[i]);
            if (i == 0 && Double.isFinite(times[i]) && times[i] != 0) {
                problem(stepPath + ".at", "the first clamp step must be at 0 s, found " + times[i] + " s");
                ok = false;
            }
            if (i > 0 && Double.isFinite(times[i]) && !(times[i] > times[i - 1])) {
                problem(stepPath + ".at", "clamp step times must increase strictly; " + times[i] + " s comes after "
                        + times[i - 1] + " s");
                ok = false;
            }
            if (settings != null && Double.isFinite(times[i]) && times[i] >= settings.durationS() && i > 0) {
                problem(stepPath + ".at", "the step at " + times[i] + " s is not before the end of the run ("
                        + settings.durationS() + " s)");
                ok = false;
            }
        }
        return ok ? new PotentialProtocol.Clamp(times, values) : null;
    }

    private List<Channel> readChannels(JsonNode mem, String membranePath, List<String> ionNames,
                                       List<Compartment> compartments, int inside, int outside) {
        List<Channel> channels = new ArrayList<>();
        JsonNode list = mem.get("channels");
        String path = membranePath + ".channels";
        if (list == null || list.isNull()) {
            return channels;
        }
        if (!list.isArray()) {
            problem(path, "expected a list of channels, found " + describe(list));
            return null;
        }
        boolean ok = true;
        Set<String> gatedSeen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String chPath = path + "[" + i + "]";
            JsonNode ch = list.get(i);
            if (!ch.isObject()) {
                problem(chPath, "expected a channel like '{ion: K, conductance: 0.1 mS/cm^2}', found " + describe(ch));
                ok = false;
                continue;
            }
            checkKeys(ch, chPath, CHANNEL_KEYS);
            if (bool(ch, chPath, "leak", false)) {
                Channel leak = readLeak(ch, chPath);
                if (leak == null) {
                    ok = false;
                } else {
                    channels.add(leak);
                }
                continue;
            }
            forbid(ch, chPath, "reversal", "only a non-specific leak ({leak: true, conductance, reversal}) takes "
                    + "'reversal'; an ion channel reverses at E_X");
            String ion = string(ch, chPath, "ion", true);
            int s = ion == null ? -1 : ionNames.indexOf(ion);
            if (ion != null && s < 0) {
                problem(chPath + ".ion", "'" + ion + "' is not a declared ion" + suggestion(ion, ionNames));
            }
            boolean hasG = present(ch, "conductance");
            boolean hasP = present(ch, "permeability");
            HodgkinHuxleyKinetics gating = null;
            String gatingName = string(ch, chPath, "gating", false);
            if (gatingName != null) {
                try {
                    gating = HodgkinHuxleyKinetics.fromId(gatingName);
                } catch (IllegalArgumentException unknown) {
                    List<String> known = java.util.Arrays.stream(HodgkinHuxleyKinetics.values())
                            .map(HodgkinHuxleyKinetics::id).toList();
                    problem(chPath + ".gating", "unknown gating kinetics '" + gatingName + "'"
                            + suggestion(gatingName, known) + "; expected one of " + String.join(", ", known));
                    ok = false;
                    continue;
                }
                if (hasP) {
                    problem(chPath + ".permeability", "a gated channel is ohmic: give 'conductance' (gbar), not "
                            + "'permeability'");
                    ok = false;
                    continue;
                }
                if (s >= 0 && !gatedSeen.add(ion + "/" + gatingName)) {
                    problem(chPath + ".gating", "a second " + gatingName + " channel for '" + ion + "' on this "
                            + "membrane would give the same gate columns; merge them into one");
                }
            }
            if (hasG == hasP) {
                if (hasG || !misspelled.contains(chPath + ".conductance") && !misspelled.contains(chPath
                        + ".permeability")) {
                    problem(chPath, "a channel needs exactly one of 'conductance' (ohmic) or 'permeability' (GHK)");
                }
                ok = false;
                continue;
            }
            if (hasG) {
                double g = quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
                nonNegative(chPath + ".conductance", g, "conductance");
                if (s >= 0) {
                    checkOhmicSpecies(chPath, ion, s, compartments, inside, outside);
                }
                if (s >= 0 && g >= 0 && Double.isFinite(g)) {
                    channels.add(gating != null ? new Channel.Gated(s, g, gating) : new Channel.Ohmic(s, g));
                } else {
                    ok = false;
                }
            } else {
                double p = quantity(ch, chPath, "permeability", Dimension.PERMEABILITY, true, Double.NaN);
                nonNegative(chPath + ".permeability", p, "permeability");
                if (s >= 0 && p >= 0 && Double.isFinite(p)) {
                    channels.add(new Channel.Ghk(s, p));
                } else {
                    ok = false;
                }
            }
        }
        return ok ? channels : null;
    }

    private Channel readLeak(JsonNode ch, String chPath) {
        for (String key : List.of("ion", "permeability", "gating")) {
            forbid(ch, chPath, key, "a non-specific leak moves no tracked ion: give only conductance and reversal");
        }
        double g = quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
        nonNegative(chPath + ".conductance", g, "conductance");
        double reversal = quantity(ch, chPath, "reversal", Dimension.POTENTIAL, true, Double.NaN);
        if (g >= 0 && Double.isFinite(g) && Double.isFinite(reversal)) {
            return new Channel.Leak(g, reversal);
        }
        return null;
    }

    private List<Pump> readPumps(JsonNode mem, String membranePath, List<String> ionNames) {
        List<Pump> pumps = new ArrayList<>();
        JsonNode list = mem.get("pumps");
        String path = membranePath + ".pumps";
        if (list == null || list.isNull()) {
            return pumps;
        }
        if (!list.isArray()) {
            problem(path, "expected a list of pumps, found " + describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String pPath = path + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                problem(pPath, "expected a pump like '{type: na-k-atpase, max_current: 1.5 uA/cm^2, km_na: 10 mM, "
                        + "km_k: 1.5 mM}', found " + describe(p));
                ok = false;
                continue;
            }
            checkKeys(p, pPath, PUMP_KEYS);
            String type = string(p, pPath, "type", true);
            if (type != null && !Pump.NaK.TYPE.equals(type)) {
                problem(pPath + ".type", "unknown pump type '" + type + "'" + suggestion(type, List.of(
                        Pump.NaK.TYPE)) + "; the only pump is " + Pump.NaK.TYPE);
                ok = false;
            }
            double iMax = quantity(p, pPath, "max_current", Dimension.CURRENT_DENSITY, true, Double.NaN);
            nonNegative(pPath + ".max_current", iMax, "max_current");
            double kmNa = quantity(p, pPath, "km_na", Dimension.CONCENTRATION, true, Double.NaN);
            nonNegative(pPath + ".km_na", kmNa, "km_na");
            double kmK = quantity(p, pPath, "km_k", Dimension.CONCENTRATION, true, Double.NaN);
            nonNegative(pPath + ".km_k", kmK, "km_k");
            int na = ionNames.indexOf("Na");
            int k = ionNames.indexOf("K");
            if (na < 0 || k < 0) {
                problem(pPath, "the Na/K pump moves the ions named 'Na' and 'K': declare both under 'ions'");
                ok = false;
            }
            if (ok && iMax >= 0 && kmNa >= 0 && kmK >= 0 && Double.isFinite(iMax + kmNa + kmK)) {
                pumps.add(new Pump.NaK(iMax, kmNa, kmK, na, k));
            } else {
                ok = false;
            }
        }
        return ok ? pumps : null;
    }

    private List<Transporter> readTransporters(JsonNode mem, String membranePath, List<String> ionNames,
                                               List<Compartment> compartments, int inside, int outside) {
        List<Transporter> result = new ArrayList<>();
        JsonNode list = mem.get("transporters");
        String path = membranePath + ".transporters";
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            problem(path, "expected a list of transporters, found " + describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String tPath = path + "[" + i + "]";
            JsonNode t = list.get(i);
            if (!t.isObject()) {
                problem(tPath, "expected a transporter like '{name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: "
                        + "1e-12 mol/(cm^2 s)}', found " + describe(t));
                ok = false;
                continue;
            }
            checkKeys(t, tPath, TRANSPORTER_KEYS);
            String name = string(t, tPath, "name", true);
            if (name != null) {
                checkName(tPath + ".name", name, "transporter");
            }
            double rate = quantity(t, tPath, "rate", Dimension.TRANSPORTER_RATE, true, Double.NaN);
            nonNegative(tPath + ".rate", rate, "rate");
            JsonNode st = mapping(t, tPath, "stoichiometry", true);
            List<Integer> species = new ArrayList<>();
            List<Double> nu = new ArrayList<>();
            if (st != null) {
                if (st.isEmpty()) {
                    problem(tPath + ".stoichiometry", "name at least one ion, e.g. '{K: 1, Cl: 1}'");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int s = ionNames.indexOf(e.getKey());
                    if (s < 0) {
                        problem(tPath + ".stoichiometry." + e.getKey(), "'" + e.getKey() + "' is not a declared ion"
                                + suggestion(e.getKey(), ionNames));
                        continue;
                    }
                    double v = number(st, tPath + ".stoichiometry", e.getKey(), true, Double.NaN);
                    if (v == 0) {
                        problem(tPath + ".stoichiometry." + e.getKey(), "a stoichiometry of 0 moves nothing; "
                                + "leave the ion out");
                    }
                    if (Double.isFinite(v) && v != 0) {
                        species.add(s);
                        nu.add(v);
                        checkBothSides(tPath + ".stoichiometry." + e.getKey(), e.getKey(), s, compartments, inside,
                                outside, "a transporter");
                    }
                }
            }
            if (name != null && Names.isValid(name) && rate >= 0 && Double.isFinite(rate) && !species.isEmpty()
                    && st != null && species.size() == st.size()) {
                result.add(new Transporter(name, species.stream().mapToInt(Integer::intValue).toArray(),
                        nu.stream().mapToDouble(Double::doubleValue).toArray(), rate));
            } else {
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private List<Stimulus> readStimuli(JsonNode root, List<Membrane> membranes, SimulationSettings settings) {
        List<Stimulus> result = new ArrayList<>();
        JsonNode list = root.get("stimuli");
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            problem("stimuli", "expected a list of stimuli, found " + describe(list));
            return result;
        }
        List<String> names = membranes.stream().map(Membrane::name).toList();
        for (int i = 0; i < list.size(); i++) {
            String path = "stimuli[" + i + "]";
            JsonNode st = list.get(i);
            if (!st.isObject()) {
                problem(path, "expected '{membrane, start, duration, amplitude}', found " + describe(st));
                continue;
            }
            checkKeys(st, path, STIMULUS_KEYS);
            String membrane = string(st, path, "membrane", true);
            int m = membrane == null ? -1 : names.indexOf(membrane);
            if (membrane != null && m < 0 && !brokenMembranes.contains(membrane)) {
                problem(path + ".membrane", "'" + membrane + "' is not a membrane" + suggestion(membrane, names));
            }
            if (m >= 0 && !membranes.get(m).isDynamic()) {
                problem(path + ".membrane", "membrane '" + membrane + "' is clamped; a current stimulus needs "
                        + "'potential: {mode: dynamic, ...}'");
                m = -1;
            }
            double start = quantity(st, path, "start", Dimension.TIME, true, Double.NaN);
            if (Double.isFinite(start) && start < 0) {
                problem(path + ".start", "the start must not be negative, found " + start + " s");
            }
            double duration = quantity(st, path, "duration", Dimension.TIME, true, Double.NaN);
            positive(path + ".duration", duration, "duration");
            double amplitude = quantity(st, path, "amplitude", Dimension.CURRENT_DENSITY, true, Double.NaN);
            if (settings != null && start >= settings.durationS()) {
                problem(path + ".start", "the pulse starts at " + start + " s, after the end of the run ("
                        + settings.durationS() + " s)");
            }
            if (m >= 0 && start >= 0 && duration > 0 && Double.isFinite(start + duration + amplitude)) {
                result.add(new Stimulus(m, start, duration, amplitude));
            }
        }
        return result;
    }

    private List<Event> readEvents(JsonNode root, List<String> ionNames, List<Compartment> compartments,
                                   List<Membrane> membranes, SimulationSettings settings) {
        List<Event> result = new ArrayList<>();
        JsonNode list = root.get("events");
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            problem("events", "expected a list of events, found " + describe(list));
            return result;
        }
        List<String> membraneNames = membranes.stream().map(Membrane::name).toList();
        List<String> compartmentNames = compartments.stream().map(c -> c == null ? "" : c.name()).toList();
        for (int i = 0; i < list.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode ev = list.get(i);
            if (!ev.isObject()) {
                problem(path, "expected '{at: <time>, set: {<path>: <value>}}', found " + describe(ev));
                continue;
            }
            checkKeys(ev, path, EVENT_KEYS);
            double at = quantity(ev, path, "at", Dimension.TIME, true, Double.NaN);
            if (Double.isFinite(at) && at < 0) {
                problem(path + ".at", "an event time must not be negative, found " + at + " s");
            }
            if (settings != null && Double.isFinite(at) && at >= settings.durationS()) {
                problem(path + ".at", "the event at " + at + " s is not before the end of the run ("
                        + settings.durationS() + " s)");
            }
            JsonNode set = mapping(ev, path, "set", true);
            if (set == null) {
                continue;
            }
            if (set.isEmpty()) {
                problem(path + ".set", "set at least one parameter, e.g. {\"membranes.plasma.pumps[0].max_current\": 0}");
            }
            List<Event.Assignment> assignments = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Event.Assignment a = readAssignment(e.getKey(), set, path + ".set", ionNames, compartments,
                        compartmentNames, membranes, membraneNames);
                if (a != null) {
                    assignments.add(a);
                }
            }
            if (Double.isFinite(at) && at >= 0 && assignments.size() == set.size()) {
                result.add(new Event(at, assignments));
            }
        }
        return result;
    }

    private Event.Assignment readAssignment(String target, JsonNode set, String setPath, List<String> ionNames,
                                            List<Compartment> compartments, List<String> compartmentNames,
                                            List<Membrane> membranes, List<String> membraneNames) {
        String path = setPath + "." + target;
        java.util.regex.Matcher m = EVENT_PATH.matcher(target);
        String help = "; settable: membranes.<m>.channels[<i>].conductance|permeability|reversal, "
                + "membranes.<m>.pumps[<i>].max_current, membranes.<m>.transporters[<i>].rate, "
                + "membranes.<m>.potential.value, compartments.<c>.concentrations.<ion> (clamped compartments)";
        if (!m.matches()) {
            problem(path, "unknown parameter path '" + target + "'" + help);
            return null;
        }
        if (m.group(1) != null || m.group(5) != null) {
            String membrane = m.group(1) != null ? m.group(1) : m.group(5);
            int mi = membraneNames.indexOf(membrane);
            if (mi < 0) {
                if (!brokenMembranes.contains(membrane)) {
                    problem(path, "'" + membrane + "' is not a membrane" + suggestion(membrane, membraneNames));
                }
                return null;
            }
            Membrane mem = membranes.get(mi);
            if (m.group(5) != null) {
                if (mem.isDynamic()) {
                    problem(path, "membrane '" + membrane + "' has a dynamic potential; only a clamp value can be set");
                    return null;
                }
                double v = quantity(set, setPath, target, Dimension.POTENTIAL, true, Double.NaN);
                return Double.isFinite(v) ? new Event.ClampValue(target, mi, v) : null;
            }
            String kind = m.group(2);
            int index = Integer.parseInt(m.group(3));
            String field = m.group(4);
            int size = kind.equals("channels") ? mem.channels().size() : kind.equals("pumps") ? mem.pumps().size()
                    : mem.transporters().size();
            if (index >= size) {
                problem(path, "membrane '" + membrane + "' has " + size + " " + kind + "; index " + index
                        + " does not exist (the first is [0])");
                return null;
            }
            switch (kind) {
                case "pumps": {
                    if (!field.equals("max_current")) {
                        problem(path, "a pump's settable parameter is max_current, not '" + field + "'");
                        return null;
                    }
                    double v = quantity(set, setPath, target, Dimension.CURRENT_DENSITY, true, Double.NaN);
                    nonNegative(path, v, "max_current");
                    return v >= 0 ? new Event.PumpMaxCurrent(target, mi, index, v) : null;
                }
                case "transporters": {
                    if (!field.equals("rate")) {
                        problem(path, "a transporter's settable parameter is rate, not '" + field + "'");
                        return null;
                    }
                    double v = quantity(set, setPath, target, Dimension.TRANSPORTER_RATE, true, Double.NaN);
                    nonNegative(path, v, "rate");
                    return v >= 0 ? new Event.TransporterRate(target, mi, index, v) : null;
                }
                default: {
                    Channel ch = mem.channels().get(index);
                    String expected = ch instanceof Channel.Ghk ? "permeability" : "conductance";
                    if (field.equals("reversal") && ch instanceof Channel.Leak) {
                        double v = quantity(set, setPath, target, Dimension.POTENTIAL, true, Double.NaN);
                        return Double.isFinite(v) ? new Event.LeakReversal(target, mi, index, v) : null;
                    }
                    if (!field.equals(expected)) {
                        problem(path, "this channel's settable parameter is '" + expected + "'"
                                + (ch instanceof Channel.Leak ? " or 'reversal'" : "") + ", not '" + field + "'");
                        return null;
                    }
                    Dimension d = ch instanceof Channel.Ghk ? Dimension.PERMEABILITY : Dimension.CONDUCTANCE_DENSITY;
                    double v = quantity(set, setPath, target, d, true, Double.NaN);
                    nonNegative(path, v, field);
                    return v >= 0 ? new Event.ChannelStrength(target, mi, index, v) : null;
                }
            }
        }
        int c = compartmentNames.indexOf(m.group(6));
        int s = ionNames.indexOf(m.group(7));
        if (c < 0) {
            problem(path, "'" + m.group(6) + "' is not a compartment" + suggestion(m.group(6), compartmentNames));
            return null;
        }
        if (s < 0) {
            problem(path, "'" + m.group(7) + "' is not a declared ion" + suggestion(m.group(7), ionNames));
            return null;
        }
        if (compartments.get(c) != null && !compartments.get(c).clamped()) {
            problem(path, "only a clamped compartment's concentration can be set by an event; '" + m.group(6)
                    + "' is not clamped (its amounts are state variables)");
            return null;
        }
        double v = quantity(set, setPath, target, Dimension.CONCENTRATION, true, Double.NaN);
        if (Double.isFinite(v) && (v < 0 || v > MAX_CONCENTRATION_MOL_PER_M3)) {
            problem(path, "a concentration must be between 0 and 10 M, found " + v + " mM");
            return null;
        }
        if (v == 0) {
            // MODEL.md sections 5 and 6: an ohmic or gated channel or a transporter needs the ion on both sides
            for (Membrane mem : membranes) {
                if (mem.insideIndex() != c && mem.outsideIndex() != c) {
                    continue;
                }
                boolean needsBothSides = mem.channels().stream().anyMatch(ch -> ch.speciesIndex() == s
                        && (ch instanceof Channel.Ohmic || ch instanceof Channel.Gated))
                        || mem.transporters().stream().anyMatch(t -> java.util.Arrays.stream(t.speciesIndices())
                        .anyMatch(x -> x == s));
                if (needsBothSides) {
                    problem(path, "setting " + m.group(7) + " in '" + m.group(6) + "' to 0 would make E_"
                            + m.group(7) + " across membrane '" + mem.name() + "' infinite (an ohmic or gated "
                            + "channel or a transporter moves it there); use a small positive concentration");
                    return null;
                }
            }
        }
        return Double.isFinite(v) ? new Event.BathConcentration(target, c, s, v) : null;
    }

    private void checkBothSides(String path, String ion, int s, List<Compartment> compartments, int inside,
                                int outside, String what) {
        for (int c : new int[] {inside, outside}) {
            if (c >= 0 && c < compartments.size() && compartments.get(c) != null
                    && compartments.get(c).concentrationMolPerM3(s) == 0) {
                problem(path, what + " moving '" + ion + "' needs it on both sides, but '"
                        + compartments.get(c).name() + "' has none, so its electrochemical potential is infinite; "
                        + "give it a concentration there");
            }
        }
    }

    private void checkOhmicSpecies(String chPath, String ion, int s, List<Compartment> compartments, int inside,
                                   int outside) {
        JsonNode ions = tree.root().get("ions");
        JsonNode charge = ions == null ? null : ions.path(ion).get("charge");
        if (charge != null && charge.isNumber() && charge.asDouble() == 0) {
            problem(chPath + ".ion", "an ohmic channel needs a charged ion ('" + ion + "' has charge 0); "
                    + "use a permeability for a neutral solute");
        }
        for (int c : new int[] {inside, outside}) {
            if (c >= 0 && c < compartments.size() && compartments.get(c) != null
                    && compartments.get(c).concentrationMolPerM3(s) == 0) {
                problem(chPath + ".ion", "an ohmic channel for '" + ion + "' needs it on both sides, but '"
                        + compartments.get(c).name() + "' has none, so E_" + ion + " is infinite; give it a "
                        + "concentration there or use a GHK permeability");
            }
        }
    }

    private void checkIntegerCharges(Map<String, Double> ions, List<Membrane> membranes) {
        List<String> names = new ArrayList<>(ions.keySet());
        Set<String> reported = new java.util.HashSet<>();
        for (Membrane m : membranes) {
            for (int s = 0; s < names.size(); s++) {
                String ion = names.get(s);
                double z = ions.get(ion);
                if (m.moves(s) && Double.isFinite(z) && z != Math.rint(z) && reported.add(ion)) {
                    problem("ions." + ion + ".charge", "'" + ion + "' is moved across membrane '" + m.name()
                            + "', so its charge must be a whole number, found " + z + " (only an impermeant "
                            + "species may carry a mean valence)");
                }
            }
        }
    }

    private SimulationSettings readSimulation(JsonNode root) {
        JsonNode node = mapping(root, "", "simulation", true);
        if (node == null) {
            return null;
        }
        String path = "simulation";
        checkKeys(node, path, SIMULATION_KEYS);
        double duration = quantity(node, path, "duration", Dimension.TIME, true, Double.NaN);
        positive(path + ".duration", duration, "duration");
        double interval = quantity(node, path, "output_interval", Dimension.TIME, true, Double.NaN);
        positive(path + ".output_interval", interval, "output_interval");
        if (interval > 0 && duration > 0 && interval > duration) {
            problem(path + ".output_interval", "the output interval (" + interval + " s) is longer than the run ("
                    + duration + " s)");
        } else if (interval > 0 && duration > 0 && duration / interval > MAX_OUTPUT_ROWS) {
            problem(path + ".output_interval", "this run would write " + (long) (duration / interval)
                    + " rows; the limit is " + MAX_OUTPUT_ROWS + ": use a longer output_interval");
        }
        String solverName = string(node, path, "solver", false);
        SolverKind solver = SolverKind.DEFAULT;
        if (solverName != null) {
            solver = SolverKind.fromKey(solverName).orElse(null);
            if (solver == null) {
                List<String> keys = java.util.Arrays.stream(SolverKind.values()).map(SolverKind::key).toList();
                problem(path + ".solver", "unknown solver '" + solverName + "'" + suggestion(solverName, keys)
                        + "; expected one of " + String.join(", ", keys));
            }
        }
        double rtol = number(node, path, "rtol", false, SimulationSettings.DEFAULT_RTOL);
        if (!(rtol > 0 && rtol < 1)) {
            problem(path + ".rtol", "rtol must be between 0 and 1 (exclusive), found " + rtol);
        }
        double atol = number(node, path, "atol", false, SimulationSettings.DEFAULT_ATOL);
        positive(path + ".atol", atol, "atol");
        double step = quantity(node, path, "step", Dimension.TIME, false, Double.NaN);
        if (solver != null && solver.isFixedStep()) {
            if (!present(node, "step")) {
                problem(path + ".step", "the solver " + solver.key() + " takes fixed steps: give 'step', e.g. 1 ms");
            } else {
                positive(path + ".step", step, "step");
                if (step > 0 && duration > 0 && duration / step > 1e9) {
                    problem(path + ".step", "this step would take more than 1e9 steps; use a longer one");
                }
            }
        }
        List<String> record = new ArrayList<>();
        JsonNode rec = node.get("record");
        if (rec != null && !rec.isNull()) {
            if (!rec.isArray()) {
                problem(path + ".record", "expected a list of column patterns, found " + describe(rec));
            } else {
                for (int i = 0; i < rec.size(); i++) {
                    if (!rec.get(i).isTextual()) {
                        problem(path + ".record[" + i + "]", "expected a text pattern, found " + describe(rec.get(i)));
                    } else {
                        record.add(rec.get(i).asText());
                    }
                }
            }
        }
        if (solver == null || !(duration > 0) || !Double.isFinite(duration) || !(interval > 0)
                || !Double.isFinite(interval) || !(rtol > 0 && rtol < 1) || !(atol > 0) || !Double.isFinite(atol)
                || (solver.isFixedStep() && !(step > 0 && Double.isFinite(step)))) {
            return null;
        }
        boolean stopAtSteadyState = bool(node, path, "stop_at_steady_state", false);
        return new SimulationSettings(duration, interval, solver, rtol, atol, step, record, stopAtSteadyState);
    }

    // ---------------------------------------------------------------------------------------------------------
    // field helpers: each reports its own problem and returns null or NaN

    private void problem(String path, String message) {
        if (tree != null && tree.rejected(path)) {
            return;
        }
        int[] at = tree == null ? new int[] {0, 0} : tree.locate(path);
        problems.add(new Problem(file, path, at[0], at[1], message));
    }

    /** Reports a missing field, unless an unknown key beside it was already reported as its misspelling. */
    private void missing(String path, String message) {
        if (!misspelled.contains(path)) {
            problem(path, message);
        }
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String child(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    private static boolean present(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private void forbid(JsonNode node, String path, String key, String message) {
        if (present(node, key)) {
            problem(child(path, key), message);
        }
    }

    private void checkKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(child(path, key), "unknown key '" + key + "'" + suggestion(key, allowed)
                        + "; allowed here: " + sorted(allowed));
                String meant = nearest(key, allowed);
                if (meant != null) {
                    misspelled.add(child(path, meant));
                }
            }
        }
    }

    private JsonNode mapping(JsonNode parent, String path, String key, boolean required) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
            }
            return null;
        }
        if (!v.isObject()) {
            problem(child(path, key), "expected a mapping, found " + describe(v));
            return null;
        }
        return v;
    }

    private String string(JsonNode parent, String path, String key, boolean required) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(child(path, key), "expected text, found " + describe(v));
            return null;
        }
        return v.asText();
    }

    private boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(child(path, key), "expected true or false, found " + describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    /** A dimensionless number: a JSON/YAML number or a string holding only a number. */
    private double number(JsonNode parent, String path, String key, boolean required, double fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
                return Double.NaN;
            }
            return fallback;
        }
        double value;
        if (v.isNumber()) {
            value = v.asDouble();
        } else if (v.isTextual()) {
            try {
                value = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                problem(child(path, key), "expected a number, found '" + v.asText() + "'");
                return Double.NaN;
            }
        } else {
            problem(child(path, key), "expected a number, found " + describe(v));
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem(child(path, key), "expected a finite number, found " + value);
            return Double.NaN;
        }
        return value;
    }

    /** A quantity in SI: a number in the default unit, or "number unit". */
    private double quantity(JsonNode parent, String path, String key, Dimension dimension, boolean required,
                            double fallback) {
        JsonNode v = parent.get(key);
        String p = child(path, key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(p, "required field '" + key + "' is missing (" + article(dimension.description()) + ", e.g. '1 "
                        + dimension.defaultUnit() + "')");
                return Double.NaN;
            }
            return fallback;
        }
        double value;
        try {
            if (v.isNumber()) {
                value = Quantities.fromDefaultUnit(v.asDouble(), dimension);
            } else if (v.isTextual()) {
                value = Quantities.parse(v.asText(), dimension);
            } else {
                problem(p, "expected a " + dimension.description() + " (a number in " + dimension.defaultUnit()
                        + " or a string like '1 " + dimension.defaultUnit() + "'), found " + describe(v));
                return Double.NaN;
            }
        } catch (IllegalArgumentException e) {
            problem(p, e.getMessage());
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem(p, "expected a finite " + dimension.description() + ", found " + v.asText());
            return Double.NaN;
        }
        return value;
    }

    private void positive(String path, double value, String what) {
        if (Double.isFinite(value) && !(value > 0)) {
            problem(path, "the " + what + " must be greater than 0, found " + asWritten(path, value));
        }
    }

    private void nonNegative(String path, double value, String what) {
        if (Double.isFinite(value) && value < 0) {
            problem(path, "the " + what + " must not be negative, found " + asWritten(path, value));
        }
    }

    /** @return the value at {@code path} as the file wrote it, quoted, or the SI value when unknown */
    private String asWritten(String path, double siValue) {
        String text = tree == null ? null : tree.written(path);
        return text != null ? "'" + text + "'" : siValue + " (SI units)";
    }

    private int compartmentRef(JsonNode mem, String path, String key, List<String> compartmentNames) {
        String ref = string(mem, path, key, true);
        if (ref == null) {
            return -1;
        }
        int i = compartmentNames.indexOf(ref);
        if (i < 0) {
            problem(child(path, key), "'" + ref + "' is not a compartment" + suggestion(ref, compartmentNames)
                    + "; compartments: " + String.join(", ", compartmentNames));
        }
        return i;
    }

    private boolean checkName(String path, String name, String what) {
        if (!Names.isValid(name)) {
            problem(path, "'" + name + "' is not a valid " + what + " name: use a letter, then letters, digits or "
                    + "'_'");
            return false;
        }
        return true;
    }

    private static boolean allFiniteNonNegative(double[] values) {
        for (double v : values) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "the text '" + v.asText() + "'";
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        if (v.isNull()) {
            return "nothing";
        }
        return "the number " + v.asText();
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", new java.util.TreeSet<>(keys));
    }

    /** @return " (did you mean 'x'?)" for the nearest candidate within edit distance 3, else "" */
    static String suggestion(String given, Iterable<String> candidates) {
        String best = nearest(given, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** @return the candidate nearest to {@code given}, if within edit distance min(3, length / 2), else null */
    static String nearest(String given, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(given.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, given.length() / 2)) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
