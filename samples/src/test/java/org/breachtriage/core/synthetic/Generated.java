package org.breachtriage.core.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.breachtriage.core.json.Json;

/** Test helpers: generate into memory and read back as column-name maps. */
final class Generated {
    static final Pattern VALID_PAY_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private Generated() {
    }

    interface Content {
        void writeTo(StringWriter out) throws IOException;
    }

    static String text(Content content) {
        StringWriter out = new StringWriter();
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String roster(int people, long seed) {
        return text(out -> SyntheticData.writeRoster(out, people, seed));
    }

    static String manifest(int people, int rows, long seed, ManifestOptions options) {
        return text(out -> SyntheticData.writeManifest(out, people, rows, seed, options));
    }

    /** Data rows keyed by header name, after checking every row has as many fields as the header. */
    static List<Map<String, String>> rows(String csv) {
        List<List<String>> records = Csv.parse(csv);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() != header.size()) {
                throw new AssertionError("row " + i + " has " + record.size() + " fields, header has " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), record.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** JSON records as the same column maps, absent keys as empty strings. */
    static Map<String, String> columns(JsonNode record) {
        Map<String, String> row = new HashMap<>();
        for (String column : SyntheticData.MANIFEST_COLUMNS) {
            JsonNode value = record.get(column);
            row.put(column, value == null ? "" : value.textValue());
        }
        return row;
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(String text) {
        return text.substring(0, text.indexOf('\n'));
    }
}
