package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Pump;

/**
 * The Na/K-ATPase, {@code {type: na-k-atpase, max_current, km_na, km_k}} (README "Pump"): {@code max_current} a
 * current density, the two {@code km} concentrations (0: a constant pump); it acts on the ions named Na and K.
 */
final class NaKPumpType implements PumpType {

    private static final Set<String> KEYS = Set.of("type", "max_current", "km_na", "km_k");

    @Override
    public String name() {
        return Pump.NaK.TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Pump read(Fields fields, JsonNode p, String pPath, Map<String, Double> ions) {
        double iMax = fields.quantity(p, pPath, "max_current", Dimension.CURRENT_DENSITY, true, Double.NaN);
        fields.nonNegative(pPath + ".max_current", iMax, "max_current");
        double kmNa = fields.quantity(p, pPath, "km_na", Dimension.CONCENTRATION, true, Double.NaN);
        fields.nonNegative(pPath + ".km_na", kmNa, "km_na");
        double kmK = fields.quantity(p, pPath, "km_k", Dimension.CONCENTRATION, true, Double.NaN);
        fields.nonNegative(pPath + ".km_k", kmK, "km_k");
        if (!ions.containsKey("Na") || !ions.containsKey("K")) {
            fields.problem(pPath, "the Na/K pump moves the ions named 'Na' and 'K': declare both under 'ions'");
            return null;
        }
        int na = PumpType.ion(fields, pPath, ions, "Na", 1, "the Na/K pump");
        int k = PumpType.ion(fields, pPath, ions, "K", 1, "the Na/K pump");
        if (na < 0 || k < 0) {
            return null;
        }
        if (iMax >= 0 && kmNa >= 0 && kmK >= 0 && Double.isFinite(iMax + kmNa + kmK)) {
            return new Pump.NaK(iMax, kmNa, kmK, na, k);
        }
        return null;
    }
}
