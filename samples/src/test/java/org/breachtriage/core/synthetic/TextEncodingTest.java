package org.breachtriage.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV quoting and JSON escaping survive a round trip through independent readers. */
class TextEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "O'Brien", "Smith, Jo", "say \"hi\"", "two\nlines", "cr\rhere", " padded ",
        "tab\there", "back\\slash", "é ü ß", "bell\u0007", "line\u2028sep", ""})
    void csvFieldRoundTrips(String value) {
        StringBuilder line = new StringBuilder();
        CsvText.appendField(line, "a");
        line.append(',');
        CsvText.appendField(line, value);
        line.append(',');
        CsvText.appendField(line, "z");
        line.append('\n');
        // The strict test reader refuses \r outside quotes, so this also proves \r is quoted.
        assertEquals(List.of(List.of("a", value, "z")), Csv.parse(line.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "O'Brien", "say \"hi\"", "two\nlines", "back\\slash", "tab\there", "é ü ß",
        "bell\u0007", "nul\u0000", "line\u2028sep", "para\u2029sep", ""})
    void jsonStringRoundTrips(String value) {
        String json = JsonText.appendString(new StringBuilder(), value).toString();
        assertEquals(value, Generated.json(json).textValue());
        assertEquals(-1, json.indexOf('\n'), "one record per line needs no raw newline");
        assertEquals(-1, json.indexOf('\u2028'));
    }
}
