package org.ionflux.internal.model;

import java.util.regex.Pattern;

/** Rules for names of ions, compartments and membranes (docs/scenario-format.md). */
public final class Names {

    /** Valid names: a letter, then letters, digits or underscores. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Names() {
    }

    /** @return true if {@code name} matches {@link #VALID} */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    static void requireValid(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid " + what + " name '" + name + "'");
        }
    }
}
