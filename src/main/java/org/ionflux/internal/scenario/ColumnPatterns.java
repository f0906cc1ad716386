package org.ionflux.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ionflux.internal.model.Model;

/**
 * Glob patterns of trace column names ({@code simulation.record}, {@code simulation.plot};
 * docs/scenario-format.md "simulation"): {@code *} matches any run of characters (dots included), {@code ?} one
 * character, and a pattern must match a whole name. Column names hold only letters, digits, {@code _} and
 * {@code .}, so every other character (in particular {@code [ ] { } !}, which other glob dialects use) makes a
 * pattern malformed rather than one that silently matches nothing. A pattern that matches no column is bad input
 * too: a typo in {@code record} must not leave an empty trace.
 */
public final class ColumnPatterns {

    /** Most column names listed in a message. */
    static final int LISTED = 40;

    private ColumnPatterns() {
    }

    /** @return the regular expression of a glob ({@code *} any run, {@code ?} one character, all else literal) */
    public static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** @return why {@code glob} is malformed, or null if it is well formed */
    static String malformation(String glob) {
        if (glob.isEmpty()) {
            return "an empty pattern matches no column";
        }
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            boolean allowed = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '*'
                    || ch == '?');
            if (!allowed) {
                String shown = Character.isWhitespace(ch) ? "a space" : "'" + glob.substring(i, i + 1) + "'";
                return shown + " at position " + (i + 1) + " cannot be part of a column name (column names hold "
                        + "letters, digits, '_' and '.'; a pattern uses * for any run of characters and ? for one "
                        + "character; there are no [ ] classes or { } alternatives)";
            }
        }
        return null;
    }

    /**
     * Reports every well-formed {@code record} or {@code plot} pattern of {@code model} that matches no column,
     * listing the columns. {@code plot} patterns are matched against the recorded columns.
     */
    static void checkMatches(Fields fields, Model model) {
        List<String> record = model.settings().record();
        List<String> plot = model.settings().plot();
        if (record.isEmpty() && plot.isEmpty()) {
            return;
        }
        List<String> all = TraceColumnNames.of(model);
        List<String> recorded = all;
        if (!record.isEmpty()) {
            List<Pattern> patterns = record.stream().filter(p -> malformation(p) == null)
                    .map(ColumnPatterns::toRegex).toList();
            recorded = new ArrayList<>();
            for (String name : all) {
                if (name.equals("t_s") || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
                    recorded.add(name);
                }
            }
            for (int i = 0; i < record.size(); i++) {
                String glob = record.get(i);
                if (malformation(glob) == null && !matchesAny(glob, all)) {
                    fields.problem("simulation.record[" + i + "]", "the pattern '" + glob + "' matches no column"
                            + hint(glob, all) + "; the columns of this model are: " + listed(all));
                }
            }
        }
        for (int i = 0; i < plot.size(); i++) {
            String glob = plot.get(i);
            if (malformation(glob) != null || matchesAny(glob, recorded)) {
                continue;
            }
            String message = "the pattern '" + glob + "' matches no recorded column";
            if (matchesAny(glob, all)) {
                message += " (the columns it names are left out by simulation.record: record them to plot them)";
            } else {
                message += hint(glob, recorded);
            }
            fields.problem("simulation.plot[" + i + "]", message + "; the recorded columns are: " + listed(recorded));
        }
    }

    private static boolean matchesAny(String glob, List<String> names) {
        Pattern p = toRegex(glob);
        for (String name : names) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return a did-you-mean for a pattern without wildcards, else "" */
    private static String hint(String glob, List<String> names) {
        return glob.indexOf('*') < 0 && glob.indexOf('?') < 0 ? Spelling.suggestion(glob, names) : "";
    }

    private static String listed(List<String> names) {
        if (names.size() <= LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED)) + ", ... (" + names.size() + " columns in all)";
    }
}
