package org.ionflux.internal.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.ExplainReport;
import org.ionflux.internal.output.OutputFolder;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.Summary;
import org.ionflux.internal.steady.Steady;
import org.ionflux.internal.steady.SteadyResult;
import org.ionflux.internal.steady.SteadyText;

/**
 * {@code ionflux steady}: solves for the steady state and writes {@code DIR/steady.json} (docs/commands.md) the way
 * {@code run} writes its outputs: into a temporary folder beside {@code DIR}, then moved into place; {@code DIR} is
 * replaced only if it is absent, empty or an earlier result, never a folder holding other files.
 */
public final class SteadyJob {

    /** The file a steady-state result is, and the name an earlier result is recognised by. */
    public static final String FILE = "steady.json";

    private SteadyJob() {
    }

    /**
     * Checks that {@code out} may receive a result (before any work).
     *
     * @throws OutputFolderException when it exists and holds anything but an earlier result
     */
    public static OutputFolder folder(Path out) throws IOException, OutputFolderException {
        return OutputFolder.of(out, Set.of(FILE));
    }

    /**
     * Writes {@code steady.json} into {@code out}.
     *
     * @param sha256 SHA-256 of the scenario, for the record
     * @return the folder it is in
     * @throws OutputFolderException when {@code out} holds anything but an earlier result (nothing is written)
     */
    public static Path write(SteadyResult result, String sha256, Path out) throws IOException, OutputFolderException {
        OutputFolder folder = folder(out);
        Path work = folder.newWorkFolder();
        boolean published = false;
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(work.resolve(FILE).toFile(),
                    json(result, sha256));
            Path destination = folder.publish(work, true);
            published = true;
            return destination;
        } finally {
            if (!published) {
                OutputFolder.deleteTree(work);
            }
        }
    }

    /** @return the content of {@code steady.json}: the keys of docs/commands.md, in that order; non-finite as null */
    public static Map<String, Object> json(SteadyResult r, String sha256) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", r.scenario());
        json.put("status", r.status());
        json.put("at_s", r.atS());
        json.put("method", r.method());
        json.put("iterations", r.iterations());
        json.put("residual", finite(r.residual()));
        if (r.message() != null) {
            json.put("message", r.message());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        r.values().forEach((k, v) -> values.put(k, finite(v)));
        json.put("values", values);
        List<Map<String, Object>> conserved = new ArrayList<>();
        for (SteadyResult.Conserved c : r.conserved()) {
            Map<String, Object> law = new LinkedHashMap<>();
            law.put("description", c.description());
            law.put("value", finite(c.value()));
            law.put("unit", c.unit());
            conserved.add(law);
        }
        json.put("conserved", conserved);
        List<Map<String, Object>> times = new ArrayList<>();
        for (SteadyResult.TimeConstant t : r.timeConstants()) {
            Map<String, Object> mode = new LinkedHashMap<>();
            mode.put("tau_s", finite(t.tauS()));
            if (!Double.isNaN(t.periodS())) {
                mode.put("period_s", finite(t.periodS()));
            }
            mode.put("dominant", t.dominant());
            if (t.multiplicity() > 1) {
                mode.put("multiplicity", t.multiplicity());
            }
            times.add(mode);
        }
        json.put("time_constants", times);
        Map<String, Object> membranes = new LinkedHashMap<>();
        r.membranes().forEach((name, ions) -> {
            Map<String, Object> byIon = new LinkedHashMap<>();
            ions.forEach((ion, e) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("E_mV", finite(e.eMv()));
                entry.put("driving_force_mV", finite(e.drivingForceMv()));
                entry.put("at_equilibrium", e.atEquilibrium());
                byIon.put(ion, entry);
            });
            membranes.put(name, byIon);
        });
        json.put("membranes", membranes);
        json.put("ionflux_version", Summary.version());
        json.put("scenario_sha256", sha256);
        json.put("wall_time_s", r.wallTimeS());
        return json;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * The text {@code explain} prints: the initial state (unchanged), then where each membrane would settle.
     */
    public static String explain(Model model) {
        String report = ExplainReport.render(model);
        try {
            return report + SteadyText.explainBlock(model, Steady.solve(model, 0.0));
        } catch (RuntimeException e) {
            // explain must always explain the start; a failure of the steady-state solve is only reported
            return report + String.format("%nWhere it settles: the steady state could not be computed (%s).%n", e);
        }
    }
}
