package org.ionflux.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import org.ionflux.internal.physics.Constants;

/**
 * Reads a sweep file (docs/commands.md "sweep") with the care of a scenario file: every problem of the file is
 * reported at once, with its field path, line and column (unknown keys, wrong types, parameter paths the base
 * scenario lacks, values without a number or with a unit of another kind, empty or non-finite lists, a log range
 * through 0, zipped lists of different lengths). The base scenario is read too, and its own problems are reported
 * with the sweep's.
 *
 * <p>Whether a metric's column exists is not decided here: that needs the columns of every variant, which the
 * sweep computes when it validates them ({@link Reading#variantsUsable()} says whether it can).
 */
public final class SweepFileReader {

    /** Most variants a sweep may have. */
    public static final int MAX_VARIANTS = 10_000_000;

    private static final Set<String> TOP_KEYS = Set.of("name", "scenario", "parameters", "combine", "metrics");
    private static final Set<String> PARAMETER_KEYS = Set.of("path", "values", "range");
    private static final Set<String> RANGE_KEYS = Set.of("from", "to", "steps", "scale");
    private static final Set<String> LHS_KEYS = Set.of("samples", "seed");
    private static final Set<String> METRIC_KEYS = Set.of("column", "stat");
    private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");

    /**
     * What a reading found.
     *
     * @param definition     the sweep as far as it could be read; null when the file could not be read at all
     * @param problems       every problem of the sweep file and of its base scenario
     * @param variantsUsable true when the base scenario, the parameters and {@code combine} have no problem, so the
     *                       variants can be made (and the metrics' columns checked against them)
     */
    public record Reading(SweepDefinition definition, List<Problem> problems, boolean variantsUsable) {
    }

    private final LocatedTree tree;
    private final Fields fields;
    private final String fileName;
    /** Problems of the sections that the variants need (base scenario, parameters, combine). */
    private int variantProblems;

    private SweepFileReader(LocatedTree tree) {
        this.tree = tree;
        this.fields = new Fields(tree);
        this.fileName = tree.file();
    }

    /**
     * Reads a sweep file and its base scenario ({@code scenario}, relative to the sweep file's folder).
     *
     * @throws ScenarioException when the file itself cannot be read (missing, a folder, too large, a wrong
     *                           extension); every other problem is in the {@link Reading}
     */
    public static Reading read(Path sweepFile) throws ScenarioException {
        byte[] bytes = readBytes(sweepFile);
        return read(sweepFile.toString(), bytes, text -> {
            Path scenario = sweepFile.resolveSibling(text).normalize();
            return new Source(scenario.toString(), scenario, readBytes(scenario));
        });
    }

    /**
     * Reads a sweep from the bytes of its two files, as {@link #read(Path)} read them (a sweep sent to another
     * machine).
     *
     * @param sweepName     the sweep file's name, for messages
     * @param scenarioName  the base scenario file's name, as the sweep resolved it (it is also its path, for the
     *                      scenario's relative paths)
     */
    public static Reading fromBytes(String sweepName, byte[] sweepBytes, String scenarioName, byte[] scenarioBytes) {
        try {
            return read(sweepName, sweepBytes, text -> new Source(scenarioName, Path.of(scenarioName),
                    scenarioBytes));
        } catch (ScenarioException e) {
            return new Reading(null, e.problems(), false);
        }
    }

    /** A file's name, path and bytes. */
    private record Source(String name, Path path, byte[] bytes) {
    }

    /** Finds the base scenario named in the sweep file. */
    private interface ScenarioSource {
        Source open(String text) throws ScenarioException;
    }

