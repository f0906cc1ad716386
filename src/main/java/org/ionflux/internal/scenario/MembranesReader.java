package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.model.Pump;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.Transporter;

/**
 * Reads {@code membranes}: sides, area, capacitance, potential (clamp, clamp steps or dynamic), water permeability and
 * the mechanisms (through {@link ChannelsReader}, {@link PumpsReader} and {@link TransportersReader}), and checks that
 * the membranes form a forest.
 */
final class MembranesReader {

    private static final Set<String> MEMBRANE_KEYS = Set.of("inside", "outside", "area", "capacitance", "potential",
            "channels", "pumps", "transporters", "water_permeability");
    private static final Set<String> POTENTIAL_KEYS = Set.of("mode", "value", "steps", "initial");
    private static final Set<String> STEP_KEYS = Set.of("at", "value");

    private final Fields fields;
    private final ChannelsReader channelsReader;
    private final PumpsReader pumpsReader;
    private final TransportersReader transportersReader;
    private final Set<String> brokenMembranes = new HashSet<>();

    MembranesReader(Fields fields) {
        this.fields = fields;
        this.channelsReader = new ChannelsReader(fields);
        this.pumpsReader = new PumpsReader(fields);
        this.transportersReader = new TransportersReader(fields);
    }

    /** @return names of the membranes that have problems (set by {@link #read}) */
    Set<String> brokenMembranes() {
        return brokenMembranes;
    }

    /**
     * @param ions         the declared ions and their charges, in file order
     * @param compartments the compartments (null for one with problems)
     * @param settings     the simulation settings, or null (clamp steps are checked against the duration)
     * @return the valid membranes; the names of the others are in {@link #brokenMembranes()}
     */
    List<Membrane> read(JsonNode root, Map<String, Double> ions, List<Compartment> compartments,
                        SimulationSettings settings) {
        List<String> ionNames = new ArrayList<>(ions.keySet());
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
                fields.problem(path, "expected a mapping with inside, outside, area and potential, found "
                        + Fields.describe(mem));
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
            List<Channel> channels = channelsReader.read(mem, path, ionNames, compartments, inside, outside);
            List<Pump> pumps = pumpsReader.read(mem, path, ions);
            List<Transporter> transporters = transportersReader.read(mem, path, ionNames, compartments, inside,
                    outside);
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
                fields.problem(stepPath + ".at", "clamp step times must increase strictly; " + times[i]
                        + " s comes after " + times[i - 1] + " s");
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

    private int compartmentRef(JsonNode mem, String path, String key, List<String> compartmentNames) {
        String ref = fields.string(mem, path, key, true);
        if (ref == null) {
            return -1;
        }
        int i = compartmentNames.indexOf(ref);
        if (i < 0) {
            fields.problem(Fields.child(path, key), "'" + ref + "' is not a compartment"
                    + Spelling.suggestion(ref, compartmentNames) + "; compartments: "
                    + String.join(", ", compartmentNames));
        }
        return i;
    }
}
