package org.supertickets.space;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name a typo most likely meant, for "did you mean" hints in config messages. */
final class ClosestName {

    /** Edits (insert, delete, replace one character) up to which a name counts as a typo of another. */
    private static final int MAX_EDITS = 3;

    private ClosestName() {
    }

    /** The candidate closest to {@code name} (case-insensitive), when it is at most a few edits away. */
    static Optional<String> among(String name, Collection<String> candidates) {
        if (name == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(c.toLowerCase(Locale.ROOT), lower)))
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), lower) <= Math.min(MAX_EDITS, c.length() - 1));
    }

    /** " (did you mean 'x'?)" or an empty string. */
    static String hint(String name, Collection<String> candidates) {
        return among(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
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
