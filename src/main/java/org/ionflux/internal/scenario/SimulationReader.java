package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.SolverKind;

/** Reads {@code simulation}: duration, output interval, solver, tolerances, step, recorded and plotted columns. */
final class SimulationReader {

    /** Most output rows a run may produce (docs/scenario-format.md leaves it to the engine; documented in README). */
    static final long MAX_OUTPUT_ROWS = 20_000_000L;

    private static final Set<String> SIMULATION_KEYS = Set.of("duration", "output_interval", "solver", "rtol", "atol",
            "step", "record", "plot", "stop_at_steady_state");

    private final Fields fields;

    SimulationReader(Fields fields) {
        this.fields = fields;
    }

    /** @return the settings (times in s), or null when a problem leaves them unusable */
    SimulationSettings read(JsonNode root) {
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
            fields.problem(path + ".output_interval", "the output interval (" + interval + " s) is longer than the "
                    + "run (" + duration + " s)");
        } else if (interval > 0 && duration > 0 && duration / interval > MAX_OUTPUT_ROWS) {
            fields.problem(path + ".output_interval", "this run would write " + (long) (duration / interval)
                    + " rows; the limit is " + MAX_OUTPUT_ROWS + ": use a longer output_interval");
        }
        String solverName = fields.string(node, path, "solver", false);
        SolverKind solver = SolverKind.DEFAULT;
        if (solverName != null) {
            solver = SolverKind.fromKey(solverName).orElse(null);
            if (solver == null) {
                List<String> keys = Arrays.stream(SolverKind.values()).map(SolverKind::key).toList();
                fields.problem(path + ".solver", "unknown solver '" + solverName + "'"
                        + Spelling.suggestion(solverName, keys) + "; expected one of " + String.join(", ", keys));
            }
        }
        double rtol = fields.number(node, path, "rtol", false, SimulationSettings.DEFAULT_RTOL);
        if (!Double.isNaN(rtol) && !(rtol > 0 && rtol < 1)) {
            fields.problem(path + ".rtol", "rtol must be between 0 and 1 (exclusive), found " + rtol);
        }
        double atol = fields.number(node, path, "atol", false, SimulationSettings.DEFAULT_ATOL);
        fields.positive(path + ".atol", atol, "atol");
        double step = fields.quantity(node, path, "step", Dimension.TIME, false, Double.NaN);
        if (solver != null && solver.isFixedStep()) {
            if (!Fields.present(node, "step")) {
                fields.problem(path + ".step", "the solver " + solver.key() + " takes fixed steps: give 'step', "
                        + "e.g. 1 ms");
            } else {
                fields.positive(path + ".step", step, "step");
                if (step > 0 && duration > 0 && duration / step > 1e9) {
                    fields.problem(path + ".step", "this step would take more than 1e9 steps; use a longer one");
                }
            }
        }
        List<String> record = patterns(node, path, "record");
        List<String> plot = patterns(node, path, "plot");
        if (solver == null || !(duration > 0) || !Double.isFinite(duration) || !(interval > 0)
                || !Double.isFinite(interval) || !(rtol > 0 && rtol < 1) || !(atol > 0) || !Double.isFinite(atol)
                || (solver.isFixedStep() && !(step > 0 && Double.isFinite(step)))) {
            return null;
        }
        boolean stopAtSteadyState = fields.bool(node, path, "stop_at_steady_state", false);
        return new SimulationSettings(duration, interval, solver, rtol, atol, step, record, stopAtSteadyState, plot);
    }

    /** Reads a list of column patterns ({@code record}, {@code plot}); empty when absent. */
    private List<String> patterns(JsonNode node, String path, String key) {
        List<String> patterns = new ArrayList<>();
        JsonNode list = node.get(key);
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                fields.problem(path + "." + key, "expected a list of column patterns, found "
                        + Fields.describe(list));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    if (!list.get(i).isTextual()) {
                        fields.problem(path + "." + key + "[" + i + "]", "expected a text pattern, found "
                                + Fields.describe(list.get(i)));
                    } else {
                        String glob = list.get(i).asText();
                        String malformed = ColumnPatterns.malformation(glob);
                        if (malformed != null) {
                            fields.problem(path + "." + key + "[" + i + "]", "malformed pattern '" + glob + "': "
                                    + malformed);
                        }
                        patterns.add(glob);
                    }
                }
            }
        }
        return patterns;
    }
}
