package org.breachtriage.core.csv;

import java.util.List;
import java.util.Locale;

/** Header-name matching shared by every tabular reader. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /**
     * The matching key of a header name or JSON key: lower-case, with spaces, underscores and
     * hyphens removed, so spelling conventions (snake, camel, kebab, "Title Case") do not matter.
     */
    public static String normalize(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\uFEFF') {
                continue;
            }
            key.append(c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * For a header that did not parse into the expected columns: the separator it was most likely
     * written with, by count ("';'", "tab" or "'|'"), or null when it holds none of them. Exports
     * from spreadsheets in many locales use ';', which otherwise shows up as one long column name.
     */
    public static String likelySeparator(List<String> header) {
        int semicolons = 0;
        int tabs = 0;
        int pipes = 0;
        for (String cell : header) {
            for (int i = 0; i < cell.length(); i++) {
                switch (cell.charAt(i)) {
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    case '|' -> pipes++;
                    default -> {
                    }
                }
            }
        }
        int most = Math.max(semicolons, Math.max(tabs, pipes));
        if (most == 0) {
            return null;
        }
        if (most == semicolons) {
            return "';'";
        }
        return most == tabs ? "tab" : "'|'";
    }

    /** Header cells quoted and listed for an error message, at most {@code max} of them. */
    public static String describeColumns(List<String> header, int max, int maxCellChars) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < header.size() && i < max; i++) {
            if (i > 0) {
                listed.append(", ");
            }
            String cell = header.get(i);
            listed.append('\'').append(cell.length() <= maxCellChars ? cell : cell.substring(0, maxCellChars)).append('\'');
        }
        if (header.size() > max) {
            listed.append(" and ").append(header.size() - max).append(" more");
        }
        return listed.length() == 0 ? "(none)" : listed.toString();
    }
}
