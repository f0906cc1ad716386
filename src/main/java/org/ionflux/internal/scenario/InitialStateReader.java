package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.PotentialProtocol;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics;

/**
 * {@code initial_state: <path>} (docs/scenario-format.md): starts a scenario from an earlier result of this engine,
 * the {@code values} of a {@code steady.json} or the {@code final} of a {@code summary.json}. It replaces what the
 * run integrates: the concentrations of every species that has a state variable in a non-clamped compartment, the
 * volumes that water changes, the potentials of dynamic membranes and the gates. Clamped baths and clamped
 * potentials are parameters, not state: they stay as the scenario says. A column the model needs that the file
 * lacks is an error naming the file and the column.
 */
final class InitialStateReader {

    /** The top-level key. */
    static final String KEY = "initial_state";
    /** Largest result file accepted, bytes (a 1000-cell summary.json is a few MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final double M3_PER_PL = 1e-15;
    private static final double V_PER_MV = 1e-3;

    private final Fields fields;

    InitialStateReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param model        the validated model
     * @param root         the scenario's root
     * @param scenarioFile the scenario's file name as used in messages (relative paths are resolved from its folder)
     * @return the model starting from the file's state, or {@code model} when there is no {@code initial_state};
     *     null after reporting a problem
     */
    Model apply(Model model, JsonNode root, String scenarioFile) {
        String given = fields.string(root, "", KEY, false);
        if (given == null) {
            return root.has(KEY) && !root.get(KEY).isNull() ? null : model;
        }
        if (given.isBlank()) {
            fields.problem(KEY, "expected the path of a steady.json or summary.json written by ionflux, found an "
                    + "empty text");
            return null;
        }
        Path file;
        try {
            file = resolve(given, scenarioFile);
        } catch (java.nio.file.InvalidPathException e) {
            fields.problem(KEY, "'" + given + "' is not a valid path: " + e.getMessage());
            return null;
        }
        Map<String, Double> values = read(file);
        if (values == null) {
            return null;
        }
        return replace(model, values, file);
    }

    /**
     * @param given        the {@code initial_state} text
     * @param scenarioFile the scenario's file name as used in messages ({@code <...>} for one without a file)
     * @return the file it names: absolute as given, or relative to the scenario's folder
     * @throws java.nio.file.InvalidPathException if the text is not a path
     */
    static Path resolve(String given, String scenarioFile) {
        Path p = Path.of(given);
        Path folder = scenarioFile == null || scenarioFile.startsWith("<") ? null
                : Path.of(scenarioFile).toAbsolutePath().getParent();
        return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }

