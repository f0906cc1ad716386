package org.ionflux.internal.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Physical dimensions of scenario quantities with their units (docs/scenario-format.md table) and each unit's
 * factor to SI. Units are converted here, at the edge; the model is SI throughout. Every dimension accepts its SI
 * unit with the factor 1, so that an SI value {@code x} written as {@code "<x> <SI unit>"} reads back as exactly
 * {@code x} (temperature: K).
 */
public enum Dimension {
    /** Concentration; SI mol/m^3 (numerically mM). */
    CONCENTRATION("concentration", "mM", "mol/m^3", units("M", 1e3, "mM", 1.0, "uM", 1e-3, "nM", 1e-6,
            "mol/m^3", 1.0)),
    /** Volume; SI m^3. */
    VOLUME("volume", "pL", "m^3", units("L", 1e-3, "mL", 1e-6, "uL", 1e-9, "nL", 1e-12, "pL", 1e-15, "fL", 1e-18,
            "um^3", 1e-18, "m^3", 1.0)),
    /** Area; SI m^2. */
    AREA("area", "um^2", "m^2", units("cm^2", 1e-4, "mm^2", 1e-6, "um^2", 1e-12, "m^2", 1.0)),
    /** Conductance density; SI S/m^2. */
    CONDUCTANCE_DENSITY("conductance density", "mS/cm^2", "S/m^2", units("S/cm^2", 1e4, "mS/cm^2", 10.0,
            "uS/cm^2", 1e-2, "pS/um^2", 1.0, "S/m^2", 1.0)),
    /** Permeability (also water permeability); SI m/s. */
    PERMEABILITY("permeability", "cm/s", "m/s", units("cm/s", 1e-2, "um/s", 1e-6, "m/s", 1.0)),
    /** Capacitance density; SI F/m^2. */
    CAPACITANCE_DENSITY("capacitance density", "uF/cm^2", "F/m^2", units("F/cm^2", 1e4, "uF/cm^2", 1e-2,
            "F/m^2", 1.0)),
    /** Electric potential; SI V. */
    POTENTIAL("potential", "mV", "V", units("V", 1.0, "mV", 1e-3, "uV", 1e-6)),
    /** Current density; SI A/m^2. */
    CURRENT_DENSITY("current density", "uA/cm^2", "A/m^2", units("A/cm^2", 1e4, "mA/cm^2", 10.0, "uA/cm^2", 1e-2,
            "A/m^2", 1.0)),
    /** Transporter rate; SI mol/(m^2 s). */
    TRANSPORTER_RATE("transporter rate", "mol/(cm^2 s)", "mol/(m^2 s)", units("mol/(cm^2 s)", 1e4,
            "nmol/(cm^2 s)", 1e-5, "pmol/(cm^2 s)", 1e-8, "mol/(m^2 s)", 1.0)),
    /** Time; SI s. */
    TIME("time", "s", "s", units("s", 1.0, "ms", 1e-3, "us", 1e-6, "min", 60.0, "h", 3600.0)),
    /** Temperature; SI K (degC has an offset, handled in {@link Quantities}). */
    TEMPERATURE("temperature", "degC", "K", units("degC", 1.0, "K", 1.0));

    private final String description;
    private final String defaultUnit;
    private final String siUnit;
    private final Map<String, Double> factors;

    Dimension(String description, String defaultUnit, String siUnit, Map<String, Double> factors) {
        this.description = description;
        this.defaultUnit = defaultUnit;
        this.siUnit = siUnit;
        this.factors = factors;
        if (!Double.valueOf(1.0).equals(factors.get(siUnit))) {
            throw new IllegalStateException(siUnit + " must be accepted with the factor 1");
        }
    }

    private static Map<String, Double> units(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    /** @return a short description ("volume") */
    public String description() {
        return description;
    }

    /** @return the unit of a bare number */
    public String defaultUnit() {
        return defaultUnit;
    }

    /** @return the SI unit, accepted with the factor 1 ("m^3"; "K" for temperatures) */
    public String siUnit() {
        return siUnit;
    }

    /** @return the factor from {@code unit} to SI, or null if the unit is not of this dimension */
    Double factor(String unit) {
        return factors.get(unit);
    }

    /** @return the accepted units, comma separated, for messages */
    public String acceptedUnits() {
        return String.join(", ", factors.keySet());
    }
}
