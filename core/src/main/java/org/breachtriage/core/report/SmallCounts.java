package org.breachtriage.core.report;

import java.util.Locale;

/**
 * How a count is shown to anyone outside on-call. A count of 1–4 could single someone out, so it
 * is shown as {@value #SMALL}; 0 stays "0" because "nobody" identifies no one.
 *
 * <p>This only covers a figure on its own. A small figure can still be worked out by subtracting
 * shown figures from a shown total; {@link ProtectedTable} deals with that for whole tables.
 */
public final class SmallCounts {
    /** Counts below this (and above 0) are suppressed. */
    public static final long THRESHOLD = 5;
    public static final String SMALL = "<5";

    private SmallCounts() {
    }

    public static boolean isSmall(long count) {
        requireCount(count);
        return count > 0 && count < THRESHOLD;
    }

    /** "0", "<5" or plain digits ("2514"): for JSON, where consumers parse the number. */
    public static String show(long count) {
        return isSmall(count) ? SMALL : Long.toString(count);
    }

    /** "0", "<5" or digits with thousands separators ("2,514"): for people to read. */
    public static String showGrouped(long count) {
        return isSmall(count) ? SMALL : grouped(count);
    }

    /**
     * For the ICO draft, which asks for approximate numbers: "0", "<5", exact below 100 (two
     * significant figures change nothing there), otherwise "about 2,500" (two significant figures).
     */
    public static String approximate(long count) {
        if (isSmall(count) || count < 100) {
            return showGrouped(count);
        }
        return "about " + grouped(roundToTwoSignificantFigures(count));
    }

    static long roundToTwoSignificantFigures(long count) {
        long magnitude = 1;
        while (count / magnitude >= 100) {
            magnitude *= 10;
        }
        return (count + magnitude / 2) / magnitude * magnitude;
    }

    static String grouped(long count) {
        return String.format(Locale.UK, "%,d", count);
    }

    private static void requireCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative, got " + count);
        }
    }
}
