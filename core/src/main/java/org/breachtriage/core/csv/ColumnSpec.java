package org.breachtriage.core.csv;

import java.util.List;

/**
 * A column a reader understands, implemented by an enum of columns. Header names and JSON keys are
 * matched through {@link HeaderNames#normalize(String)}, so {@code Pay Number}, {@code PAY-NUMBER}
 * and {@code payNumber} all match the wire name {@code pay_number}.
 */
public interface ColumnSpec {

    /** The documented spelling, used in messages. */
    String wireName();

    /** Other accepted spellings, besides the wire name. */
    default List<String> aliases() {
        return List.of();
    }

    /** The column holds a ';'-separated list (or, in JSON, an array of strings). */
    default boolean listValued() {
        return false;
    }
}
