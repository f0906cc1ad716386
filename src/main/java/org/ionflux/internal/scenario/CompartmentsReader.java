package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Compartment;

/** Reads {@code compartments}: volume, initial concentrations (SI) and whether each is clamped. */
final class CompartmentsReader {

    /** Highest concentration accepted (docs/scenario-format.md bounds), mol/m^3: 10 M. */
    static final double MAX_CONCENTRATION_MOL_PER_M3 = 10_000.0;

    private static final Set<String> COMPARTMENT_KEYS = Set.of("volume", "concentrations", "clamped");

    private final Fields fields;

    CompartmentsReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param ionNames the declared ions, in order
     * @return the compartments in file order; null in place of one that has a problem (a compartment that is not a
     *     mapping is left out)
     */
    List<Compartment> read(JsonNode root, List<String> ionNames) {
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
                fields.problem(path, "expected a mapping with volume and concentrations, found "
                        + Fields.describe(comp));
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
                        fields.problem(cPath, "'" + c.getKey() + "' is not a declared ion"
                                + Spelling.suggestion(c.getKey(), ionNames) + "; declare it under 'ions' first");
                        continue;
                    }
                    double value = fields.quantity(concNode, path + ".concentrations", c.getKey(),
                            Dimension.CONCENTRATION, true, Double.NaN);
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

    private static boolean allFiniteNonNegative(double[] values) {
        for (double v : values) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
