package org.ionflux.internal.scenario;

import org.ionflux.Problem;
import org.ionflux.ScenarioException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A JSON or YAML document read as plain data (no tags that build objects), with the line and column of every
 * field path, so that messages can point into the file.
 *
 * <p>Untrusted input: nesting depth and string length are bounded here (Jackson's {@link StreamReadConstraints}
 * bound the depth for JSON and YAML, but the YAML parser ignores the string length, so both are also checked
 * while the tree is built); YAML tags other than the core types are rejected (nothing is ever instantiated from
 * a tag); YAML aliases are rejected, so an alias bomb cannot expand. YAML's {@code .nan} and {@code .inf} and
 * JSON's {@code NaN} and {@code Infinity} are read as numbers, for the reader to report as not finite.
 *
 * <p>Outside this package it is an opaque handle: {@link LoadedScenario#tree()} gives it,
 * {@link ParameterPath#with} edits a copy, {@link ScenarioReader#fromTree} validates it.
 */
public final class LocatedTree {

    /** Deepest nesting accepted (a scenario needs about 6). */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string accepted, characters. */
    static final int MAX_STRING_LENGTH = 100_000;
    /** Longest mapping key accepted, characters (event paths, the longest keys, take about 50). */
    static final int MAX_KEY_LENGTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** YAML core-schema tags that only say which plain type a value has. */
    private static final Set<String> PLAIN_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    /** YAML 1.1/1.2 spellings of infinity and not-a-number, which the YAML parser cannot convert. */
    private static final Pattern YAML_INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern YAML_NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    // filled while parsing, then never changed: an edited copy shares them
    private final Map<String, int[]> locations;
    /** The text of every scalar as written in the file, by path, for messages. */
    private final Map<String, String> written;
    /** Paths whose value was replaced by null after a problem (a tag, an alias): not to be reported again. */
    private final Set<String> rejected;
    private int aliases;
    private int firstAliasProblem = -1;
    private String firstAlias;
    /** Problems found while parsing (syntax, limits, tags, aliases, duplicate keys). */
    private final List<Problem> problems;
    /**
     * Paths set in memory ({@link #edited}), with the text of their new value: they and everything below them have
     * no place in the file.
     */
    private final Map<String, String> edits;
    private final String file;
    private final boolean yaml;
    private JsonNode root;

    private LocatedTree(String file, boolean yaml) {
        this.file = file;
        this.yaml = yaml;
        this.locations = new HashMap<>();
        this.written = new HashMap<>();
        this.rejected = new HashSet<>();
        this.problems = new ArrayList<>();
        this.edits = Map.of();
    }

    private LocatedTree(LocatedTree original, JsonNode root, Map<String, String> edits) {
        this.file = original.file;
        this.yaml = original.yaml;
        this.locations = original.locations;
        this.written = original.written;
        this.rejected = original.rejected;
        this.problems = List.copyOf(original.problems);
        this.edits = edits;
        this.root = root;
    }

    /**
     * A scenario tree built in memory (a model described in code): no line or column anywhere; messages name
     * {@code sourceName}. The node is copied.
     */
    public static LocatedTree ofTree(JsonNode root, String sourceName) {
        LocatedTree tree = new LocatedTree(sourceName, true);
        tree.root = root.deepCopy();
        return tree;
    }

    /**
     * @return SHA-256 of the tree written as compact JSON, hex: what identifies a scenario built or edited in
     *     memory (a file read as it is is identified by its bytes)
     */
    public String sha256() {
        byte[] json = (root == null ? "null" : root.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ScenarioFile.sha256(json);
    }

    /** @return the tree as compact JSON: the text whose SHA-256 is {@link #sha256()} (a scenario file itself) */
    public String json() {
        return root == null ? "null" : root.toString();
    }

    /**
     * A copy with another root, made by editing this tree's root copy-on-write at {@code path} (this tree is not
     * changed): the value at {@code path}, and anything below it, has no line or column; every other path keeps its
     * own.
     *
     * @param root    the new root, sharing the unchanged nodes with this tree (neither is ever modified)
     * @param path    the path whose value was set, as the reader names it ({@code membranes.plasma.area})
     * @param newText the new value as its user wrote it, for messages
     */
    LocatedTree edited(JsonNode root, String path, String newText) {
        Map<String, String> newEdits = new HashMap<>(edits);
        newEdits.put(path, newText);
        return new LocatedTree(this, root, Map.copyOf(newEdits));
    }

    /** @return true if {@code path} or an ancestor of it was set in memory */
    private boolean isEdited(String path) {
        if (edits.isEmpty()) {
            return false;
        }
        for (String e : edits.keySet()) {
            if (path.equals(e) || path.startsWith(e + ".") || path.startsWith(e + "[")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code text}; syntax errors are kept in {@link #problems()} and give a null root.
     *
     * @param yaml true for YAML, false for JSON
     * @param file the file name used in messages
     */
    static LocatedTree parse(String text, boolean yaml, String file) {
        LocatedTree tree = new LocatedTree(file, yaml);
        List<Problem> problems = tree.problems;
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH).maxNameLength(MAX_KEY_LENGTH).build();
        JsonFactory factory;
        if (yaml) {
            LoaderOptions loader = new LoaderOptions();
            // SnakeYAML's own default (3 M code points) is below the file size limit the reader enforces
            loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, 2 * ScenarioFile.MAX_BYTES));
            factory = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
        } else {
            factory = JsonFactory.builder().streamReadConstraints(constraints)
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        }
        String format = yaml ? "YAML" : "JSON";
        JsonParser parser = null;
        try {
            parser = factory.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(file, "", 0, 0, "the file is empty; a scenario needs at least name, ions, "
                        + "compartments, membranes and simulation"));
                return tree;
            }
            tree.root = tree.read(parser, "", 1);
            if (tree.root != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(file, "", at.getLineNr(), at.getColumnNr(),
                        "unexpected content after the end of the document"
                        + (yaml ? " (a scenario is one YAML document: remove the second '---')" : "")));
            }
        } catch (StreamConstraintsException e) {
            JsonLocation at = parser == null ? null : parser.currentLocation();
            // Jackson stops reading a name at the limit, so the length it reports is only how far it got
            String message = e.getOriginalMessage().startsWith("Name length")
                    ? "a key is longer than " + MAX_KEY_LENGTH + " characters, the limit for a key"
                    : null;
            problems.add(new Problem(file, "", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    message != null ? message : "the file goes beyond a limit for scenario files: " + e.getOriginalMessage().replaceAll(
                            ", from `StreamReadConstraints[^`]*`", "") + (e.getOriginalMessage().contains("nesting")
                            ? " (a scenario nests about 6 levels deep)" : "")));
            tree.root = null;
        } catch (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
            tree.root = null;
            if (e.getCause() instanceof MarkedYAMLException cause && cause.getProblemMark() != null
                    && keyTooLong(cause) > 0) {
                // SnakeYAML looks for the ':' of a key within 1024 characters and reports "could not find expected
                // ':'" beyond: say what is wrong instead
                problems.add(new Problem(file, "", cause.getContextMark().getLine() + 1,
                        cause.getContextMark().getColumn() + 1, "a key is " + keyTooLong(cause) + " characters long; "
                        + "the limit is " + MAX_KEY_LENGTH));
            } else if (e.getCause() instanceof MarkedYAMLException cause && cause.getProblemMark() != null) {
                String context = cause.getContext() == null ? "" : " (" + cause.getContext() + ")";
                problems.add(new Problem(file, "", cause.getProblemMark().getLine() + 1,
                        cause.getProblemMark().getColumn() + 1, "the file is not valid YAML: " + cause.getProblem()
                        + context));
            } else {
                problems.add(syntax(file, e, format));
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(file, e, format));
            tree.root = null;
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, "", 0, 0, "the file could not be read as " + format + ": "
                    + e.getMessage()));
            tree.root = null;
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading a String: nothing to release
                }
            }
        }
        return tree;
    }

    /**
     * @return the length of the key SnakeYAML gave up on, when it gave up because the key is longer than it scans
     *     for a ':' (1024 characters, the YAML limit of an implicit key), else 0
     */
    private static int keyTooLong(MarkedYAMLException e) {
        if (e.getContextMark() == null || !"could not find expected ':'".equals(e.getProblem())
                || e.getContextMark().getLine() != e.getProblemMark().getLine()) {
            return 0;
        }
        int length = e.getProblemMark().getColumn() - e.getContextMark().getColumn();
        return length > MAX_KEY_LENGTH ? length : 0;
    }

    private static Problem syntax(String file, JsonProcessingException e, String format) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Expected a field name")) {
            message = "a mapping key must be plain text, not a list or a mapping";
        } else if (message != null) {
            message = message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
        }
        return new Problem(file, "", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "the file is not valid " + format + ": " + message);
    }

    /**
     * Reads the value at the parser's current token.
     *
     * @param depth nesting depth of this value, 1 for the root
     * @return the value, or null after a problem that ends the reading (a limit was exceeded)
     */
    private JsonNode read(JsonParser p, String path, int depth) throws IOException {
        JsonToken token = p.currentToken();
        if (!locations.containsKey(path)) {
            remember(path, p.currentTokenLocation());
        }
        if (depth > MAX_NESTING_DEPTH) {
            // Jackson enforces the same limit for JSON and YAML; this guards the recursion should it ever not
            limit(p, "the file nests lists and mappings more than " + MAX_NESTING_DEPTH + " levels deep; a scenario "
                    + "nests about 6 levels deep");
            return null;
        }
        if (p instanceof YAMLParser yp) {
            if (yp.isCurrentAlias()) {
                rejected.add(path);
                if (aliases++ == 0) {
                    firstAliasProblem = problems.size();
                    firstAlias = p.getText();
                    problem(path, p.currentTokenLocation(), aliasMessage(firstAlias, 1));
                } else {
                    // one message for all aliases: an alias bomb must not print thousands of lines
                    Problem first = problems.get(firstAliasProblem);
                    problems.set(firstAliasProblem, new Problem(first.file(), first.path(), first.line(),
                            first.column(), aliasMessage(firstAlias, aliases)));
                }
                return NODES.nullNode();
            }
            String tag = yp.getTypeId();
            if (tag != null) {
                String shortTag = tag.startsWith(CORE_TAG_PREFIX) ? tag.substring(CORE_TAG_PREFIX.length()) : null;
                if (shortTag == null || !PLAIN_TAGS.contains(shortTag)) {
                    problem(path, p.currentTokenLocation(), "the YAML tag '" + (shortTag != null ? "!!" + shortTag
                            : "!" + tag) + "' is not allowed: a scenario is plain data (numbers, text, true/false, "
                            + "lists and mappings), remove the tag");
                    p.skipChildren();
                    rejected.add(path);
                    return NODES.nullNode();
                }
            }
        }
        if (token.isScalarValue()) {
            written.put(path, p.getText());
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonLocation at = p.currentTokenLocation();
                    if (name.length() > MAX_KEY_LENGTH) {
                        limit(p, "a key is " + name.length() + " characters long; the limit is " + MAX_KEY_LENGTH);
                        return null;
                    }
                    if (object.has(name)) {
                        problems.add(new Problem(file, child, at.getLineNr(), at.getColumnNr(),
                                "the key '" + name + "' appears twice; give it once"));
                    }
                    remember(child, at);
                    p.nextToken();
                    JsonNode value = read(p, child, depth + 1);
                    if (value == null) {
                        return null;
                    }
                    object.set(name, value);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode value = read(p, path + "[" + i++ + "]", depth + 1);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
                return array;
            }
            case VALUE_STRING:
                if (p.getTextLength() > MAX_STRING_LENGTH) {
                    limit(p, "a text value is " + p.getTextLength() + " characters long; the limit is "
                            + MAX_STRING_LENGTH);
                    return null;
                }
                // YAML: a key with no value ("pumps:") reads as an empty scalar; it means absent (docs/scenario-format.md)
                return yaml && p.getText().isEmpty() ? NODES.nullNode() : NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(floatValue(p));
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(p.getText());
        }
    }

    /** @return the float at the current token; YAML's .inf and .nan, which the YAML parser rejects, included */
    private static double floatValue(JsonParser p) throws IOException {
        String text = p.getText().trim();
        if (YAML_INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (YAML_NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return p.getDoubleValue();
    }

    private static String aliasMessage(String anchor, int count) {
        return "YAML aliases ('*" + anchor + "') are not allowed in a scenario: write the value out in full"
                + (count > 1 ? " (this file has " + count + " aliases)" : "");
    }

    /** @return true if the value at {@code path}, or at an ancestor of it, was rejected and already reported */
    boolean rejected(String path) {
        if (isEdited(path)) {
            return false;
        }
        String p = path;
        while (!p.isEmpty()) {
            if (rejected.contains(p)) {
                return true;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return false;
            }
            p = p.substring(0, cut);
        }
        return false;
    }

    private void problem(String path, JsonLocation at, String message) {
        problems.add(new Problem(file, path, at.getLineNr(), at.getColumnNr(), message));
    }

    private void limit(JsonParser p, String message) {
        problem("", p.currentTokenLocation(), message);
    }

    private void remember(String path, JsonLocation at) {
        locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
    }

    /** @return the scalar at {@code path} as written in the file (or set in memory), or null */
    String written(String path) {
        if (edits.containsKey(path)) {
            return edits.get(path);
        }
        return isEdited(path) ? null : written.get(path);
    }

    /** @return the file name used in messages */
    String file() {
        return file;
    }

    /** @return the problems found while parsing, in the order found (empty for a well-formed document) */
    List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the document's root, or null when it could not be read */
    JsonNode root() {
        return root;
    }

    /**
     * @return {line, column} of the path or of its nearest located ancestor, or {0, 0} (also for a value set in
     *     memory)
     */
    int[] locate(String path) {
        if (isEdited(path)) {
            return new int[] {0, 0};
        }
        String p = path;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                int[] rootAt = locations.get("");
                return rootAt != null && p.isEmpty() ? rootAt : new int[] {0, 0};
            }
            p = p.substring(0, cut);
        }
    }
}
