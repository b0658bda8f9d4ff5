package org.breachtriage.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.core.csv.ColumnMatcher;
import org.breachtriage.core.csv.ColumnSpec;
import org.breachtriage.core.csv.CsvRecordReader;
import org.breachtriage.core.csv.RawRecord;
import org.breachtriage.core.json.Json;

/**
 * Reads one flat JSON object (a JSON Lines line, or one element of an envelope's records) into a
 * {@link RawRecord}, token by token. Keys are matched like CSV headers; unknown keys are skipped
 * without their values ever being buffered. A value of the wrong type, or a column given twice
 * under two spellings, becomes the record's fault instead of an exception, so one bad record costs
 * one row, not the file.
 *
 * @param <C> the reader's column enum
 */
public final class JsonRecordReader<C extends Enum<C> & ColumnSpec> {
    /**
     * Parsers for manifest and roster input: no string longer than a CSV field may be, so a huge
     * value fails fast instead of being buffered, and no deeper nesting than {@link Json#MAX_NESTING_DEPTH}.
     */
    public static final JsonFactory BOUNDED_FACTORY = JsonFactory.builder()
            .streamReadConstraints(Json.limits().maxStringLength(CsvRecordReader.MAX_FIELD_CHARS).build())
            .build();

    private static final int KEY_CACHE_LIMIT = 256;
    private static final int MAX_PARSER_MESSAGE_CHARS = 120;

    private final ColumnMatcher<C> matcher;
    private final Map<String, Optional<C>> keyCache = new HashMap<>();

    public JsonRecordReader(Class<C> type) {
        this.matcher = new ColumnMatcher<>(type);
    }

    /**
     * @param parser positioned on the object's {@code START_OBJECT}; left on its {@code END_OBJECT}
     */
    public RawRecord<C> read(JsonParser parser) throws IOException {
        RawRecord<C> record = new RawRecord<>(matcher.type());
        String[] keyUsed = new String[matcher.type().getEnumConstants().length];
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            C column = columnFor(key);
            if (column == null || value == JsonToken.VALUE_NULL) {
                parser.skipChildren();
                continue;
            }
            if (keyUsed[column.ordinal()] != null) {
                record.fault(column.wireName(), "", "the record gives " + column.wireName() + " twice ('"
                        + keyUsed[column.ordinal()] + "' and '" + key + "'); keep exactly one");
                parser.skipChildren();
                continue;
            }
            keyUsed[column.ordinal()] = key;
            boolean number = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
            if (value == JsonToken.VALUE_STRING || (number && !column.listValued())) {
                // a scalar column may be written as a number, e.g. a pay number 12345
                record.setText(column, parser.getText());
                continue;
            }
            switch (value) {
                case START_ARRAY -> readArray(parser, column, record);
                default -> {
                    record.fault(column.wireName(), "", column.wireName() + " must be " + expected(column)
                            + ", not " + describe(value));
                    parser.skipChildren();
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("parser left the object at " + token);
        }
        return record;
    }

    private void readArray(JsonParser parser, C column, RawRecord<C> record) throws IOException {
        if (!column.listValued()) {
            record.fault(column.wireName(), "", column.wireName() + " must be " + expected(column) + ", not an array");
            parser.skipChildren();
            return;
        }
        List<String> items = new ArrayList<>();
        JsonToken item;
        boolean wrongType = false;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item == JsonToken.VALUE_STRING) {
                items.add(parser.getText());
            } else if (item != JsonToken.VALUE_NULL) {
                wrongType = true;
                parser.skipChildren();
            }
        }
        if (wrongType) {
            record.fault(column.wireName(), "", column.wireName() + " must be " + expected(column)
                    + "; the array holds something other than strings");
            return;
        }
        record.setList(column, items);
    }

    private C columnFor(String key) {
        Optional<C> cached = keyCache.get(key);
        if (cached == null) {
            cached = matcher.match(key);
            if (keyCache.size() < KEY_CACHE_LIMIT) {
                keyCache.put(key, cached);
            }
        }
        return cached.orElse(null);
    }

    private static String expected(ColumnSpec column) {
        return column.listValued() ? "a ';'-separated string or an array of strings" : "a string";
    }

    /**
     * Jackson's own message for a parse error, on one line and cut short, without its location suffix,
     * and with what it quotes of the input taken out: Jackson quotes the token it choked on
     * ("Unrecognized token 'Nadia'"), which may be a name or a pay number.
     */
    public static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "malformed JSON";
        }
        message = message.replace('\n', ' ').replace('\r', ' ');
        int source = message.indexOf(" (start marker at");
        if (source < 0) {
            source = message.indexOf(" at [Source:");
        }
        // Where the parser was is said by the caller (line, column); Jackson's own pointer is noise.
        message = withoutQuotedInput(source < 0 ? message : message.substring(0, source));
        return message.length() <= MAX_PARSER_MESSAGE_CHARS ? message : message.substring(0, MAX_PARSER_MESSAGE_CHARS) + "…";
    }

    /** JSON's own words that Jackson quotes in its messages; anything else it quotes came from the input. */
    private static final Set<String> JSON_WORDS = java.util.Set.of("null", "true", "false", "NaN");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern CHARACTER_CODE = Pattern.compile("\\(code \\d+\\)");

    static String withoutQuotedInput(String message) {
        Matcher quoted = QUOTED.matcher(CHARACTER_CODE.matcher(message).replaceAll(""));
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            quoted.appendReplacement(out, Matcher.quoteReplacement(
                    JSON_WORDS.contains(inside) ? quoted.group() : "(not quoted)"));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    /**
     * What a read limit that was hit means, for a row or a file: nested too deeply, or a value longer
     * than a field may be.
     */
    public static String limitExceeded(StreamConstraintsException e) {
        return Json.nestedTooDeeply(e) ? Json.NESTED_TOO_DEEPLY
                : "field too long: a value has more than " + String.format("%,d", CsvRecordReader.MAX_FIELD_CHARS) + " characters";
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
