package org.breachtriage.core.synthetic;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for checking generated files; independent of the code under test. */
final class Csv {
    private Csv() {
    }

    /** All records of {@code text}, header included; a final newline does not make an empty record. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at offset " + i);
                }
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n') {
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r') {
                throw new IllegalArgumentException("generated files end lines with \\n only; found \\r at " + i);
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("last line has no newline");
        }
        return records;
    }
}