    private static Reading read(String name, byte[] bytes, ScenarioSource scenarios) throws ScenarioException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new Reading(null, List.of(new Problem(name, "", 0, 0, "the file is empty; a sweep needs name, "
                    + "scenario, parameters and metrics")), false);
        }
        LocatedTree tree = LocatedTree.parse(text, isYaml(name), name);
        SweepFileReader reader = new SweepFileReader(tree);
        return reader.readSweep(bytes, scenarios);
    }

    private static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** Reads a file within the limits of scenario files (the same checks and messages). */
    private static byte[] readBytes(Path path) throws ScenarioException {
        ScenarioFile.read(path); // extension, folder, missing, size: the messages of scenario files
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) ScenarioFile.MAX_BYTES + 1);
            if (bytes.length > ScenarioFile.MAX_BYTES) {
                throw new ScenarioException(List.of(new Problem(path.toString(), "", 0, 0, "the file is larger than "
                        + "the " + ScenarioFile.MAX_BYTES + " bytes allowed")));
            }
            return bytes;
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(path.toString(), "", 0, 0, "cannot read the file: "
                    + e.getMessage())));
        }
    }

    private Reading readSweep(byte[] sweepBytes, ScenarioSource scenarios) {
        JsonNode root = fields.root();
        List<Problem> extra = new ArrayList<>();
        if (root == null) {
            return new Reading(null, problems(extra), false);
        }
        if (!root.isObject()) {
            fields.problem("", "the top level must be a mapping with keys " + Fields.sorted(TOP_KEYS) + ", found "
                    + Fields.describe(root));
            return new Reading(null, problems(extra), false);
        }
        fields.checkKeys(root, "", TOP_KEYS);
        String name = fields.string(root, "", "name", true);
        if (name != null && (!SWEEP_NAME.matcher(name).matches() || name.length() > 100)) {
            fields.problem("name", "the name '" + name + "' names the output folder: use letters, digits, '_', '-' "
                    + "and '.', starting with a letter or digit, at most 100 characters");
        }

        LoadedScenario base = null;
        Source scenarioSource = null;
        String scenarioText = fields.string(root, "", "scenario", true);
        if (scenarioText == null) {
            variantProblems++;
        } else {
            try {
                scenarioSource = scenarios.open(scenarioText);
                LocatedTree scenarioTree = LocatedTree.parse(new String(scenarioSource.bytes(),
                        StandardCharsets.UTF_8), isYaml(scenarioSource.name()), scenarioSource.name());
                base = ScenarioReader.fromTree(scenarioTree, scenarioSource.path(),
                        ScenarioFile.sha256(scenarioSource.bytes()));
            } catch (ScenarioException e) {
                extra.addAll(e.problems());
                variantProblems++;
            }
        }

        int before = problemCount();
        SweepDefinition.Combine combine = readCombine(root);
        List<SweepDefinition.Parameter> parameters = readParameters(root, base, combine);
        variantProblems += problemCount() - before;
        checkCount(parameters, combine);
        List<SweepDefinition.Metric> metrics = readMetrics(root);

        List<Problem> all = problems(extra);
        SweepDefinition definition = new SweepDefinition(name, fileName, base,
                scenarioSource == null ? null : scenarioSource.name(), sweepBytes.clone(),
                scenarioSource == null ? null : scenarioSource.bytes().clone(), ScenarioFile.sha256(sweepBytes),
                scenarioSource == null ? null : ScenarioFile.sha256(scenarioSource.bytes()), parameters, combine,
                metrics);
        return new Reading(definition, all, variantProblems == 0 && base != null && combine != null);
    }

    /** @return the number of problems reported so far */
    private int problemCount() {
        try {
            fields.throwIfAny();
            return 0;
        } catch (ScenarioException e) {
            return e.problems().size();
        }
    }

    /** @return the problems of the sweep file in file order, then those of the base scenario */
    private List<Problem> problems(List<Problem> scenarioProblems) {
        List<Problem> all = new ArrayList<>();
        try {
            fields.throwIfAny();
        } catch (ScenarioException e) {
            all.addAll(e.problems());
        }
        all.addAll(scenarioProblems);
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------

    private SweepDefinition.Combine readCombine(JsonNode root) {
        JsonNode node = root.get("combine");
        if (node == null || node.isNull()) {
            return new SweepDefinition.Combine(SweepDefinition.CombineKind.GRID, 0, 0);
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "grid":
                    return new SweepDefinition.Combine(SweepDefinition.CombineKind.GRID, 0, 0);
                case "zip":
                    return new SweepDefinition.Combine(SweepDefinition.CombineKind.ZIP, 0, 0);
                default:
                    fields.problem("combine", "unknown combine '" + node.asText() + "'"
                            + Spelling.suggestion(node.asText(), List.of("grid", "zip", "latin_hypercube"))
                            + "; expected grid, zip or {latin_hypercube: {samples: N, seed: S}}");
                    return null;
            }
        }
        if (!node.isObject()) {
            fields.problem("combine", "expected grid, zip or {latin_hypercube: {samples: N, seed: S}}, found "
                    + Fields.describe(node));
            return null;
        }
        fields.checkKeys(node, "combine", Set.of("latin_hypercube"));
        JsonNode lhs = fields.mapping(node, "combine", "latin_hypercube", true);
        if (lhs == null) {
            return null;
        }
        String path = "combine.latin_hypercube";
        fields.checkKeys(lhs, path, LHS_KEYS);
        // a bad samples or seed is reported (and counted against the variants) but the parameters are still read
        // as a Latin hypercube's, so that their own problems are reported too
        Long samples = integer(lhs, path, "samples", 1, MAX_VARIANTS);
        Long seed = integer(lhs, path, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return new SweepDefinition.Combine(SweepDefinition.CombineKind.LATIN_HYPERCUBE,
                samples == null ? 0 : samples.intValue(), seed == null ? 0 : seed);
    }

    /** @return the integer at {@code key}, within [min, max], or null after a problem */
    private Long integer(JsonNode parent, String path, String key, long min, long max) {
        JsonNode v = parent.get(key);
        String p = Fields.child(path, key);
        if (v == null || v.isNull()) {
            fields.missing(p, "required field '" + key + "' is missing (an integer)");
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            fields.problem(p, "expected an integer, found " + Fields.describe(v));
            return null;
        }
        long value = v.asLong();
        if (value < min || value > max) {
            fields.problem(p, "expected an integer from " + min + " to " + max + ", found " + value);
            return null;
        }
        return value;
    }

    private List<SweepDefinition.Parameter> readParameters(JsonNode root, LoadedScenario base,
                                                           SweepDefinition.Combine combine) {
        List<SweepDefinition.Parameter> result = new ArrayList<>();
        JsonNode list = root.get("parameters");
        if (list == null || list.isNull()) {
            fields.missing("parameters", "required field 'parameters' is missing (a list of {path, values} or "
                    + "{path, range})");
            return result;
        }
        if (!list.isArray() || list.isEmpty()) {
            fields.problem("parameters", "expected a non-empty list of {path, values} or {path, range}, found "
                    + Fields.describe(list));
            return result;
        }
        boolean lhs = combine != null && combine.kind() == SweepDefinition.CombineKind.LATIN_HYPERCUBE;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "parameters[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                fields.problem(path, "expected {path, values} or {path, range}, found " + Fields.describe(item));
                continue;
            }
            fields.checkKeys(item, path, PARAMETER_KEYS);
            String parameterPath = fields.string(item, path, "path", true);
            ParameterPath parsed = parameterPath == null ? null : checkPath(path + ".path", parameterPath, base);
            if (parsed != null && !seen.add(parsed.text())) {
                fields.problem(path + ".path", "the parameter '" + parameterPath + "' is swept twice; give it once");
                parsed = null;
            }
            Dimension dimension = parsed == null ? null : dimension(parsed);
            boolean dimensionless = parsed != null && dimension == null;
            boolean hasValues = Fields.present(item, "values");
            boolean hasRange = Fields.present(item, "range");
            if (hasValues == hasRange) {
                fields.problem(path, hasValues ? "give values or range, not both" : "give the parameter's values "
                        + "(values: [...]) or a range (range: {from, to, steps, scale})");
                continue;
            }
            if (parsed == null) {
                continue;
            }
            String unit = dimensionless ? "" : dimension.defaultUnit();
            if (hasValues) {
                if (lhs) {
                    fields.problem(path + ".values", "latin_hypercube draws its samples from ranges: give this "
                            + "parameter a range (from, to, scale) instead of values");
                    continue;
                }
                SweepDefinition.Parameter p = readValues(item.get("values"), path + ".values", parsed.text(), unit,
                        dimension);
                if (p != null) {
                    result.add(p);
                }
            } else {
                SweepDefinition.Parameter p = readRange(item, path, parsed.text(), unit, dimension, lhs);
                if (p != null) {
                    result.add(p);
                }
            }
        }
        return result;
    }

    /** @return the parsed path if it is one of the grammar and names a number of the base scenario, else null */
    private ParameterPath checkPath(String at, String text, LoadedScenario base) {
        ParameterPath parsed = ParameterPath.parse(text);
        if (parsed != null && parsed.kind() == ParameterPath.Kind.INITIAL_STATE) {
            fields.problem(at, "'" + text + "' names a file, not a number: a sweep varies numbers (run one scenario "
                    + "per starting file instead)");
            return null;
        }
        if (base != null && base.tree() != null && parsed != null && parsed.inGrammar()) {
            try {
                ParameterPath.with(base.tree(), text, 0.0);
            } catch (ScenarioException e) {
                List<String> messages = e.problems().stream().map(Problem::message).toList();
                fields.problem(at, "'" + text + "' is not a parameter of the scenario " + base.tree().file() + ": "
                        + String.join("; ", messages));
                return null;
            }
            return parsed;
        }
        if (parsed == null || !parsed.inGrammar()) {
            String hint = parsed == null ? "" : Spelling.suggestion(parsed.field(), parsed.kind().fields);
            fields.problem(at, "unknown parameter path '" + text + "'" + hint + "; parameter paths: "
                    + ParameterPath.GRAMMAR);
            return null;
        }
        return parsed;
    }

    private SweepDefinition.Parameter readValues(JsonNode list, String path, String parameterPath, String unit,
                                                 Dimension dimension) {
        if (!list.isArray() || list.isEmpty()) {
            fields.problem(path, "expected a non-empty list of values, found " + (list.isArray() ? "an empty list"
                    : Fields.describe(list)));
            return null;
        }
        double[] values = new double[list.size()];
        String[] texts = new String[list.size()];
        boolean ok = true;
        for (int j = 0; j < list.size(); j++) {
            JsonNode v = list.get(j);
            String p = path + "[" + j + "]";
            if (v.isNumber()) {
                values[j] = v.asDouble();
                if (!Double.isFinite(values[j])) {
                    fields.problem(p, "expected a finite number, found " + v.asText());
                    ok = false;
                }
            } else if (v.isTextual()) {
                values[j] = defaultUnitValue(p, v.asText(), dimension);
                texts[j] = v.asText();
                ok &= !Double.isNaN(values[j]);
            } else {
                fields.problem(p, "expected a number or a string like '1 " + (unit.isEmpty() ? "" : unit)
                        + "', found " + Fields.describe(v));
                ok = false;
            }
        }
        return ok ? new SweepDefinition.Parameter(parameterPath, unit, SweepDefinition.Scale.LINEAR, values, texts,
                Double.NaN, Double.NaN) : null;
    }

    private SweepDefinition.Parameter readRange(JsonNode item, String path, String parameterPath, String unit,
                                                Dimension dimension, boolean lhs) {
        JsonNode range = fields.mapping(item, path, "range", true);
        if (range == null) {
            return null;
        }
        String at = path + ".range";
        fields.checkKeys(range, at, RANGE_KEYS);
        double from = endpoint(range, at, "from", dimension);
        double to = endpoint(range, at, "to", dimension);
        SweepDefinition.Scale scale = SweepDefinition.Scale.LINEAR;
        String scaleText = fields.string(range, at, "scale", false);
        if ("log".equals(scaleText)) {
            scale = SweepDefinition.Scale.LOG;
        } else if (scaleText != null && !"linear".equals(scaleText)) {
            fields.problem(at + ".scale", "unknown scale '" + scaleText + "'; expected linear or log");
            return null;
        }
        Long steps = null;
        if (lhs) {
            fields.forbid(range, at, "steps", "latin_hypercube draws 'samples' values from each range: remove steps");
        } else {
            steps = integer(range, at, "steps", 2, MAX_VARIANTS);
        }
        if (Double.isNaN(from) || Double.isNaN(to) || !lhs && steps == null) {
            return null;
        }
        if (scale == SweepDefinition.Scale.LOG && !(from > 0 && to > 0 || from < 0 && to < 0)) {
            fields.problem(at, "a log range cannot reach or cross 0 (from " + from + " to " + to
                    + (unit.isEmpty() ? "" : " " + unit) + "): give both ends one sign, or use scale: linear");
            return null;
        }
        SweepDefinition.Parameter parameter = new SweepDefinition.Parameter(parameterPath, unit, scale, null, null,
                from, to);
        if (lhs) {
            return parameter;
        }
        double[] values = new double[steps.intValue()];
        for (int k = 0; k < values.length; k++) {
            // the ends exactly as written; between them, k / (steps - 1) of the way (of the logarithms, for log)
            values[k] = k == 0 ? from : k == values.length - 1 ? to : parameter.at((double) k / (values.length - 1));
        }
        return new SweepDefinition.Parameter(parameterPath, unit, scale, values, new String[values.length], from,
                to);
    }

    /** @return an end of a range in the default unit, or NaN after a problem */
    private double endpoint(JsonNode range, String at, String key, Dimension dimension) {
        JsonNode v = range.get(key);
        String p = at + "." + key;
        if (v == null || v.isNull()) {
            fields.missing(p, "required field '" + key + "' is missing");
            return Double.NaN;
        }
        if (v.isNumber()) {
            double value = v.asDouble();
            if (!Double.isFinite(value)) {
                fields.problem(p, "expected a finite number, found " + v.asText());
                return Double.NaN;
            }
            return value;
        }
        if (v.isTextual()) {
            return defaultUnitValue(p, v.asText(), dimension);
        }
        fields.problem(p, "expected a number or a string with a unit, found " + Fields.describe(v));
        return Double.NaN;
    }

    /**
     * @param dimension the field's dimension, null for a plain number
     * @return {@code "<number> <unit>"} in the default unit (the number itself when written in it), or NaN after a
     *     problem
     */
    private double defaultUnitValue(String path, String text, Dimension dimension) {
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        boolean matches = m.matches();
        if (dimension == null) {
            if (matches && m.group(2).isEmpty()) {
                return Double.parseDouble(m.group(1));
            }
            fields.problem(path, "expected a number without a unit, found '" + text + "'");
            return Double.NaN;
        }
        double si;
        try {
            si = Quantities.parse(text, dimension);
        } catch (IllegalArgumentException e) {
            fields.problem(path, e.getMessage());
            return Double.NaN;
        }
        if (!Double.isFinite(si)) {
            fields.problem(path, "expected a finite " + dimension.description() + ", found '" + text + "'");
            return Double.NaN;
        }
        String unit = matches ? Quantities.normalize(m.group(2)) : null;
        if (matches && (unit.isEmpty() || unit.equals(dimension.defaultUnit()))) {
            return Double.parseDouble(m.group(1));
        }
        return dimension == Dimension.TEMPERATURE ? si - Constants.ZERO_CELSIUS_K
                : si / dimension.factor(dimension.defaultUnit());
    }

    /** @return the dimension of the number a path names, or null for a plain number (rtol, atol, hill) */
    static Dimension dimension(ParameterPath path) {
        String field = path.field();
        switch (path.kind()) {
            case TEMPERATURE:
                return Dimension.TEMPERATURE;
            case COMPARTMENT:
                return Dimension.VOLUME;
            case CONCENTRATION:
                return Dimension.CONCENTRATION;
            case MEMBRANE:
                return "area".equals(field) ? Dimension.AREA : "capacitance".equals(field)
                        ? Dimension.CAPACITANCE_DENSITY : Dimension.PERMEABILITY;
            case POTENTIAL:
            case STEP:
                return Dimension.POTENTIAL;
            case CHANNEL:
                return "conductance".equals(field) ? Dimension.CONDUCTANCE_DENSITY : "permeability".equals(field)
                        ? Dimension.PERMEABILITY : Dimension.POTENTIAL;
            case PUMP:
                return "max_current".equals(field) ? Dimension.CURRENT_DENSITY : "hill".equals(field) ? null
                        : Dimension.CONCENTRATION;
            case TRANSPORTER:
                return Dimension.TRANSPORTER_RATE;
            case STIMULUS:
                return "amplitude".equals(field) ? Dimension.CURRENT_DENSITY : Dimension.TIME;
            case SIMULATION:
                return "duration".equals(field) ? Dimension.TIME : null;
            default:
                throw new IllegalStateException("no dimension for " + path.text());
        }
    }

    private void checkCount(List<SweepDefinition.Parameter> parameters, SweepDefinition.Combine combine) {
        if (combine == null || parameters.isEmpty()) {
            return;
        }
        if (combine.kind() == SweepDefinition.CombineKind.ZIP) {
            int length = parameters.get(0).values().length;
            if (parameters.stream().anyMatch(p -> p.values().length != length)) {
                List<String> lengths = parameters.stream().map(p -> p.path() + ": " + p.values().length).toList();
                fields.problem("combine", "zip takes the k-th value of every parameter together, so their lists "
                        + "must have one length; found " + String.join(", ", lengths));
                variantProblems++;
            }
        } else if (combine.kind() == SweepDefinition.CombineKind.GRID) {
            long count = 1;
            for (SweepDefinition.Parameter p : parameters) {
                count *= p.values().length;
                if (count > MAX_VARIANTS) {
                    fields.problem("parameters", "the grid has more than " + MAX_VARIANTS + " variants (the limit); "
                            + "use fewer values or a latin_hypercube");
                    variantProblems++;
                    return;
                }
            }
        }
    }

    private List<SweepDefinition.Metric> readMetrics(JsonNode root) {
        List<SweepDefinition.Metric> result = new ArrayList<>();
        JsonNode list = root.get("metrics");
        if (list == null || list.isNull()) {
            fields.missing("metrics", "required field 'metrics' is missing (a list of {column, stat})");
            return result;
        }
        if (!list.isArray() || list.isEmpty()) {
            fields.problem("metrics", "expected a non-empty list of {column, stat}, found " + Fields.describe(list));
            return result;
        }
        List<String> stats = new ArrayList<>();
        for (SweepDefinition.Stat s : SweepDefinition.Stat.values()) {
            stats.add(s.key());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "metrics[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                fields.problem(path, "expected {column, stat}, found " + Fields.describe(item));
                continue;
            }
            fields.checkKeys(item, path, METRIC_KEYS);
            String column = fields.string(item, path, "column", true);
            String statText = fields.string(item, path, "stat", true);
            SweepDefinition.Stat stat = null;
            if (statText != null) {
                int k = stats.indexOf(statText);
                if (k < 0) {
                    fields.problem(path + ".stat", "unknown stat '" + statText + "'" + Spelling.suggestion(statText,
                            stats) + "; expected " + String.join(", ", stats));
                } else {
                    stat = SweepDefinition.Stat.values()[k];
                }
            }
            if (column == null || stat == null) {
                continue;
            }
            if (!seen.add(stat.key() + "(" + column + ")")) {
                fields.problem(path, "the metric " + stat.key() + "(" + column + ") is asked twice; give it once");
                continue;
            }
            int[] at = tree.locate(path + ".column");
            result.add(new SweepDefinition.Metric(stat, column, path + ".column", at[0], at[1]));
        }
        return result;
    }
}
