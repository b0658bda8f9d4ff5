package org.breachtriage.core.staff;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes equal roster values one object. A roster repeats the same force, association, ranks,
 * units and many names on thousands of rows; sharing them keeps a 250,000-person import small, and
 * a small live heap is what keeps the import fast. Bounded, so a roster of all-distinct values
 * simply stops being shared rather than growing a second copy.
 */
final class SharedStrings {
    private static final int MAX_ENTRIES = 200_000;

    private final Map<String, String> values = new HashMap<>();

    String share(String value) {
        if (value.isEmpty()) {
            return "";
        }
        String existing = values.get(value);
        if (existing != null) {
            return existing;
        }
        if (values.size() < MAX_ENTRIES) {
            values.put(value, value);
        }
        return value;
    }
}
