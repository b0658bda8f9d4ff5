package org.breachtriage.core.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

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

    /** The separators a mis-exported header is checked for, with how a message names each. */
    private static final Map<Character, String> OTHER_SEPARATORS = linked(';', "';'", '\t', "tab", '|', "'|'");

    /**
     * For a header that did not parse into the expected columns: the separator it was written with
     * ("';'", "tab" or "'|'"), or null. A separator is named only when splitting the header's cells on
     * it gives a column name the reader knows: exports from spreadsheets in many locales use ';',
     * which otherwise shows up as one long column name. Counting separators alone is not enough: a
     * data row read as a header (a file exported without one) holds ';' in its list cells, and the
     * hint would send its reader looking for the wrong mistake.
     *
     * @param known whether a cell is a column name the reader knows
     */
    public static String likelySeparator(List<String> header, Predicate<String> known) {
        for (Map.Entry<Character, String> separator : OTHER_SEPARATORS.entrySet()) {
            if (!splitOn(header, separator.getKey()).stream().filter(known).toList().isEmpty()) {
                return separator.getValue();
            }
        }
        return null;
    }

    /** Every header cell split on {@code separator}, trimmed; cells without it are left out. */
    static List<String> splitOn(List<String> header, char separator) {
        List<String> parts = new ArrayList<>();
        for (String cell : header) {
            if (cell.indexOf(separator) >= 0) {
                for (String part : cell.split(Pattern.quote(String.valueOf(separator)), -1)) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    /**
     * The header cells for an error message: the ones that are column names the reader knows,
     * quoted (at most {@code max}), and how many others there are, counted but never quoted. A cell
     * that is no known column name may be anything, and when the file has no header row at all it is
     * the first person's pay number, name or rank: personal data, which errors must not carry (they
     * go to the case's log and the on-call alert).
     */
    public static String describeColumns(List<String> header, Predicate<String> known, int max) {
        List<String> recognised = new ArrayList<>();
        int others = 0;
        for (String cell : header) {
            if (known.test(cell)) {
                recognised.add("'" + cell.trim() + "'");
            } else {
                others++;
            }
        }
        if (recognised.isEmpty()) {
            return "no column name among its " + others + (others == 1 ? " cell" : " cells")
                    + " (not quoted: the first row may be data; is the header row missing?)";
        }
        StringBuilder listed = new StringBuilder(String.join(", ", recognised.subList(0, Math.min(max, recognised.size()))));
        if (recognised.size() > max) {
            listed.append(" and ").append(recognised.size() - max).append(" more");
        }
        if (others > 0) {
            listed.append(", and ").append(others).append(others == 1 ? " other cell" : " other cells")
                    .append(" (not quoted: a cell that is no column name may hold data)");
        }
        return listed.toString();
    }

    private static Map<Character, String> linked(Object... pairs) {
        Map<Character, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Character) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
