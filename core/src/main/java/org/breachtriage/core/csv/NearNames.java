package org.breachtriage.core.csv;

import java.util.Collection;

/**
 * For a name that is not one of ours (an unknown incident field): how far it is from the known ones,
 * so a message can say "did you mean …?", and how to show it safely. Names are compared as
 * {@link HeaderNames#normalize} keys them, so spelling conventions do not count as edits.
 */
public final class NearNames {
    private NearNames() {
    }

    /**
     * The smallest edit distance (Levenshtein, on normalized names) between {@code name} and any of
     * {@code known}: 1 for {@code malicous} against {@code malicious}.
     */
    public static int distance(String name, Collection<String> known) {
        String a = HeaderNames.normalize(name);
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            best = Math.min(best, levenshtein(a, HeaderNames.normalize(candidate)));
        }
        return best;
    }

    /**
     * How far a name may be from a known one and still be taken for a misspelling of it: one edit
     * for short names (4 characters or fewer, where two edits reach unrelated words), two otherwise.
     */
    public static int nearMissLimit(String name) {
        return HeaderNames.normalize(name).length() <= 4 ? 1 : 2;
    }

    /** A name as it may be shown in a message: control characters (a newline, a terminal escape) as spaces. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString();
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
