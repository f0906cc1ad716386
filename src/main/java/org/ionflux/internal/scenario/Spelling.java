package org.ionflux.internal.scenario;

import java.util.Locale;

/** Did-you-mean suggestions for misspelled keys, names and values: the nearest candidate by edit distance. */
final class Spelling {

    private Spelling() {
    }

    /** @return " (did you mean 'x'?)" for the nearest candidate within edit distance 3, else "" */
    static String suggestion(String given, Iterable<String> candidates) {
        String best = nearest(given, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** @return the candidate nearest to {@code given}, if within edit distance min(3, length / 2), else null */
    static String nearest(String given, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(given.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, given.length() / 2)) ? best : null;
    }

    /** @return the Levenshtein distance between {@code a} and {@code b} (insertions, deletions, substitutions) */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
