package org.breachtriage.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small text helpers shared by the renderers: markers, times, escaping. */
final class Text {
    /** Appended to a default statement the force must confirm before it is sent. */
    static final String CONFIRM = "[confirm]";
    static final String TO_COMPLETE_PREFIX = "[TO COMPLETE: ";

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {
    }

    static String toComplete(String what) {
        return TO_COMPLETE_PREFIX + what + "]";
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** "2514" → "2,514"; markers ("<5", "[c]") and anything else unchanged. */
    static String groupDigits(String figure) {
        return figure != null && figure.matches("\\d{1,18}") ? SmallCounts.grouped(Long.parseLong(figure)) : figure;
    }

    /** "2023-08-27T09:00Z"; "unknown" for null. */
    static String minutes(Instant instant) {
        return instant == null ? "unknown" : MINUTES.format(instant);
    }

    /**
     * Free text from outside (supplier names, references, configured statements) on one line: control
     * characters would let a value forge extra lines in an e-mail or a table.
     */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().strip();
    }

    static String html(String value) {
        String s = oneLine(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * Backslash-escapes Markdown punctuation (CommonMark allows it before any ASCII punctuation), so
     * a supplier called "&lt;script&gt;" or "*Acme*" is shown as written and never becomes markup.
     */
    static String markdown(String value) {
        String s = oneLine(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean special = "\\`*_{}[]<>#|~&".indexOf(ch) >= 0;
            boolean listMarkerAtStart = i == 0 && (ch == '-' || ch == '+');
            if (special || listMarkerAtStart) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
