package org.breachtriage.core.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * One record's raw values by column, before validation, whatever the source format. A CSV cell or
 * JSON string is kept as text; a JSON array of strings as a list. A structural fault found while
 * reading (a JSON value of the wrong type, a key given twice) is kept as the record's
 * {@linkplain #fault() fault} so the validator can reject the row naming that column.
 *
 * @param <C> the reader's column enum
 */
public final class RawRecord<C extends Enum<C> & ColumnSpec> {
    private final Object[] values;
    private Fault fault;

    public RawRecord(Class<C> type) {
        this.values = new Object[type.getEnumConstants().length];
    }

    /** A reason the record cannot be used as read, tied to a column (or "row"). */
    public record Fault(String field, String value, String reason) {
    }

    public void setText(C column, String text) {
        values[column.ordinal()] = text;
    }

    public void setList(C column, List<String> items) {
        values[column.ordinal()] = List.copyOf(items);
    }

    public boolean isSet(C column) {
        return values[column.ordinal()] != null;
    }

    /** The value as text, or null when absent. A list is joined with ';'. */
    public String text(C column) {
        Object value = values[column.ordinal()];
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object item : list) {
                parts.add((String) item);
            }
            return String.join(";", parts);
        }
        return (String) value;
    }

    /**
     * The value as a list: a JSON array as given, text split on ';'. Blank items are dropped, so
     * {@code "name;;rank;"} is two items. Absent or blank → empty list.
     */
    public List<String> items(C column) {
        Object value = values[column.ordinal()];
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String text = ((String) item).trim();
                if (!text.isEmpty()) {
                    items.add(text);
                }
            }
        } else if (value instanceof String text) {
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf(';', start);
                if (end < 0) {
                    end = text.length();
                }
                String item = text.substring(start, end).trim();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = end + 1;
            }
        }
        return items;
    }

    public void fault(String field, String value, String reason) {
        if (fault == null) {
            fault = new Fault(field, value, reason);
        }
    }

    /** The first structural fault found while reading, or null. */
    public Fault fault() {
        return fault;
    }
}
