package org.ionflux.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML document read as plain data (no tags that build objects), with the line and column of every
 * field path, so that messages can point into the file.
 */
final class LocatedTree {

    /** Deepest nesting accepted (a scenario needs about 6). */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest string accepted, characters. */
    static final int MAX_STRING_LENGTH = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, int[]> locations = new HashMap<>();
    private final List<Problem> problems;
    private final String file;
    private final boolean yaml;
    private JsonNode root;

    private LocatedTree(String file, boolean yaml, List<Problem> problems) {
        this.file = file;
        this.yaml = yaml;
        this.problems = problems;
    }

    /**
     * Reads {@code text}; syntax errors are added to {@code problems} and give a null root.
     *
     * @param yaml true for YAML, false for JSON
     */
    static LocatedTree parse(String text, boolean yaml, String file, List<Problem> problems) {
        LocatedTree tree = new LocatedTree(file, yaml, problems);
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH).build();
        JsonFactory factory = yaml ? YAMLFactory.builder().streamReadConstraints(constraints).build()
                : JsonFactory.builder().streamReadConstraints(constraints).build();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(file, "", 0, 0, "the file is empty; a scenario needs at least name, ions, "
                        + "compartments, membranes and simulation"));
                return tree;
            }
            tree.root = tree.read(parser, "");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new Problem(file, "", at.getLineNr(), at.getColumnNr(),
                        "unexpected content after the end of the document"));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Problem(file, "", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "the file is not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage()));
            tree.root = null;
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, "", 0, 0, "the file could not be read as " + (yaml ? "YAML" : "JSON")
                    + ": " + e.getMessage()));
            tree.root = null;
        }
        return tree;
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        JsonToken token = p.currentToken();
        if (!locations.containsKey(path)) {
            remember(path, p.currentTokenLocation());
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonLocation at = p.currentTokenLocation();
                    if (object.has(name)) {
                        problems.add(new Problem(file, child, at.getLineNr(), at.getColumnNr(),
                                "the key '" + name + "' appears twice; give it once"));
                    }
                    remember(child, at);
                    p.nextToken();
                    object.set(name, read(p, child));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p, path + "[" + i++ + "]"));
                }
                return array;
            }
            case VALUE_STRING:
                // YAML: a key with no value ("pumps:") reads as an empty scalar; it means absent (SCENARIO.md)
                return yaml && p.getText().isEmpty() ? NODES.nullNode() : NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
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

    private void remember(String path, JsonLocation at) {
        locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
    }

    /** @return the document's root, or null when it could not be read */
    JsonNode root() {
        return root;
    }

    /** @return {line, column} of the path or of its nearest located ancestor, or {0, 0} */
    int[] locate(String path) {
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
