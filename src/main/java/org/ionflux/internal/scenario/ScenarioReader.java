package org.ionflux.internal.scenario;

import org.ionflux.ScenarioException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
    public static final long MAX_FILE_BYTES = ScenarioFile.MAX_BYTES;
    /** Most output rows a run may produce (SCENARIO.md leaves it to the engine; documented in README). */
    public static final long MAX_OUTPUT_ROWS = 20_000_000L;
    /**
     * Most state variables a model may have (amounts, volumes, potentials, gates and bookkeeping; documented in
     * README). An explicit integrator keeps about 30 copies of the state, so the limit needs about 1.2 GB.
     */
    public static final long MAX_STATE_VARIABLES = StateSize.MAX_STATE_VARIABLES;
    /** Highest concentration accepted (SCENARIO.md bounds), mol/m^3: 10 M. */
    static final double MAX_CONCENTRATION_MOL_PER_M3 = 10_000.0;
    /** Highest temperature accepted (SCENARIO.md bounds), K. */
    static final double MAX_TEMPERATURE_K = 400.0;

    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "temperature", "ions", "compartments",
            "membranes", "stimuli", "events", "simulation");
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

    private final LocatedTree tree;
    private final Fields fields;
    private final Set<String> brokenMembranes = new java.util.HashSet<>();
    private Model model;

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
        ScenarioReader reader = check(source.parse());
        return new LoadedScenario(reader.model, path, source.sha256(), SanityWarnings.of(reader.model, source.name(),
                reader.tree));
    }

    /**
     * Parses scenario text.
     *
     * @param yaml true for YAML, false for JSON
     * @param file the file name used in messages
     * @throws ScenarioException listing every problem
     */
    public static Model parse(String text, boolean yaml, String file) throws ScenarioException {
        return check(LocatedTree.parse(text, yaml, file)).model;
    }

    private static ScenarioReader check(LocatedTree tree) throws ScenarioException {
        ScenarioReader reader = new ScenarioReader(tree);
        reader.model = reader.readModel();
        reader.fields.throwIfAny();
        return reader;
    }

    // ---------------------------------------------------------------------------------------------------------

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

        String name = fields.string(root, "", "name", true);
        if (name != null && (!SCENARIO_NAME.matcher(name).matches() || name.length() > 100)) {
            fields.problem("name", "the name '" + name + "' names the output folder: use letters, digits, '_', '-' and "
                    + "'.', starting with a letter or digit, at most 100 characters");
        }
        String description = fields.string(root, "", "description", false);
        double temperatureK = fields.quantity(root, "", "temperature", Dimension.TEMPERATURE, false,
                Constants.ZERO_CELSIUS_K + 37.0);
        if (!(temperatureK > 0 && temperatureK < MAX_TEMPERATURE_K)) {
            fields.problem("temperature", "the temperature must be above 0 K and below 400 K, found " + temperatureK + " K");
        }

        Map<String, Double> ions = readIons(root);
        List<String> ionNames = new ArrayList<>(ions.keySet());
        JsonNode compartmentNode = root.get("compartments");
        if (!StateSize.checkAmounts(fields, ions.size(), compartmentNode == null ? 0 : compartmentNode.size())) {
            return null;
        }
        List<Compartment> compartments = readCompartments(root, ionNames);
        SimulationSettings settings = readSimulation(root);
        List<Membrane> membranes = readMembranes(root, ionNames, compartments, settings);
        List<Stimulus> stimuli = readStimuli(root, membranes, settings);
        List<Event> events = readEvents(root, ionNames, compartments, membranes, settings);
        checkIntegerCharges(ions, membranes);
        if (fields.hasProblems() || !StateSize.checkState(fields, ions.size(), compartments, membranes)) {
            return null;
        }
        List<Species> species = new ArrayList<>();
        ions.forEach((n, z) -> species.add(new Species(n, z)));
        try {
            return new Model(name, description == null ? "" : description, temperatureK, species, compartments,
                    membranes, stimuli, events, settings);
        } catch (IllegalArgumentException e) {
            fields.problem("", e.getMessage());
            return null;
        }
    }

    private Map<String, Double> readIons(JsonNode root) {
        Map<String, Double> ions = new LinkedHashMap<>();
        JsonNode node = fields.mapping(root, "", "ions", true);
        if (node == null) {
            return ions;
        }
        if (node.isEmpty()) {
            fields.problem("ions", "at least one ion is needed, e.g. 'K: {charge: 1}'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "ions." + e.getKey();
            fields.checkName(path, e.getKey(), "ion");
            if ("leak".equals(e.getKey())) {
                fields.problem(path, "'leak' is reserved for the non-specific leak's column; choose another ion name");
            }
            JsonNode ion = e.getValue();
            if (!ion.isObject()) {
                fields.problem(path, "expected a mapping like '{charge: 1}', found " + Fields.describe(ion));
                continue;
            }
            fields.checkKeys(ion, path, ION_KEYS);
            double charge = fields.number(ion, path, "charge", true, Double.NaN);
            ions.put(e.getKey(), charge);
        }
        return ions;
    }

    private List<Compartment> readCompartments(JsonNode root, List<String> ionNames) {
        List<Compartment> result = new ArrayList<>();
        JsonNode node = fields.mapping(root, "", "compartments", true);
        if (node == null) {
            return result;
        }
        if (node.isEmpty()) {
            fields.problem("compartments", "at least one compartment is needed");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "compartments." + e.getKey();
            boolean nameOk = fields.checkName(path, e.getKey(), "compartment");
            JsonNode comp = e.getValue();
            if (!comp.isObject()) {
                fields.problem(path, "expected a mapping with volume and concentrations, found " + Fields.describe(comp));
                continue;
            }
            fields.checkKeys(comp, path, COMPARTMENT_KEYS);
            double volume = fields.quantity(comp, path, "volume", Dimension.VOLUME, true, Double.NaN);
            fields.positive(path + ".volume", volume, "volume");
            boolean clamped = fields.bool(comp, path, "clamped", false);
            double[] conc = new double[ionNames.size()];
            JsonNode concNode = fields.mapping(comp, path, "concentrations", false);
            if (concNode != null) {
                for (Iterator<Map.Entry<String, JsonNode>> ci = concNode.fields(); ci.hasNext(); ) {
                    Map.Entry<String, JsonNode> c = ci.next();
                    String cPath = path + ".concentrations." + c.getKey();
                    int s = ionNames.indexOf(c.getKey());
                    if (s < 0) {
                        fields.problem(cPath, "'" + c.getKey() + "' is not a declared ion" + Spelling.suggestion(c.getKey(),
                                ionNames) + "; declare it under 'ions' first");
                        continue;
                    }
                    double value = fields.quantity(concNode, path + ".concentrations", c.getKey(), Dimension.CONCENTRATION,
                            true, Double.NaN);
                    if (Double.isFinite(value) && (value < 0 || value > MAX_CONCENTRATION_MOL_PER_M3)) {
                        fields.problem(cPath, "a concentration must be between 0 and 10 M, found " + value + " mM");
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
        JsonNode node = fields.mapping(root, "", "membranes", true);
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
            boolean ok = fields.checkName(path, e.getKey(), "membrane");
            JsonNode mem = e.getValue();
            if (!mem.isObject()) {
                fields.problem(path, "expected a mapping with inside, outside, area and potential, found " + Fields.describe(mem));
                continue;
            }
            fields.checkKeys(mem, path, MEMBRANE_KEYS);
            int inside = compartmentRef(mem, path, "inside", compartmentNames);
            int outside = compartmentRef(mem, path, "outside", compartmentNames);
            if (inside >= 0 && inside == outside) {
                fields.problem(path + ".outside", "the membrane has '" + compartmentNames.get(inside)
                        + "' on both sides; inside and outside must differ");
                ok = false;
            }
            double area = fields.quantity(mem, path, "area", Dimension.AREA, true, Double.NaN);
            fields.positive(path + ".area", area, "area");
            double capacitance = fields.quantity(mem, path, "capacitance", Dimension.CAPACITANCE_DENSITY, false, 1e-2);
            fields.positive(path + ".capacitance", capacitance, "capacitance");
            PotentialProtocol potential = readPotential(mem, path, settings);
            List<Channel> channels = readChannels(mem, path, ionNames, compartments, inside, outside);
            List<Pump> pumps = readPumps(mem, path, ionNames);
            List<Transporter> transporters = readTransporters(mem, path, ionNames, compartments, inside, outside);
            double water = fields.quantity(mem, path, "water_permeability", Dimension.PERMEABILITY, false, 0.0);
            fields.nonNegative(path + ".water_permeability", water, "water permeability");
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
                fields.problem("membranes." + m.name(), "this membrane closes a cycle: '" + compartmentNames.get(
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
        JsonNode node = fields.mapping(mem, membranePath, "potential", true);
        if (node == null) {
            return null;
        }
        fields.checkKeys(node, path, POTENTIAL_KEYS);
        String mode = fields.string(node, path, "mode", true);
        if (mode == null) {
            return null;
        }
        switch (mode) {
            case "dynamic": {
                fields.forbid(node, path, "value", "a dynamic potential takes 'initial', not 'value'");
                fields.forbid(node, path, "steps", "a dynamic potential takes 'initial', not 'steps'");
                double initial = fields.quantity(node, path, "initial", Dimension.POTENTIAL, true, Double.NaN);
                return Double.isFinite(initial) ? new PotentialProtocol.Dynamic(initial) : null;
            }
            case "clamp": {
                fields.forbid(node, path, "initial", "a clamped potential takes 'value' or 'steps', not 'initial'");
                boolean hasValue = Fields.present(node, "value");
                boolean hasSteps = Fields.present(node, "steps");
                if (hasValue == hasSteps) {
                    fields.problem(path, "a clamp needs exactly one of 'value' (a constant) or 'steps' (a list of "
                            + "{at, value})");
                    return null;
                }
                if (hasValue) {
                    double v = fields.quantity(node, path, "value", Dimension.POTENTIAL, true, Double.NaN);
                    return Double.isFinite(v) ? PotentialProtocol.Clamp.constant(v) : null;
                }
                return readSteps(node.get("steps"), path + ".steps", settings);
            }
            default:
                fields.problem(path + ".mode", "unknown potential mode '" + mode + "'; expected 'clamp' or 'dynamic'");
                return null;
        }
    }

    private PotentialProtocol readSteps(JsonNode steps, String path, SimulationSettings settings) {
        if (!steps.isArray() || steps.isEmpty()) {
            fields.problem(path, "expected a non-empty list of {at, value}, found " + Fields.describe(steps));
            return null;
        }
        double[] times = new double[steps.size()];
        double[] values = new double[steps.size()];
        boolean ok = true;
        for (int i = 0; i < steps.size(); i++) {
            String stepPath = path + "[" + i + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                fields.problem(stepPath, "expected {at: <time>, value: <potential>}, found " + Fields.describe(step));
                ok = false;
                continue;
            }
            fields.checkKeys(step, stepPath, STEP_KEYS);
            times[i] = fields.quantity(step, stepPath, "at", Dimension.TIME, true, Double.NaN);
            values[i] = fields.quantity(step, stepPath, "value", Dimension.POTENTIAL, true, Double.NaN);
            ok &= Double.isFinite(times[i]) && Double.isFinite(values[i]);
            if (i == 0 && Double.isFinite(times[i]) && times[i] != 0) {
                fields.problem(stepPath + ".at", "the first clamp step must be at 0 s, found " + times[i] + " s");
                ok = false;
            }
            if (i > 0 && Double.isFinite(times[i]) && !(times[i] > times[i - 1])) {
                fields.problem(stepPath + ".at", "clamp step times must increase strictly; " + times[i] + " s comes after "
                        + times[i - 1] + " s");
                ok = false;
            }
            if (settings != null && Double.isFinite(times[i]) && times[i] >= settings.durationS() && i > 0) {
                fields.problem(stepPath + ".at", "the step at " + times[i] + " s is not before the end of the run ("
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
            fields.problem(path, "expected a list of channels, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        Set<String> gatedSeen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String chPath = path + "[" + i + "]";
            JsonNode ch = list.get(i);
            if (!ch.isObject()) {
                fields.problem(chPath, "expected a channel like '{ion: K, conductance: 0.1 mS/cm^2}', found " + Fields.describe(ch));
                ok = false;
                continue;
            }
            fields.checkKeys(ch, chPath, CHANNEL_KEYS);
            if (fields.bool(ch, chPath, "leak", false)) {
                Channel leak = readLeak(ch, chPath);
                if (leak == null) {
                    ok = false;
                } else {
                    channels.add(leak);
                }
                continue;
            }
            fields.forbid(ch, chPath, "reversal", "only a non-specific leak ({leak: true, conductance, reversal}) takes "
                    + "'reversal'; an ion channel reverses at E_X");
            String ion = fields.string(ch, chPath, "ion", true);
            int s = ion == null ? -1 : ionNames.indexOf(ion);
            if (ion != null && s < 0) {
                fields.problem(chPath + ".ion", "'" + ion + "' is not a declared ion" + Spelling.suggestion(ion, ionNames));
            }
            boolean hasG = Fields.present(ch, "conductance");
            boolean hasP = Fields.present(ch, "permeability");
            HodgkinHuxleyKinetics gating = null;
            String gatingName = fields.string(ch, chPath, "gating", false);
            if (gatingName != null) {
                try {
                    gating = HodgkinHuxleyKinetics.fromId(gatingName);
                } catch (IllegalArgumentException unknown) {
                    List<String> known = java.util.Arrays.stream(HodgkinHuxleyKinetics.values())
                            .map(HodgkinHuxleyKinetics::id).toList();
                    fields.problem(chPath + ".gating", "unknown gating kinetics '" + gatingName + "'"
                            + Spelling.suggestion(gatingName, known) + "; expected one of " + String.join(", ", known));
                    ok = false;
                    continue;
                }
                if (hasP) {
                    fields.problem(chPath + ".permeability", "a gated channel is ohmic: give 'conductance' (gbar), not "
                            + "'permeability'");
                    ok = false;
                    continue;
                }
                if (s >= 0 && !gatedSeen.add(ion + "/" + gatingName)) {
                    fields.problem(chPath + ".gating", "a second " + gatingName + " channel for '" + ion + "' on this "
                            + "membrane would give the same gate columns; merge them into one");
                }
            }
            if (hasG == hasP) {
                if (hasG || !fields.misspelled(chPath + ".conductance") && !fields.misspelled(chPath
                        + ".permeability")) {
                    fields.problem(chPath, "a channel needs exactly one of 'conductance' (ohmic) or 'permeability' (GHK)");
                }
                ok = false;
                continue;
            }
            if (hasG) {
                double g = fields.quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
                fields.nonNegative(chPath + ".conductance", g, "conductance");
                if (s >= 0) {
                    checkOhmicSpecies(chPath, ion, s, compartments, inside, outside);
                }
                if (s >= 0 && g >= 0 && Double.isFinite(g)) {
                    channels.add(gating != null ? new Channel.Gated(s, g, gating) : new Channel.Ohmic(s, g));
                } else {
                    ok = false;
                }
            } else {
                double p = fields.quantity(ch, chPath, "permeability", Dimension.PERMEABILITY, true, Double.NaN);
                fields.nonNegative(chPath + ".permeability", p, "permeability");
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
            fields.forbid(ch, chPath, key, "a non-specific leak moves no tracked ion: give only conductance and reversal");
        }
        double g = fields.quantity(ch, chPath, "conductance", Dimension.CONDUCTANCE_DENSITY, true, Double.NaN);
        fields.nonNegative(chPath + ".conductance", g, "conductance");
        double reversal = fields.quantity(ch, chPath, "reversal", Dimension.POTENTIAL, true, Double.NaN);
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
            fields.problem(path, "expected a list of pumps, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String pPath = path + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                fields.problem(pPath, "expected a pump like '{type: na-k-atpase, max_current: 1.5 uA/cm^2, km_na: 10 mM, "
                        + "km_k: 1.5 mM}', found " + Fields.describe(p));
                ok = false;
                continue;
            }
            fields.checkKeys(p, pPath, PUMP_KEYS);
            String type = fields.string(p, pPath, "type", true);
            if (type != null && !Pump.NaK.TYPE.equals(type)) {
                fields.problem(pPath + ".type", "unknown pump type '" + type + "'" + Spelling.suggestion(type, List.of(
                        Pump.NaK.TYPE)) + "; the only pump is " + Pump.NaK.TYPE);
                ok = false;
            }
            double iMax = fields.quantity(p, pPath, "max_current", Dimension.CURRENT_DENSITY, true, Double.NaN);
            fields.nonNegative(pPath + ".max_current", iMax, "max_current");
            double kmNa = fields.quantity(p, pPath, "km_na", Dimension.CONCENTRATION, true, Double.NaN);
            fields.nonNegative(pPath + ".km_na", kmNa, "km_na");
            double kmK = fields.quantity(p, pPath, "km_k", Dimension.CONCENTRATION, true, Double.NaN);
            fields.nonNegative(pPath + ".km_k", kmK, "km_k");
            int na = ionNames.indexOf("Na");
            int k = ionNames.indexOf("K");
            if (na < 0 || k < 0) {
                fields.problem(pPath, "the Na/K pump moves the ions named 'Na' and 'K': declare both under 'ions'");
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
            fields.problem(path, "expected a list of transporters, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String tPath = path + "[" + i + "]";
            JsonNode t = list.get(i);
            if (!t.isObject()) {
                fields.problem(tPath, "expected a transporter like '{name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: "
                        + "1e-12 mol/(cm^2 s)}', found " + Fields.describe(t));
                ok = false;
                continue;
            }
            fields.checkKeys(t, tPath, TRANSPORTER_KEYS);
            String name = fields.string(t, tPath, "name", true);
            if (name != null) {
                fields.checkName(tPath + ".name", name, "transporter");
            }
            double rate = fields.quantity(t, tPath, "rate", Dimension.TRANSPORTER_RATE, true, Double.NaN);
            fields.nonNegative(tPath + ".rate", rate, "rate");
            JsonNode st = fields.mapping(t, tPath, "stoichiometry", true);
            List<Integer> species = new ArrayList<>();
            List<Double> nu = new ArrayList<>();
            if (st != null) {
                if (st.isEmpty()) {
                    fields.problem(tPath + ".stoichiometry", "name at least one ion, e.g. '{K: 1, Cl: 1}'");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int s = ionNames.indexOf(e.getKey());
                    if (s < 0) {
                        fields.problem(tPath + ".stoichiometry." + e.getKey(), "'" + e.getKey() + "' is not a declared ion"
                                + Spelling.suggestion(e.getKey(), ionNames));
                        continue;
                    }
                    double v = fields.number(st, tPath + ".stoichiometry", e.getKey(), true, Double.NaN);
                    if (v == 0) {
                        fields.problem(tPath + ".stoichiometry." + e.getKey(), "a stoichiometry of 0 moves nothing; "
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
            fields.problem("stimuli", "expected a list of stimuli, found " + Fields.describe(list));
            return result;
        }
        List<String> names = membranes.stream().map(Membrane::name).toList();
        for (int i = 0; i < list.size(); i++) {
            String path = "stimuli[" + i + "]";
            JsonNode st = list.get(i);
            if (!st.isObject()) {
                fields.problem(path, "expected '{membrane, start, duration, amplitude}', found " + Fields.describe(st));
                continue;
            }
            fields.checkKeys(st, path, STIMULUS_KEYS);
            String membrane = fields.string(st, path, "membrane", true);
            int m = membrane == null ? -1 : names.indexOf(membrane);
            if (membrane != null && m < 0 && !brokenMembranes.contains(membrane)) {
                fields.problem(path + ".membrane", "'" + membrane + "' is not a membrane" + Spelling.suggestion(membrane, names));
            }
            if (m >= 0 && !membranes.get(m).isDynamic()) {
                fields.problem(path + ".membrane", "membrane '" + membrane + "' is clamped; a current stimulus needs "
                        + "'potential: {mode: dynamic, ...}'");
                m = -1;
            }
            double start = fields.quantity(st, path, "start", Dimension.TIME, true, Double.NaN);
            if (Double.isFinite(start) && start < 0) {
                fields.problem(path + ".start", "the start must not be negative, found " + start + " s");
            }
            double duration = fields.quantity(st, path, "duration", Dimension.TIME, true, Double.NaN);
            fields.positive(path + ".duration", duration, "duration");
            double amplitude = fields.quantity(st, path, "amplitude", Dimension.CURRENT_DENSITY, true, Double.NaN);
            if (settings != null && start >= settings.durationS()) {
                fields.problem(path + ".start", "the pulse starts at " + start + " s, after the end of the run ("
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
            fields.problem("events", "expected a list of events, found " + Fields.describe(list));
            return result;
        }
        List<String> membraneNames = membranes.stream().map(Membrane::name).toList();
        List<String> compartmentNames = compartments.stream().map(c -> c == null ? "" : c.name()).toList();
        for (int i = 0; i < list.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode ev = list.get(i);
            if (!ev.isObject()) {
                fields.problem(path, "expected '{at: <time>, set: {<path>: <value>}}', found " + Fields.describe(ev));
                continue;
            }
            fields.checkKeys(ev, path, EVENT_KEYS);
            double at = fields.quantity(ev, path, "at", Dimension.TIME, true, Double.NaN);
            if (Double.isFinite(at) && at < 0) {
                fields.problem(path + ".at", "an event time must not be negative, found " + at + " s");
            }
            if (settings != null && Double.isFinite(at) && at >= settings.durationS()) {
                fields.problem(path + ".at", "the event at " + at + " s is not before the end of the run ("
                        + settings.durationS() + " s)");
            }
            JsonNode set = fields.mapping(ev, path, "set", true);
            if (set == null) {
                continue;
            }
            if (set.isEmpty()) {
                fields.problem(path + ".set", "set at least one parameter, e.g. {\"membranes.plasma.pumps[0].max_current\": 0}");
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
            fields.problem(path, "unknown parameter path '" + target + "'" + help);
            return null;
        }
        if (m.group(1) != null || m.group(5) != null) {
            String membrane = m.group(1) != null ? m.group(1) : m.group(5);
            int mi = membraneNames.indexOf(membrane);
            if (mi < 0) {
                if (!brokenMembranes.contains(membrane)) {
                    fields.problem(path, "'" + membrane + "' is not a membrane" + Spelling.suggestion(membrane, membraneNames));
                }
                return null;
            }
            Membrane mem = membranes.get(mi);
            if (m.group(5) != null) {
                if (mem.isDynamic()) {
                    fields.problem(path, "membrane '" + membrane + "' has a dynamic potential; only a clamp value can be set");
                    return null;
                }
                double v = fields.quantity(set, setPath, target, Dimension.POTENTIAL, true, Double.NaN);
                return Double.isFinite(v) ? new Event.ClampValue(target, mi, v) : null;
            }
            String kind = m.group(2);
            int index = Integer.parseInt(m.group(3));
            String field = m.group(4);
            int size = kind.equals("channels") ? mem.channels().size() : kind.equals("pumps") ? mem.pumps().size()
                    : mem.transporters().size();
            if (index >= size) {
                fields.problem(path, "membrane '" + membrane + "' has " + size + " " + kind + "; index " + index
                        + " does not exist (the first is [0])");
                return null;
            }
            switch (kind) {
                case "pumps": {
                    if (!field.equals("max_current")) {
                        fields.problem(path, "a pump's settable parameter is max_current, not '" + field + "'");
                        return null;
                    }
                    double v = fields.quantity(set, setPath, target, Dimension.CURRENT_DENSITY, true, Double.NaN);
                    fields.nonNegative(path, v, "max_current");
                    return v >= 0 ? new Event.PumpMaxCurrent(target, mi, index, v) : null;
                }
                case "transporters": {
                    if (!field.equals("rate")) {
                        fields.problem(path, "a transporter's settable parameter is rate, not '" + field + "'");
                        return null;
                    }
                    double v = fields.quantity(set, setPath, target, Dimension.TRANSPORTER_RATE, true, Double.NaN);
                    fields.nonNegative(path, v, "rate");
                    return v >= 0 ? new Event.TransporterRate(target, mi, index, v) : null;
                }
                default: {
                    Channel ch = mem.channels().get(index);
                    String expected = ch instanceof Channel.Ghk ? "permeability" : "conductance";
                    if (field.equals("reversal") && ch instanceof Channel.Leak) {
                        double v = fields.quantity(set, setPath, target, Dimension.POTENTIAL, true, Double.NaN);
                        return Double.isFinite(v) ? new Event.LeakReversal(target, mi, index, v) : null;
                    }
                    if (!field.equals(expected)) {
                        fields.problem(path, "this channel's settable parameter is '" + expected + "'"
                                + (ch instanceof Channel.Leak ? " or 'reversal'" : "") + ", not '" + field + "'");
                        return null;
                    }
                    Dimension d = ch instanceof Channel.Ghk ? Dimension.PERMEABILITY : Dimension.CONDUCTANCE_DENSITY;
                    double v = fields.quantity(set, setPath, target, d, true, Double.NaN);
                    fields.nonNegative(path, v, field);
                    return v >= 0 ? new Event.ChannelStrength(target, mi, index, v) : null;
                }
            }
        }
        int c = compartmentNames.indexOf(m.group(6));
        int s = ionNames.indexOf(m.group(7));
        if (c < 0) {
            fields.problem(path, "'" + m.group(6) + "' is not a compartment" + Spelling.suggestion(m.group(6), compartmentNames));
            return null;
        }
        if (s < 0) {
            fields.problem(path, "'" + m.group(7) + "' is not a declared ion" + Spelling.suggestion(m.group(7), ionNames));
            return null;
        }
        if (compartments.get(c) != null && !compartments.get(c).clamped()) {
            fields.problem(path, "only a clamped compartment's concentration can be set by an event; '" + m.group(6)
                    + "' is not clamped (its amounts are state variables)");
            return null;
        }
        double v = fields.quantity(set, setPath, target, Dimension.CONCENTRATION, true, Double.NaN);
        if (Double.isFinite(v) && (v < 0 || v > MAX_CONCENTRATION_MOL_PER_M3)) {
            fields.problem(path, "a concentration must be between 0 and 10 M, found " + v + " mM");
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
                    fields.problem(path, "setting " + m.group(7) + " in '" + m.group(6) + "' to 0 would make E_"
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
                fields.problem(path, what + " moving '" + ion + "' needs it on both sides, but '"
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
            fields.problem(chPath + ".ion", "an ohmic channel needs a charged ion ('" + ion + "' has charge 0); "
                    + "use a permeability for a neutral solute");
        }
        for (int c : new int[] {inside, outside}) {
            if (c >= 0 && c < compartments.size() && compartments.get(c) != null
                    && compartments.get(c).concentrationMolPerM3(s) == 0) {
                fields.problem(chPath + ".ion", "an ohmic channel for '" + ion + "' needs it on both sides, but '"
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
                    fields.problem("ions." + ion + ".charge", "'" + ion + "' is moved across membrane '" + m.name()
                            + "', so its charge must be a whole number, found " + z + " (only an impermeant "
                            + "species may carry a mean valence)");
                }
            }
        }
    }

    private SimulationSettings readSimulation(JsonNode root) {
        JsonNode node = fields.mapping(root, "", "simulation", true);
        if (node == null) {
            return null;
        }
        String path = "simulation";
        fields.checkKeys(node, path, SIMULATION_KEYS);
        double duration = fields.quantity(node, path, "duration", Dimension.TIME, true, Double.NaN);
        fields.positive(path + ".duration", duration, "duration");
        double interval = fields.quantity(node, path, "output_interval", Dimension.TIME, true, Double.NaN);
        fields.positive(path + ".output_interval", interval, "output_interval");
        if (interval > 0 && duration > 0 && interval > duration) {
            fields.problem(path + ".output_interval", "the output interval (" + interval + " s) is longer than the run ("
                    + duration + " s)");
        } else if (interval > 0 && duration > 0 && duration / interval > MAX_OUTPUT_ROWS) {
            fields.problem(path + ".output_interval", "this run would write " + (long) (duration / interval)
                    + " rows; the limit is " + MAX_OUTPUT_ROWS + ": use a longer output_interval");
        }
        String solverName = fields.string(node, path, "solver", false);
        SolverKind solver = SolverKind.DEFAULT;
        if (solverName != null) {
            solver = SolverKind.fromKey(solverName).orElse(null);
            if (solver == null) {
                List<String> keys = java.util.Arrays.stream(SolverKind.values()).map(SolverKind::key).toList();
                fields.problem(path + ".solver", "unknown solver '" + solverName + "'" + Spelling.suggestion(solverName, keys)
                        + "; expected one of " + String.join(", ", keys));
            }
        }
        double rtol = fields.number(node, path, "rtol", false, SimulationSettings.DEFAULT_RTOL);
        if (!(rtol > 0 && rtol < 1)) {
            fields.problem(path + ".rtol", "rtol must be between 0 and 1 (exclusive), found " + rtol);
        }
        double atol = fields.number(node, path, "atol", false, SimulationSettings.DEFAULT_ATOL);
        fields.positive(path + ".atol", atol, "atol");
        double step = fields.quantity(node, path, "step", Dimension.TIME, false, Double.NaN);
        if (solver != null && solver.isFixedStep()) {
            if (!Fields.present(node, "step")) {
                fields.problem(path + ".step", "the solver " + solver.key() + " takes fixed steps: give 'step', e.g. 1 ms");
            } else {
                fields.positive(path + ".step", step, "step");
                if (step > 0 && duration > 0 && duration / step > 1e9) {
                    fields.problem(path + ".step", "this step would take more than 1e9 steps; use a longer one");
                }
            }
        }
        List<String> record = new ArrayList<>();
        JsonNode rec = node.get("record");
        if (rec != null && !rec.isNull()) {
            if (!rec.isArray()) {
                fields.problem(path + ".record", "expected a list of column patterns, found " + Fields.describe(rec));
            } else {
                for (int i = 0; i < rec.size(); i++) {
                    if (!rec.get(i).isTextual()) {
                        fields.problem(path + ".record[" + i + "]", "expected a text pattern, found " + Fields.describe(rec.get(i)));
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
        boolean stopAtSteadyState = fields.bool(node, path, "stop_at_steady_state", false);
        return new SimulationSettings(duration, interval, solver, rtol, atol, step, record, stopAtSteadyState);
    }

    private int compartmentRef(JsonNode mem, String path, String key, List<String> compartmentNames) {
        String ref = fields.string(mem, path, key, true);
        if (ref == null) {
            return -1;
        }
        int i = compartmentNames.indexOf(ref);
        if (i < 0) {
            fields.problem(Fields.child(path, key), "'" + ref + "' is not a compartment" + Spelling.suggestion(ref, compartmentNames)
                    + "; compartments: " + String.join(", ", compartmentNames));
        }
        return i;
    }

    private static boolean allFiniteNonNegative(double[] values) {
        for (double v : values) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

}
