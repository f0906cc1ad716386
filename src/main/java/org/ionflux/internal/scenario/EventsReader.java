package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Event;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.SimulationSettings;

/**
 * Reads {@code events}: parameter assignments (SI) at given times, each path one of the {@link ParameterPath}
 * grammar that can change during a run.
 */
final class EventsReader {

    private static final Set<String> EVENT_KEYS = Set.of("at", "set");

    private final Fields fields;

    EventsReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param compartments    the compartments (null for one with problems)
     * @param membranes       the valid membranes
     * @param brokenMembranes names of membranes with problems (not reported again as missing)
     * @param settings        the simulation settings, or null
     * @return the valid events
     */
    List<Event> read(JsonNode root, List<String> ionNames, List<Compartment> compartments, List<Membrane> membranes,
                     Set<String> brokenMembranes, SimulationSettings settings) {
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
                fields.problem(path + ".set", "set at least one parameter, e.g. "
                        + "{\"membranes.plasma.pumps[0].max_current\": 0}");
            }
            List<Event.Assignment> assignments = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Event.Assignment a = readAssignment(e.getKey(), set, path + ".set", ionNames, compartments,
                        compartmentNames, membranes, membraneNames, brokenMembranes);
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
                                            List<Membrane> membranes, List<String> membraneNames,
                                            Set<String> brokenMembranes) {
        String path = setPath + "." + target;
        ParameterPath p = ParameterPath.parse(target);
        if (p == null || !p.isEventPath()) {
            fields.problem(path, "unknown parameter path '" + target + "'; settable: " + ParameterPath.EVENT_GRAMMAR);
            return null;
        }
        if (p.kind() != ParameterPath.Kind.CONCENTRATION) {
            String membrane = p.owner();
            int mi = membraneNames.indexOf(membrane);
            if (mi < 0) {
                if (!brokenMembranes.contains(membrane)) {
                    fields.problem(path, "'" + membrane + "' is not a membrane"
                            + Spelling.suggestion(membrane, membraneNames));
                }
                return null;
            }
            Membrane mem = membranes.get(mi);
            if (p.kind() == ParameterPath.Kind.POTENTIAL) {
                if (mem.isDynamic()) {
                    fields.problem(path, "membrane '" + membrane + "' has a dynamic potential; only a clamp value can "
                            + "be set");
                    return null;
                }
                double v = fields.quantity(set, setPath, target, Dimension.POTENTIAL, true, Double.NaN);
                return Double.isFinite(v) ? new Event.ClampValue(target, mi, v) : null;
            }
            String kind = p.list();
            int index = p.index();
            String field = p.field();
            int size = kind.equals("channels") ? mem.channels().size() : kind.equals("pumps") ? mem.pumps().size()
                    : mem.transporters().size();
            if (index >= size) {
                fields.problem(path, "membrane '" + membrane + "' has " + size + " " + kind + "; index "
                        + p.indexText() + " does not exist (the first is [0])");
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
        String compartment = p.owner();
        String ion = p.field();
        int c = compartmentNames.indexOf(compartment);
        int s = ionNames.indexOf(ion);
        if (c < 0) {
            fields.problem(path, "'" + compartment + "' is not a compartment"
                    + Spelling.suggestion(compartment, compartmentNames));
            return null;
        }
        if (s < 0) {
            fields.problem(path, "'" + ion + "' is not a declared ion" + Spelling.suggestion(ion, ionNames));
            return null;
        }
        if (compartments.get(c) != null && !compartments.get(c).clamped()) {
            fields.problem(path, "only a clamped compartment's concentration can be set by an event; '" + compartment
                    + "' is not clamped (its amounts are state variables)");
            return null;
        }
        double v = fields.quantity(set, setPath, target, Dimension.CONCENTRATION, true, Double.NaN);
        if (Double.isFinite(v) && (v < 0 || v > CompartmentsReader.MAX_CONCENTRATION_MOL_PER_M3)) {
            fields.problem(path, "a concentration must be between 0 and 10 M, found " + v + " mM");
            return null;
        }
        if (v == 0) {
            // docs/physics.md sections 5 to 7: an ohmic or gated channel or a transporter needs the ion on both sides
            for (Membrane mem : membranes) {
                if (mem.insideIndex() != c && mem.outsideIndex() != c) {
                    continue;
                }
                boolean needsBothSides = mem.channels().stream().anyMatch(ch -> ch.speciesIndex() == s
                        && (ch instanceof Channel.Ohmic || ch instanceof Channel.Gated))
                        || mem.transporters().stream().anyMatch(t -> Arrays.stream(t.speciesIndices())
                        .anyMatch(x -> x == s));
                if (needsBothSides) {
                    fields.problem(path, "setting " + ion + " in '" + compartment + "' to 0 would make E_"
                            + ion + " across membrane '" + mem.name() + "' infinite (an ohmic or gated "
                            + "channel or a transporter moves it there); use a small positive concentration");
                    return null;
                }
            }
        }
        return Double.isFinite(v) ? new Event.BathConcentration(target, c, s, v) : null;
    }
}
