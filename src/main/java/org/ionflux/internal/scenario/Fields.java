package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.ionflux.internal.model.Names;

/**
 * The typed-field toolkit every section reader uses: reads one field of a mapping as a number, a quantity (in SI),
 * text, a boolean or a mapping, and reports what is wrong with it, located in the file.
 *
 * <p>It holds the problems of one reading (those of the parse first) and the paths of keys that an unknown key
 * probably misspells, whose absence is then not reported again. Each reading helper reports its own problem and
 * returns null or NaN.
 */
final class Fields {

    private final LocatedTree tree;
    private final String file;
    private final List<Problem> problems;
    /** Paths of keys that an unknown key probably misspells: their absence is not reported again. */
    private final Set<String> misspelled = new HashSet<>();

    /** @param tree the parsed document; its parse problems are the first problems of this reading */
    Fields(LocatedTree tree) {
        this.tree = tree;
        this.file = tree.file();
        this.problems = new ArrayList<>(tree.problems());
    }

    /** @return the document's root, or null when it could not be read */
    JsonNode root() {
        return tree.root();
    }

    /** @return true once any problem was reported */
    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** @throws ScenarioException with every problem, in file order (problems of the whole file last), if any */
    void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            List<Problem> inFileOrder = new ArrayList<>(problems);
            inFileOrder.sort(Comparator.comparingInt((Problem p) -> p.line() > 0 ? p.line() : Integer.MAX_VALUE)
                    .thenComparingInt(Problem::column));
            throw new ScenarioException(inFileOrder);
        }
    }

    /** @return true if an unknown key was reported as a probable misspelling of the key at {@code path} */
    boolean misspelled(String path) {
        return misspelled.contains(path);
    }

    /** Reports a problem at {@code path}, unless the value there was already rejected while parsing. */
    void problem(String path, String message) {
        if (tree.rejected(path)) {
            return;
        }
        int[] at = tree.locate(path);
        problems.add(new Problem(file, path, at[0], at[1], message));
    }

    /** Reports a missing field, unless an unknown key beside it was already reported as its misspelling. */
    void missing(String path, String message) {
        if (!misspelled.contains(path)) {
            problem(path, message);
        }
    }

    /** @return "a noun" or "an noun" */
    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** @return the path of {@code key} in the mapping at {@code parentPath} */
    static String child(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    /** @return true if {@code node} has {@code key} with a value (a key with no value means absent) */
    static boolean present(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** Reports {@code message} at {@code key} if it is present. */
    void forbid(JsonNode node, String path, String key, String message) {
        if (present(node, key)) {
            problem(child(path, key), message);
        }
    }

    /** Reports every key of {@code node} that is not {@code allowed}, with a suggestion. */
    void checkKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(child(path, key), "unknown key '" + key + "'" + Spelling.suggestion(key, allowed)
                        + "; allowed here: " + sorted(allowed));
                String meant = Spelling.nearest(key, allowed);
                if (meant != null) {
                    misspelled.add(child(path, meant));
                }
            }
        }
    }

    /** @return the mapping at {@code key} of {@code parent} (at {@code path}), or null if absent or not a mapping */
    JsonNode mapping(JsonNode parent, String path, String key, boolean required) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
            }
            return null;
        }
        if (!v.isObject()) {
            problem(child(path, key), "expected a mapping, found " + describe(v));
            return null;
        }
        return v;
    }

    /** @return the text at {@code key} of {@code parent} (at {@code path}), or null if absent or not text */
    String string(JsonNode parent, String path, String key, boolean required) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(child(path, key), "expected text, found " + describe(v));
            return null;
        }
        return v.asText();
    }

    /** @return the boolean at {@code key} of {@code parent} (at {@code path}), or {@code fallback} */
    boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(child(path, key), "expected true or false, found " + describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    /** A dimensionless number: a JSON/YAML number or a string holding only a number. */
    double number(JsonNode parent, String path, String key, boolean required, double fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(child(path, key), "required field '" + key + "' is missing");
                return Double.NaN;
            }
            return fallback;
        }
        double value;
        if (v.isNumber()) {
            value = v.asDouble();
        } else if (v.isTextual()) {
            try {
                value = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                problem(child(path, key), "expected a number, found '" + v.asText() + "'");
                return Double.NaN;
            }
        } else {
            problem(child(path, key), "expected a number, found " + describe(v));
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem(child(path, key), "expected a finite number, found " + value);
            return Double.NaN;
        }
        return value;
    }

    /** A quantity in SI: a number in the default unit, or "number unit". */
    double quantity(JsonNode parent, String path, String key, Dimension dimension, boolean required,
                    double fallback) {
        JsonNode v = parent.get(key);
        String p = child(path, key);
        if (v == null || v.isNull()) {
            if (required) {
                missing(p, "required field '" + key + "' is missing (" + article(dimension.description()) + ", e.g. '1 "
                        + dimension.defaultUnit() + "')");
                return Double.NaN;
            }
            return fallback;
        }
        double value;
        try {
            if (v.isNumber()) {
                value = Quantities.fromDefaultUnit(v.asDouble(), dimension);
            } else if (v.isTextual()) {
                value = Quantities.parse(v.asText(), dimension);
            } else {
                problem(p, "expected " + article(dimension.description()) + " (a number in " + dimension.defaultUnit()
                        + " or a string like '1 " + dimension.defaultUnit() + "'), found " + describe(v));
                return Double.NaN;
            }
        } catch (IllegalArgumentException e) {
            problem(p, e.getMessage());
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem(p, "expected a finite " + dimension.description() + ", found " + v.asText());
            return Double.NaN;
        }
        return value;
    }

    /** Reports a finite {@code value} that is not above 0. */
    void positive(String path, double value, String what) {
        if (Double.isFinite(value) && !(value > 0)) {
            problem(path, "the " + what + " must be greater than 0, found " + asWritten(path, value));
        }
    }

    /** Reports a finite {@code value} below 0. */
    void nonNegative(String path, double value, String what) {
        if (Double.isFinite(value) && value < 0) {
            problem(path, "the " + what + " must not be negative, found " + asWritten(path, value));
        }
    }

    /** @return the value at {@code path} as the file wrote it, quoted, or the SI value when unknown */
    private String asWritten(String path, double siValue) {
        String text = tree.written(path);
        return text != null ? "'" + text + "'" : siValue + " (SI units)";
    }

    /** Reports a name that is not {@code [A-Za-z][A-Za-z0-9_]*}; @return true if it is valid */
    boolean checkName(String path, String name, String what) {
        if (!Names.isValid(name)) {
            problem(path, "'" + name + "' is not a valid " + what + " name: use a letter, then letters, digits or "
                    + "'_'");
            return false;
        }
        return true;
    }

    /** @return what {@code v} is, for messages ("a list", "the text 'x'", ...) */
    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "the text '" + v.asText() + "'";
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        if (v.isNull()) {
            return "nothing";
        }
        return "the number " + v.asText();
    }

    /** @return the keys in alphabetical order, comma separated */
    static String sorted(Set<String> keys) {
        return String.join(", ", new TreeSet<>(keys));
    }
}
