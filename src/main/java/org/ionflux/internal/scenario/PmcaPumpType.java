package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.ionflux.internal.model.Pump;

/**
 * The plasma-membrane Ca-ATPase, {@code {type: pmca, max_current, km, hill}}: {@code max_current} the current
 * density at saturation, {@code km} a concentration (0: a constant pump), {@code hill} a number >= 1 (default 1);
 * it acts on the ion named Ca, which must have charge 2.
 */
final class PmcaPumpType implements PumpType {

    private static final Set<String> KEYS = Set.of("type", "max_current", "km", "hill");

    @Override
    public String name() {
        return Pump.Pmca.TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Pump read(Fields fields, JsonNode p, String pPath, Map<String, Double> ions) {
        double iMax = fields.quantity(p, pPath, "max_current", Dimension.CURRENT_DENSITY, true, Double.NaN);
        fields.nonNegative(pPath + ".max_current", iMax, "max_current");
        double km = fields.quantity(p, pPath, "km", Dimension.CONCENTRATION, true, Double.NaN);
        fields.nonNegative(pPath + ".km", km, "km");
        double hill = fields.number(p, pPath, "hill", false, 1.0);
        if (!Double.isNaN(hill) && !(hill >= 1 && Double.isFinite(hill))) {
            fields.problem(pPath + ".hill", "the Hill coefficient must be a finite number >= 1, found " + hill);
        }
        int ca = PumpType.ion(fields, pPath, ions, "Ca", 2, "the PMCA pump");
        if (ca >= 0 && iMax >= 0 && km >= 0 && hill >= 1 && Double.isFinite(iMax + km + hill)) {
            return new Pump.Pmca(iMax, km, hill, ca);
        }
        return null;
    }
}
