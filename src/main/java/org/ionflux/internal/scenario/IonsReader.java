package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Membrane;

/** Reads {@code ions} (name and charge of every species) and checks the charges against the membranes. */
final class IonsReader {

    private static final Set<String> ION_KEYS = Set.of("charge");

    private final Fields fields;

    IonsReader(Fields fields) {
        this.fields = fields;
    }

    /** @return the charge of every ion, by name, in file order (NaN where the charge is missing or bad) */
    Map<String, Double> read(JsonNode root) {
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

    /**
     * Cross-field check: a species that a channel, pump or transporter moves across some membrane must have a whole
     * charge (only an impermeant species may carry a mean valence).
     */
    void checkIntegerCharges(Map<String, Double> ions, List<Membrane> membranes) {
        List<String> names = new ArrayList<>(ions.keySet());
        Set<String> reported = new HashSet<>();
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
}
