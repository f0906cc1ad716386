package org.ionflux.internal.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.output.TraceColumns;

/**
 * Writes {@code summary.json} with the keys docs/commands.md lists, through {@link JsonWriter} (in Jackson's pretty
 * layout, without Jackson's start-up cost). Non-finite numbers are written as null.
 */
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
        JsonWriter json = new JsonWriter(true).beginObject();
        json.name("scenario").value(model.name());
        json.name("status").value(result.status().key());
        if (result.status() != RunResult.Status.COMPLETED) {
            json.name("error").value(result.error());
            json.name("failed_at_s").value(result.failedAtS());
        }
        json.name("ionflux_version").value(version());
        json.name("java_version").value(System.getProperty("java.version"));
        json.name("scenario_sha256").value(scenarioSha256);
        json.name("options").beginObject();
        json.name("rtol").value(model.settings().relativeTolerance());
        json.name("atol").value(model.settings().absoluteTolerance());
        json.name("duration_s").value(model.settings().durationS());
        json.name("output_interval_s").value(model.settings().outputIntervalS());
        if (model.settings().solver().isFixedStep()) {
            json.name("step_s").value(model.settings().fixedStepS());
        }
        json.endObject();
        json.name("solver").beginObject();
        json.name("name").value(result.solverName());
        count(json.name("steps"), result.steps());
        count(json.name("rejected_steps"), result.rejectedSteps());
        count(json.name("rhs_evaluations"), result.rhsEvaluations());
        count(json.name("jacobian_evaluations"), result.jacobianEvaluations());
        json.endObject();
        json.name("integration_wall_time_s").value(result.integrationWallTimeS());
        json.name("max_relative_mass_error").value(result.maxRelativeMassError());
        json.name("max_relative_charge_error").value(result.maxRelativeChargeError());
        json.name("final").beginObject();
        if (finalRow != null) {
            for (int i = 0; i < columns.size(); i++) {
                json.name(columns.get(i).name()).value(finalRow[i]);
            }
        }
        json.endObject();
        json.name("time_to_equilibrium_s").beginObject();
        if (equilibrium != null) {
            for (Map.Entry<String, Double> e : equilibrium.entrySet()) {
                json.name(e.getKey()).value(e.getValue());
            }
        }
        json.endObject();
        json.name("stop_at_steady_state").value(model.settings().stopAtSteadyState());
        json.name("steady_state_reached_at_s").value(result.steadyStateAtS());
        json.endObject();
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }

    /** Writes the count, or null when it is not known (negative). */
    private static void count(JsonWriter json, long value) {
        if (value < 0) {
            json.nullValue();
        } else {
            json.value(value);
        }
    }
}
