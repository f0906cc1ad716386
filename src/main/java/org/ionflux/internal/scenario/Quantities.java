package org.ionflux.internal.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ionflux.internal.physics.Constants;

/**
 * Parses scenario quantities: a bare number in the default unit, or {@code "<number> <unit>"}
 * (docs/scenario-format.md). Returns SI values.
 */
public final class Quantities {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");

    private Quantities() {
    }

    /**
     * Parses {@code text} as a quantity of dimension {@code dimension}.
     *
     * @return the value in SI units (temperatures in K)
     * @throws IllegalArgumentException with a message for a student when the text is not such a quantity
     */
    public static double parse(String text, Dimension dimension) {
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + Fields.article(dimension.description())
                    + "; expected a number with an optional unit, e.g. '" + example(dimension) + "'");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = normalize(m.group(2));
        if (unit.isEmpty()) {
            unit = dimension.defaultUnit();
        }
        return toSi(number, unit, dimension, text);
    }

    /**
     * Converts a bare number, in the default unit of {@code dimension}, to SI.
     */
    public static double fromDefaultUnit(double number, Dimension dimension) {
        return toSi(number, dimension.defaultUnit(), dimension, String.valueOf(number));
    }

    private static double toSi(double number, String unit, Dimension dimension, String text) {
        Double factor = dimension.factor(unit);
        if (factor == null) {
            for (Dimension other : Dimension.values()) {
                if (other != dimension && other.factor(unit) != null) {
                    throw new IllegalArgumentException("'" + text + "' is " + Fields.article(other.description())
                            + ", but " + Fields.article(dimension.description()) + " is expected (units: "
                            + dimension.acceptedUnits() + ")");
                }
            }
            throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "'; "
                    + Fields.article(dimension.description()) + " takes " + dimension.acceptedUnits());
        }
        if (dimension == Dimension.TEMPERATURE && unit.equals("degC")) {
            return number + Constants.ZERO_CELSIUS_K;
        }
        return number * factor;
    }

    /** Writes micro signs, superscripts and the degree sign the ASCII way; folds spaces. */
    static String normalize(String unit) {
        String u = unit.replace('\u00b5', 'u').replace('\u03bc', 'u')
                .replace("\u00b3", "^3").replace("\u00b2", "^2")
                .replace("\u00b0C", "degC").replace("\u00b0", "deg");
        u = u.replaceAll("\\s+", " ").trim();
        u = u.replace("( ", "(").replace(" )", ")");
        return u;
    }

    private static String example(Dimension dimension) {
        return "1 " + dimension.defaultUnit();
    }
}
