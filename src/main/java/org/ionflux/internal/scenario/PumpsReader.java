package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Pump;

/** Reads a membrane's {@code pumps}, each by the {@link PumpType} its {@code type} names. */
final class PumpsReader {

    /**
     * Every pump type. A pump whose type is missing or unknown is read as the nearest type by spelling, else as the
     * first, so that its other fields are still checked.
     */
    static final List<PumpType> TYPES = List.of(new NaKPumpType(), new PmcaPumpType());

    private final Fields fields;

    PumpsReader(Fields fields) {
        this.fields = fields;
    }

    /** @return the pump type called {@code name}, or null */
    static PumpType type(String name) {
        for (PumpType t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static List<String> typeNames() {
        return TYPES.stream().map(PumpType::name).toList();
    }

    /** @return the type {@code name} names, or the nearest by spelling, or the first */
    private static PumpType typeOrNearest(String name) {
        PumpType exact = type(name);
        if (exact != null) {
            return exact;
        }
        String nearest = name == null ? null : Spelling.nearest(name, typeNames());
        return nearest != null ? type(nearest) : TYPES.get(0);
    }

    /**
     * @param mem          the membrane's mapping
     * @param membranePath its path
     * @param ions         the declared ions and their charges, in file order
     * @return the pumps in file order (empty when none), or null after a problem
     */
    List<Pump> read(JsonNode mem, String membranePath, Map<String, Double> ions) {
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
            // the keys are checked before 'type' is read: a misspelled 'type' key is then not also reported missing
            JsonNode typeNode = p.get("type");
            PumpType kind = typeOrNearest(typeNode != null && typeNode.isTextual() ? typeNode.asText() : null);
            fields.checkKeys(p, pPath, kind.keys());
            String type = fields.string(p, pPath, "type", true);
            if (type != null && type(type) == null) {
                fields.problem(pPath + ".type", "unknown pump type '" + type + "'"
                        + Spelling.suggestion(type, typeNames()) + (TYPES.size() == 1 ? "; the only pump is "
                        + TYPES.get(0).name() : "; pump types: " + String.join(", ", typeNames())));
                ok = false;
            }
            Pump pump = kind.read(fields, p, pPath, ions);
            if (ok && pump != null) {
                pumps.add(pump);
            } else {
                ok = false;
            }
        }
        return ok ? pumps : null;
    }
}
