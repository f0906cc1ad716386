package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Names;
import org.ionflux.internal.model.Transporter;

/**
 * Reads a membrane's {@code transporters} (cotransporters and exchangers: name, stoichiometry, rate in SI) and
 * checks that every ion they move is present on both sides.
 */
final class TransportersReader {

    private static final Set<String> TRANSPORTER_KEYS = Set.of("name", "stoichiometry", "rate");

    private final Fields fields;

    TransportersReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param mem          the membrane's mapping
     * @param membranePath its path
     * @param inside       index of the inside compartment, or -1
     * @param outside      index of the outside compartment, or -1
     * @return the transporters in file order (empty when none), or null after a problem
     */
    List<Transporter> read(JsonNode mem, String membranePath, List<String> ionNames, List<Compartment> compartments,
                           int inside, int outside) {
        List<Transporter> result = new ArrayList<>();
        JsonNode list = mem.get("transporters");
        String path = membranePath + ".transporters";
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            fields.problem(path, "expected a list of transporters, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String tPath = path + "[" + i + "]";
            JsonNode t = list.get(i);
            if (!t.isObject()) {
                fields.problem(tPath, "expected a transporter like '{name: kcc2, stoichiometry: {K: 1, Cl: 1}, rate: "
                        + "1e-12 mol/(cm^2 s)}', found " + Fields.describe(t));
                ok = false;
                continue;
            }
            fields.checkKeys(t, tPath, TRANSPORTER_KEYS);
            String name = fields.string(t, tPath, "name", true);
            if (name != null) {
                fields.checkName(tPath + ".name", name, "transporter");
            }
            double rate = fields.quantity(t, tPath, "rate", Dimension.TRANSPORTER_RATE, true, Double.NaN);
            fields.nonNegative(tPath + ".rate", rate, "rate");
            JsonNode st = fields.mapping(t, tPath, "stoichiometry", true);
            List<Integer> species = new ArrayList<>();
            List<Double> nu = new ArrayList<>();
            if (st != null) {
                if (st.isEmpty()) {
                    fields.problem(tPath + ".stoichiometry", "name at least one ion, e.g. '{K: 1, Cl: 1}'");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    int s = ionNames.indexOf(e.getKey());
                    if (s < 0) {
                        fields.problem(tPath + ".stoichiometry." + e.getKey(), "'" + e.getKey()
                                + "' is not a declared ion" + Spelling.suggestion(e.getKey(), ionNames));
                        continue;
                    }
                    double v = fields.number(st, tPath + ".stoichiometry", e.getKey(), true, Double.NaN);
                    if (v == 0) {
                        fields.problem(tPath + ".stoichiometry." + e.getKey(), "a stoichiometry of 0 moves nothing; "
                                + "leave the ion out");
                    }
                    if (Double.isFinite(v) && v != 0) {
                        species.add(s);
                        nu.add(v);
                        checkBothSides(tPath + ".stoichiometry." + e.getKey(), e.getKey(), s, compartments, inside,
                                outside, "a transporter");
                    }
                }
            }
            if (name != null && Names.isValid(name) && rate >= 0 && Double.isFinite(rate) && !species.isEmpty()
                    && st != null && species.size() == st.size()) {
                result.add(new Transporter(name, species.stream().mapToInt(Integer::intValue).toArray(),
                        nu.stream().mapToDouble(Double::doubleValue).toArray(), rate));
            } else {
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private void checkBothSides(String path, String ion, int s, List<Compartment> compartments, int inside,
                                int outside, String what) {
        for (int c : new int[] {inside, outside}) {
            if (c >= 0 && c < compartments.size() && compartments.get(c) != null
                    && compartments.get(c).concentrationMolPerM3(s) == 0) {
                fields.problem(path, what + " moving '" + ion + "' needs it on both sides, but '"
                        + compartments.get(c).name() + "' has none, so its electrochemical potential is infinite; "
                        + "give it a concentration there");
            }
        }
    }
}
