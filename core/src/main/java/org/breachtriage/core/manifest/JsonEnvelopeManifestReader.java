package org.breachtriage.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.breachtriage.core.csv.HeaderNames;
import org.breachtriage.core.json.Json;

/**
 * A JSON document {@code {"incident": {...}, "records": [{...}, ...]}}, read as a stream: records
 * are handed on one at a time and never held together.
 *
 * <p>Because of that, the incident must come before the records: its metadata has to reach the
 * visitor before the first row. An incident after the records is a format error, not something to
 * reorder. Other top-level keys are skipped. Each element of {@code records} is read like a JSON
 * Lines object; an element that is not an object is a row rejection. Broken JSON structure fails the
 * file, naming the line and column, because the parser cannot find where the next record starts.
 */
final class JsonEnvelopeManifestReader implements ManifestReader {
    private final Clock clock;

    JsonEnvelopeManifestReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ReadSummary read(String source, InputStream in, ManifestVisitor visitor) throws IOException {
        CountingVisitor out = new CountingVisitor(visitor);
        try (JsonParser parser = JsonRecordReader.BOUNDED_FACTORY.createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return readEnvelope(source, parser, out);
        } catch (StreamConstraintsException e) {
            // The whole file fails: the parser cannot find where the next record would start.
            throw new ManifestFormatException(source + ": " + at(e.getLocation()) + JsonRecordReader.limitExceeded(e), e);
        } catch (JsonProcessingException e) {
            throw new ManifestFormatException(source + ": " + at(e.getLocation()) + "malformed JSON: "
                    + JsonRecordReader.shortMessage(e), e);
        }
    }

    private ReadSummary readEnvelope(String source, JsonParser parser, CountingVisitor out) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new ManifestFormatException(source + ": empty manifest: no JSON content");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ManifestFormatException(source + ": " + at(parser.currentTokenLocation())
                    + "a JSON manifest must be an object {\"incident\": {...}, \"records\": [...]}, not "
                    + JsonRecordReader.describe(first));
        }
        boolean recordsSeen = false;
        boolean incidentSeen = false;
        long rows = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = HeaderNames.normalize(parser.currentName());
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            switch (key) {
                case "incident" -> {
                    if (recordsSeen) {
                        throw new ManifestFormatException(source + ": " + at(keyAt) + "\"incident\" comes after "
                                + "\"records\"; put \"incident\" first: the manifest is read as a stream, so the "
                                + "incident metadata must be known before the first record");
                    }
                    if (incidentSeen) {
                        throw new ManifestFormatException(source + ": " + at(keyAt) + "more than one \"incident\"");
                    }
                    incidentSeen = true;
                    if (parser.currentToken() != JsonToken.VALUE_NULL) {
                        JsonNode incident = Json.MAPPER.readTree(parser);
                        out.incident(IncidentMetadataLoader.fromJson(source + " (incident)", incident, clock.instant()));
                    }
                }
                case "records" -> {
                    if (recordsSeen) {
                        throw new ManifestFormatException(source + ": " + at(keyAt) + "more than one \"records\" array");
                    }
                    recordsSeen = true;
                    rows = readRecords(source, parser, out);
                }
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("parser left the envelope at " + token);
        }
        if (parser.nextToken() != null) {
            throw new ManifestFormatException(source + ": " + at(parser.currentTokenLocation())
                    + "more content after the end of the manifest object");
        }
        if (!recordsSeen) {
            throw new ManifestFormatException(source + ": no \"records\" array in the JSON manifest");
        }
        return out.summary(rows);
    }

    private static long readRecords(String source, JsonParser parser, CountingVisitor out) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ManifestFormatException(source + ": " + at(parser.currentTokenLocation())
                    + "\"records\" must be an array, not " + JsonRecordReader.describe(parser.currentToken()));
        }
        JsonRecordReader<ManifestColumn> records = new JsonRecordReader<>(ManifestColumn.class);
        RowChecker checker = new RowChecker(out);
        long rows = 0;
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            rows++;
            if (element != JsonToken.START_OBJECT) {
                JsonLocation location = parser.currentTokenLocation();
                out.rejectRow(rows, "", "not a JSON object: found " + JsonRecordReader.describe(element)
                        + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
                parser.skipChildren();
                continue;
            }
            checker.check(rows, records.read(parser));
        }
        return rows;
    }

    /** "line L, column C: " or "" when the parser does not know. */
    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
