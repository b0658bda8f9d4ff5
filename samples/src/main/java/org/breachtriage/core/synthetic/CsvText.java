package org.breachtriage.core.synthetic;

/** RFC 4180 field quoting: only fields that need it are quoted, so typical rows stay plain. */
final class CsvText {
    private CsvText() {
    }

    static void appendField(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
    }
}
