package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.Stimulus;

/** Reads {@code stimuli}: current pulses (A/m^2, s) on dynamic membranes. */
final class StimuliReader {

    private static final Set<String> STIMULUS_KEYS = Set.of("membrane", "start", "duration", "amplitude");

    private final Fields fields;

    StimuliReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param membranes       the valid membranes
     * @param brokenMembranes names of membranes with problems (not reported again as missing)
     * @param settings        the simulation settings, or null
     * @return the valid stimuli
     */
    List<Stimulus> read(JsonNode root, List<Membrane> membranes, Set<String> brokenMembranes,
                        SimulationSettings settings) {
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
                fields.problem(path + ".membrane", "'" + membrane + "' is not a membrane"
                        + Spelling.suggestion(membrane, names));
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
}
