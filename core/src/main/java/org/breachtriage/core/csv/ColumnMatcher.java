package org.breachtriage.core.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps header names or JSON keys to the columns of one enum, by wire name or alias.
 *
 * @param <C> the reader's column enum
 */
public final class ColumnMatcher<C extends Enum<C> & ColumnSpec> {
    private final Class<C> type;
    private final Map<String, C> byKey = new HashMap<>();

    public ColumnMatcher(Class<C> type) {
        this.type = type;
        for (C column : type.getEnumConstants()) {
            register(column.wireName(), column);
            for (String alias : column.aliases()) {
                register(alias, column);
            }
        }
    }

    private void register(String name, C column) {
        C previous = byKey.put(HeaderNames.normalize(name), column);
        if (previous != null && previous != column) {
            throw new IllegalArgumentException("'" + name + "' names both " + previous + " and " + column);
        }
    }

    /** The column a header name or key means, if any. */
    public Optional<C> match(String name) {
        return Optional.ofNullable(byKey.get(HeaderNames.normalize(name)));
    }

    public Class<C> type() {
        return type;
    }

    /**
     * Where each known column sits in a CSV header.
     *
     * @throws IllegalArgumentException when two header cells mean the same column: a reader cannot
     *         guess which one holds the data, so it must not pick one silently
     */
    public HeaderLayout<C> layout(List<String> header) {
        int[] indexByOrdinal = new int[type.getEnumConstants().length];
        Arrays.fill(indexByOrdinal, -1);
        Map<C, List<String>> spellings = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).trim();
            Optional<C> column = match(cell);
            if (column.isEmpty()) {
                continue;
            }
            spellings.computeIfAbsent(column.get(), c -> new ArrayList<>()).add("'" + cell + "'");
            if (indexByOrdinal[column.get().ordinal()] < 0) {
                indexByOrdinal[column.get().ordinal()] = i;
            }
        }
        for (Map.Entry<C, List<String>> entry : spellings.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new IllegalArgumentException("the header has more than one " + entry.getKey().wireName()
                        + " column (" + String.join(", ", entry.getValue()) + "); keep exactly one");
            }
        }
        return new HeaderLayout<>(type, indexByOrdinal, List.copyOf(header));
    }

    /** Column positions found in a header; -1 for a column the header lacks. */
    public record HeaderLayout<C extends Enum<C> & ColumnSpec>(Class<C> type, int[] indexByOrdinal, List<String> header) {

        public int indexOf(C column) {
            return indexByOrdinal[column.ordinal()];
        }

        public boolean has(C column) {
            return indexOf(column) >= 0;
        }

        /** Columns from {@code required} that the header lacks. */
        public Set<C> missing(Set<C> required) {
            Set<C> missing = EnumSet.noneOf(type);
            for (C column : required) {
                if (!has(column)) {
                    missing.add(column);
                }
            }
            return missing;
        }
    }
}
