package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The optional top-level {@code check:} section of a scenario file: the tolerances {@code ionflux check} compares
 * this scenario's trace with its reference at (WORKFLOWS.md section 2). {@code run} ignores it.
 *
 * <pre>
 * check:
 *   rtol: 1e-4                     # relative, replaces the default 1e-5
 *   atol: {"*.V_mV": 0.01, "cell.*": 1e-5}   # glob pattern of column names: absolute tolerance in that
 *                                            # column's unit; the first pattern that matches wins
 * </pre>
 *
 * @param rtol relative tolerance, or NaN when the section does not set one (the default applies)
 * @param atol absolute tolerances by glob pattern of column names ({@code *} any run of characters, {@code ?}
 *             one character, matching the whole name), in the file's order
 */
public record CheckSection(double rtol, List<PatternTolerance> atol) {

    /** The key of the section at the top level of a scenario file. */
    public static final String KEY = "check";

    /** A scenario without a {@code check:} section: every tolerance is the default. */
    public static final CheckSection NONE = new CheckSection(Double.NaN, List.of());

    private static final List<String> KEYS = List.of("atol", "rtol");

    /**
     * One entry of {@code check.atol}.
     *
     * @param pattern glob pattern of column names
     * @param atol    absolute tolerance, in the unit of the columns it matches, >= 0
     */
    public record PatternTolerance(String pattern, double atol) {
    }

    /** Copies the list. */
    public CheckSection {
        atol = List.copyOf(atol);
    }

    /** @return true if the section sets {@code rtol} */
    public boolean hasRtol() {
        return !Double.isNaN(rtol);
    }

    /**
     * Reads and validates the {@code check} key of a scenario's top-level mapping.
     *
     * @param root    the document's top-level mapping
     * @param problem reports a problem: (field path, message); the caller locates it in the file
     * @return the section, or {@link #NONE} when it is absent or has problems
     */
    static CheckSection read(JsonNode root, BiConsumer<String, String> problem) {
        JsonNode node = root.get(KEY);
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            problem.accept(KEY, "expected a mapping with rtol and/or atol, e.g. {rtol: 1e-4, atol: {\"*.V_mV\": "
                    + "0.01}}, found " + Fields.describe(node));
            return NONE;
        }
        Counter counter = new Counter(problem);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                counter.accept(KEY + "." + key, "unknown key '" + key + "'; allowed here: "
                        + String.join(", ", KEYS));
            }
        }
        double rtol = Double.NaN;
        JsonNode r = node.get("rtol");
        if (r != null && !r.isNull()) {
            double value = number(r, KEY + ".rtol", counter);
            if (!Double.isNaN(value) && !(value > 0)) {
                counter.accept(KEY + ".rtol", "rtol must be greater than 0, found " + r.asText());
            } else {
                rtol = value;
            }
        }
        List<PatternTolerance> atol = new ArrayList<>();
        JsonNode a = node.get("atol");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                counter.accept(KEY + ".atol", "expected a mapping of column pattern to absolute tolerance, e.g. "
                        + "{\"*.V_mV\": 0.01, \"cell.*\": 1e-5}, found " + Fields.describe(a));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String path = KEY + ".atol." + entry.getKey();
                    if (entry.getKey().isBlank()) {
                        counter.accept(path, "a column pattern must not be empty");
                        continue;
                    }
                    double value = number(entry.getValue(), path, counter);
                    if (!Double.isNaN(value) && value < 0) {
                        counter.accept(path, "an absolute tolerance must not be negative, found "
                                + entry.getValue().asText());
                    } else if (!Double.isNaN(value)) {
                        atol.add(new PatternTolerance(entry.getKey(), value));
                    }
                }
            }
        }
        return counter.problems > 0 ? NONE : new CheckSection(rtol, atol);
    }

    /** A finite number: a JSON/YAML number or a text holding only one (YAML 1.1 reads 1e-5 as text). */
    private static double number(JsonNode v, String path, BiConsumer<String, String> problem) {
        double value;
        if (v.isNumber()) {
            value = v.asDouble();
        } else if (v.isTextual()) {
            try {
                value = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                problem.accept(path, "expected a number, found '" + v.asText() + "'");
                return Double.NaN;
            }
        } else {
            problem.accept(path, "expected a number, found " + Fields.describe(v));
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem.accept(path, "expected a finite number, found " + v.asText());
            return Double.NaN;
        }
        return value;
    }

    /** Passes problems on and counts them. */
    private static final class Counter implements BiConsumer<String, String> {
        private final BiConsumer<String, String> target;
        private int problems;

        Counter(BiConsumer<String, String> target) {
            this.target = target;
        }

        @Override
        public void accept(String path, String message) {
            problems++;
            target.accept(path, message);
        }
    }
}
