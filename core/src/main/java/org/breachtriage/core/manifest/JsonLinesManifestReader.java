package org.breachtriage.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import org.breachtriage.core.csv.BoundedLineReader;
import org.breachtriage.core.csv.MalformedTextException;
import org.breachtriage.core.csv.RawRecord;

/**
 * JSON Lines manifests: one JSON object per line. Blank lines are skipped and not counted. A line
 * that is not a JSON object is rejected as a row and reading carries on, so one damaged line costs
 * one row.
 */
final class JsonLinesManifestReader implements ManifestReader {
    @Override
    public ReadSummary read(String source, InputStream in, ManifestVisitor visitor) throws IOException {
        CountingVisitor out = new CountingVisitor(visitor);
        RowChecker checker = new RowChecker(out);
        JsonRecordReader<ManifestColumn> records = new JsonRecordReader<>(ManifestColumn.class);
        BoundedLineReader lines = BoundedLineReader.utf8(in, source);
        long rows = 0;
        boolean anyContent = false;
        try {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                anyContent = true;
                rows++;
                if (lines.tooLong()) {
                    out.rejectRow(rows, "", "line too long: more than " + String.format("%,d", lines.maxLineChars())
                            + " characters (line " + lines.lineNumber() + ")");
                    continue;
                }
                readLine(rows, lines, records, checker, out);
            }
        } catch (MalformedTextException e) {
            throw new ManifestFormatException(e.getMessage(), e);
        }
        if (!anyContent) {
            throw new ManifestFormatException(source + ": empty manifest: no records");
        }
        return out.summary(rows);
    }

    private static void readLine(long row, BoundedLineReader lines, JsonRecordReader<ManifestColumn> records,
            RowChecker checker, CountingVisitor out) throws IOException {
        try (JsonParser parser = JsonRecordReader.BOUNDED_FACTORY.createParser(lines.line())) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.rejectRow(row, "", "not a JSON object: found " + JsonRecordReader.describe(first)
                        + " (line " + lines.lineNumber() + ")");
                return;
            }
            RawRecord<ManifestColumn> raw = records.read(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                out.rejectRow(row, "", "not a JSON object: more content after the object (line "
                        + lines.lineNumber() + ")");
                return;
            }
            checker.check(row, raw);
        } catch (StreamConstraintsException e) {
            out.rejectRow(row, "", JsonRecordReader.limitExceeded(e) + " (line " + lines.lineNumber() + ")");
        } catch (JsonProcessingException e) {
            out.rejectRow(row, "", "not a JSON object: " + JsonRecordReader.shortMessage(e) + " (line " + lines.lineNumber() + ")");
        }
    }
}
