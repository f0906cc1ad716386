package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ionflux.internal.model.Pump;

/** Reads a membrane's {@code pumps}. */
final class PumpsReader {

    private static final Set<String> PUMP_KEYS = Set.of("type", "max_current", "km_na", "km_k");

    private final Fields fields;

    PumpsReader(Fields fields) {
        this.fields = fields;
    }

    /**
     * @param mem          the membrane's mapping
     * @param membranePath its path
     * @return the pumps in file order (empty when none), or null after a problem
     */
    List<Pump> read(JsonNode mem, String membranePath, List<String> ionNames) {
        List<Pump> pumps = new ArrayList<>();
        JsonNode list = mem.get("pumps");
        String path = membranePath + ".pumps";
        if (list == null || list.isNull()) {
            return pumps;
        }
        if (!list.isArray()) {
            fields.problem(path, "expected a list of pumps, found " + Fields.describe(list));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String pPath = path + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                fields.problem(pPath, "expected a pump like '{type: na-k-atpase, max_current: 1.5 uA/cm^2, "
                        + "km_na: 10 mM, km_k: 1.5 mM}', found " + Fields.describe(p));
                ok = false;
                continue;
            }
            fields.checkKeys(p, pPath, PUMP_KEYS);
            String type = fields.string(p, pPath, "type", true);
            if (type != null && !Pump.NaK.TYPE.equals(type)) {
                fields.problem(pPath + ".type", "unknown pump type '" + type + "'" + Spelling.suggestion(type, List.of(
                        Pump.NaK.TYPE)) + "; the only pump is " + Pump.NaK.TYPE);
                ok = false;
            }
            double iMax = fields.quantity(p, pPath, "max_current", Dimension.CURRENT_DENSITY, true, Double.NaN);
            fields.nonNegative(pPath + ".max_current", iMax, "max_current");
            double kmNa = fields.quantity(p, pPath, "km_na", Dimension.CONCENTRATION, true, Double.NaN);
            fields.nonNegative(pPath + ".km_na", kmNa, "km_na");
            double kmK = fields.quantity(p, pPath, "km_k", Dimension.CONCENTRATION, true, Double.NaN);
            fields.nonNegative(pPath + ".km_k", kmK, "km_k");
            int na = ionNames.indexOf("Na");
            int k = ionNames.indexOf("K");
            if (na < 0 || k < 0) {
                fields.problem(pPath, "the Na/K pump moves the ions named 'Na' and 'K': declare both under 'ions'");
                ok = false;
            }
            if (ok && iMax >= 0 && kmNa >= 0 && kmK >= 0 && Double.isFinite(iMax + kmNa + kmK)) {
                pumps.add(new Pump.NaK(iMax, kmNa, kmK, na, k));
            } else {
                ok = false;
            }
        }
        return ok ? pumps : null;
    }
}
