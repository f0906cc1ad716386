package org.ionflux.internal.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.output.TraceColumns;

/** Writes {@code summary.json} with the keys docs/commands.md lists. Non-finite numbers are written as null. */
public final class Summary {

    private Summary() {
    }

    /** @return the ionflux version from the jar manifest, or "dev" when run from classes */
    public static String version() {
        String v = Summary.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Writes the summary.
     *
     * @param finalRow last trace row, or null when no row was written
     * @param equilibrium time to equilibrium per column, or null when not computed
     */
    public static void write(Path file, Model model, String scenarioSha256, RunResult result,
                             List<TraceColumns.Column> columns, double[] finalRow, Map<String, Double> equilibrium)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", model.name());
        json.put("status", result.status().key());
        if (result.status() != RunResult.Status.COMPLETED) {
            json.put("error", result.error());
            json.put("failed_at_s", finite(result.failedAtS()));
        }
        json.put("ionflux_version", version());
        json.put("java_version", System.getProperty("java.version"));
        json.put("scenario_sha256", scenarioSha256);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rtol", model.settings().relativeTolerance());
        options.put("atol", model.settings().absoluteTolerance());
        options.put("duration_s", model.settings().durationS());
        options.put("output_interval_s", model.settings().outputIntervalS());
        if (model.settings().solver().isFixedStep()) {
            options.put("step_s", model.settings().fixedStepS());
        }
        json.put("options", options);
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("name", result.solverName());
        solver.put("steps", count(result.steps()));
        solver.put("rejected_steps", count(result.rejectedSteps()));
        solver.put("rhs_evaluations", count(result.rhsEvaluations()));
        solver.put("jacobian_evaluations", count(result.jacobianEvaluations()));
        json.put("solver", solver);
        json.put("integration_wall_time_s", finite(result.integrationWallTimeS()));
        json.put("max_relative_mass_error", finite(result.maxRelativeMassError()));
        json.put("max_relative_charge_error", finite(result.maxRelativeChargeError()));
        Map<String, Object> last = new LinkedHashMap<>();
        if (finalRow != null) {
            for (int i = 0; i < columns.size(); i++) {
                last.put(columns.get(i).name(), finite(finalRow[i]));
            }
        }
        json.put("final", last);
        json.put("time_to_equilibrium_s", equilibrium == null ? Map.of() : equilibrium);
        json.put("stop_at_steady_state", model.settings().stopAtSteadyState());
        json.put("steady_state_reached_at_s", finite(result.steadyStateAtS()));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    /** @return the count, or null when it is not known (negative) */
    private static Long count(long value) {
        return value < 0 ? null : value;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