    /** @return the file's values by column, or null after reporting a problem */
    private Map<String, Double> read(Path file) {
        JsonNode json;
        try {
            if (Files.isDirectory(file)) {
                fields.problem(KEY, file + ": this is a folder; give the steady.json or summary.json in it");
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                fields.problem(KEY, file + ": the file is larger than the " + MAX_BYTES + " bytes a result of "
                        + "ionflux can be");
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                json = new ObjectMapper().readTree(in);
            }
        } catch (NoSuchFileException e) {
            fields.problem(KEY, file + ": no such file (a relative path is resolved from the scenario's folder)");
            return null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            fields.problem(KEY, file + ": not a result of ionflux (not JSON: "
                    + e.getOriginalMessage() + ")");
            return null;
        } catch (IOException e) {
            fields.problem(KEY, file + ": cannot read the file: " + e.getMessage());
            return null;
        }
        if (json == null || !json.isObject() || !json.has("ionflux_version")
                || !(json.path("values").isObject() || json.path("final").isObject())) {
            fields.problem(KEY, file + ": not a result of ionflux: expected a steady.json (with 'values') or a "
                    + "summary.json (with 'final')");
            return null;
        }
        boolean steady = json.path("values").isObject();
        if (steady && !"steady".equals(json.path("status").asText())) {
            fields.problem(KEY, file + ": this steady.json holds no steady state (status "
                    + json.path("status").asText() + "): there are no values to start from");
            return null;
        }
        JsonNode table = steady ? json.get("values") : json.get("final");
        Map<String, Double> values = new LinkedHashMap<>();
        table.fields().forEachRemaining(e -> values.put(e.getKey(),
                e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
        return values;
    }

    /** @return the model with its state replaced by {@code values}, or null after reporting problems */
    private Model replace(Model model, Map<String, Double> values, Path file) {
        List<String> missing = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int speciesCount = model.species().size();
        double atolMm = model.settings().absoluteTolerance();
        boolean[] moved = new boolean[model.compartments().size() * speciesCount];
        boolean[] water = new boolean[model.compartments().size()];
        for (Membrane mem : model.membranes()) {
            for (int s = 0; s < speciesCount; s++) {
                if (mem.moves(s)) {
                    moved[mem.insideIndex() * speciesCount + s] = true;
                    moved[mem.outsideIndex() * speciesCount + s] = true;
                }
            }
            if (mem.waterPermeabilityMPerS() > 0) {
                water[mem.insideIndex()] = true;
                water[mem.outsideIndex()] = true;
            }
        }
        Model out = model;
        for (int c = 0; c < model.compartments().size(); c++) {
            Compartment comp = model.compartments().get(c);
            if (comp.clamped()) {
                continue;
            }
            double volume = comp.volumeM3();
            if (water[c]) {
                double pl = column(values, comp.name() + ".volume_pL", missing, bad);
                if (Double.isFinite(pl) && !(pl > 0)) {
                    bad.add(comp.name() + ".volume_pL (" + pl + ", a volume must be > 0)");
                } else if (pl > 0) {
                    volume = pl * M3_PER_PL;
                }
            }
            double[] conc = comp.concentrationsMolPerM3();
            for (int s = 0; s < speciesCount; s++) {
                if (conc[s] == 0 && !moved[c * speciesCount + s]) {
                    continue;   // no state variable: it stays at 0
                }
                String name = comp.name() + "." + model.species().get(s).name() + "_mM";
                double mm = column(values, name, missing, bad);
                if (Double.isNaN(mm)) {
                    continue;
                }
                if (mm < -atolMm || mm > CompartmentsReader.MAX_CONCENTRATION_MOL_PER_M3) {
                    bad.add(name + " (" + mm + " mM, a concentration must be between 0 and 10 M)");
                    continue;
                }
                conc[s] = Math.max(0.0, mm);   // a rounding error within atol below 0 is 0
            }
            try {
                out = out.withCompartment(c, new Compartment(comp.name(), volume, conc, false));
            } catch (IllegalArgumentException e) {
                bad.add(comp.name() + " (" + e.getMessage() + ")");
            }
        }
        for (int m = 0; m < model.membranes().size(); m++) {
            Membrane mem = out.membranes().get(m);
            if (mem.isDynamic()) {
                double mv = column(values, mem.name() + ".V_mV", missing, bad);
                if (Double.isFinite(mv)) {
                    mem = mem.withPotential(new PotentialProtocol.Dynamic(mv * V_PER_MV));
                }
            }
            List<Channel> channels = new ArrayList<>(mem.channels());
            for (int k = 0; k < channels.size(); k++) {
                if (!(channels.get(k) instanceof Channel.Gated gated)) {
                    continue;
                }
                HodgkinHuxleyKinetics kin = gated.kinetics();
                List<Double> gates = new ArrayList<>();
                for (int g = 0; g < kin.gateCount(); g++) {
                    // the column GatedTerm writes for this gate
                    String name = mem.name() + "." + model.species().get(gated.speciesIndex()).name() + "_"
                            + kin.gate(g).symbol();
                    double x = column(values, name, missing, bad);
                    if (Double.isFinite(x) && (x < -atolMm || x > 1 + atolMm)) {
                        bad.add(name + " (" + x + ", a gate is between 0 and 1)");
                        x = Double.NaN;
                    }
                    gates.add(Math.min(1.0, Math.max(0.0, x)));
                }
                if (gates.stream().allMatch(Double::isFinite)) {
                    channels.set(k, gated.withInitialGates(gates));
                }
            }
            out = out.withMembrane(m, mem.withChannels(channels));
        }
        if (!missing.isEmpty()) {
            fields.problem(KEY, file + ": lacks " + (missing.size() == 1 ? "the column " : missing.size()
                    + " columns this scenario needs: ") + abbreviated(missing) + (missing.size() == 1
                    ? ", which this scenario needs" : "") + " (a result of another scenario, or one recorded with "
                    + "'simulation.record' patterns?)");
        }
        if (!bad.isEmpty()) {
            fields.problem(KEY, file + ": cannot start from " + abbreviated(bad));
        }
        return missing.isEmpty() && bad.isEmpty() ? out : null;
    }

    /** @return the column's value; NaN (noted as missing or bad) when absent or not a finite number */
    private static double column(Map<String, Double> values, String name, List<String> missing, List<String> bad) {
        Double v = values.get(name);
        if (v == null) {
            missing.add(name);
            return Double.NaN;
        }
        if (!Double.isFinite(v)) {
            bad.add(name + " (not a finite number)");
            return Double.NaN;
        }
        return v;
    }

    private static String abbreviated(List<String> names) {
        int shown = Math.min(names.size(), 10);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown)
                + " more" : "");
    }
}
