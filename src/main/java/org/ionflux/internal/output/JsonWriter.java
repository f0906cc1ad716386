package org.ionflux.internal.output;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * A small JSON writer for the few flat objects ionflux prints ({@code summary.json}, {@code bench}'s line), so that
 * a run does not pay for starting Jackson's {@code ObjectMapper} (0.4-0.5 s in a cold JVM). Objects only (no arrays
 * are needed), written either compactly or in the layout of Jackson's default pretty printer ({@code "key" : value},
 * two spaces per level, {@code { }} for an empty object), strings escaped as RFC 8259 requires, doubles in the
 * shortest form that reads back to the same value ({@link #number(double)}), non-finite doubles as {@code null}.
 *
 * <p>Not thread-safe; one writer per document. Usage: {@code new JsonWriter(true).beginObject().name("a").value(1)
 * .endObject().toString()}.</p>
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private final boolean pretty;
    /** Depth of the open objects. */
    private int depth;
    /** True while the innermost open object has no member yet. */
    private boolean empty;
    /** True after a name, until its value. */
    private boolean afterName;

    /** @param pretty true for Jackson's default pretty layout, false for one compact line */
    public JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** Opens an object, as the document or as the value of the last name. */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        depth++;
        empty = true;
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        if (depth == 0 || afterName) {
            throw new IllegalStateException("no object to close");
        }
        depth--;
        if (empty) {
            if (pretty) {
                out.append(' ');
            }
        } else if (pretty) {
            newLine();
        }
        out.append('}');
        empty = false;
        return this;
    }

    /** Writes a member name; its value must follow. */
    public JsonWriter name(String name) {
        if (depth == 0 || afterName) {
            throw new IllegalStateException("a name belongs inside an object, before a value");
        }
        if (!empty) {
            out.append(',');
        }
        if (pretty) {
            newLine();
        }
        string(name);
        out.append(pretty ? " : " : ":");
        afterName = true;
        empty = false;
        return this;
    }

    /** Writes a string value, or null. */
    public JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    /** Writes a number, {@code null} if it is not finite. */
    public JsonWriter value(double value) {
        beforeValue();
        out.append(Double.isFinite(value) ? number(value) : "null");
        return this;
    }

    /** Writes a number, or null. */
    public JsonWriter value(Double value) {
        return value == null ? nullValue() : value(value.doubleValue());
    }

    /** Writes an integer. */
    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes a boolean. */
    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes {@code null}. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** @return the document written so far (complete once every object is closed) */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * The shortest decimal that reads back to {@code value} (Schubfach, R. Giulietti, "The Schubfach way to render
     * doubles", 2020; the implementation shipped in jackson-core), in the layout of {@code Double.toString}
     * ({@code 1.0E-8}, {@code 2400.0}). Java 17's own {@code Double.toString} sometimes writes one digit more than
     * needed (JDK-4511638, fixed in Java 19) and is several times slower.
     *
     * @param value a finite double
     * @return its decimal form
     */
    public static String number(double value) {
        return DoubleToDecimal.toString(value);
    }

    private void beforeValue() {
        if (depth > 0 && !afterName) {
            throw new IllegalStateException("a value inside an object needs a name first");
        }
        afterName = false;
    }

    private void newLine() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
