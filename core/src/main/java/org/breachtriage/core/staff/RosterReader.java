package org.breachtriage.core.staff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.csv.BoundedLineReader;
import org.breachtriage.core.csv.ColumnMatcher;
import org.breachtriage.core.csv.CsvRecordReader;
import org.breachtriage.core.csv.CsvTable;
import org.breachtriage.core.csv.MalformedTextException;
import org.breachtriage.core.csv.RawRecord;
import org.breachtriage.core.manifest.JsonRecordReader;
import org.breachtriage.core.manifest.PayNumbers;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;

/**
 * Reads the staff roster, CSV ({@code .csv}) or JSON Lines ({@code .jsonl}, {@code .ndjson}), into
 * {@link StaffMember}s, with the same tokenizer, header matching and pay-number rule as manifests.
 *
 * <p>Columns: {@code pay_number} (or an alias: {@code payNumber}, {@code pay_no}, {@code staff_number},
 * {@code service_number}, {@code employee_id}), {@code forename}, {@code surname}, {@code staff_type},
 * {@code force} (required in a CSV header), and optionally {@code rank}, {@code unit},
 * {@code role_flags} (';'-separated), {@code vetting_level} (empty or "none" for none),
 * {@code contact_channel} (empty for LETTER) and {@code association}. Unknown columns are ignored.
 *
 * <p>Every error is reported, none is fixed silently; name rarity is computed once all rows are
 * read, over the members that passed ({@link NameRarityRules}).
 */
public final class RosterReader {
    private static final CsvTable<RosterColumn> TABLE =
            new CsvTable<>(RosterColumn.class, "roster", RosterFormatException::new);

    /** Reads a roster file, choosing the format by its name. */
    public RosterImport read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        }
    }

    /**
     * @param source the file name or key: picks the format and names the file in errors
     * @throws RosterFormatException when the file as a whole cannot be read
     */
    public RosterImport read(String source, InputStream in) throws IOException {
        String name = source.toLowerCase(Locale.ROOT);
        RosterRowChecker checker = new RosterRowChecker();
        long rows;
        try {
            if (name.endsWith(".csv")) {
                rows = readCsv(source, in, checker);
            } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                rows = readJsonLines(source, in, checker);
            } else {
                throw new RosterFormatException(source + ": unsupported roster type; expected .csv, .jsonl or .ndjson");
            }
        } catch (MalformedTextException e) {
            throw new RosterFormatException(e.getMessage(), e);
        }
        return new RosterImport(withRarity(checker.accepted()), checker.errors(), rows);
    }

    private static long readCsv(String source, InputStream in, RosterRowChecker checker) throws IOException {
        CsvRecordReader csv = CsvRecordReader.utf8(in, source);
        ColumnMatcher.HeaderLayout<RosterColumn> layout = TABLE.readHeader(csv);
        Set<RosterColumn> missing = layout.missing(RosterColumn.REQUIRED);
        if (!missing.isEmpty()) {
            throw new RosterFormatException(source + ": the header lacks required column(s) "
                    + missing.stream().map(c -> c == RosterColumn.PAY_NUMBER
                            ? "pay_number (or " + String.join(", ", PayNumbers.ALIASES) + ")"
                            : c.wireName()).collect(Collectors.joining(", "))
                    + TABLE.columnsFound(layout.header()));
        }
        return TABLE.readRows(csv, layout, RosterColumn.PAY_NUMBER, checker);
    }

    private static long readJsonLines(String source, InputStream in, RosterRowChecker checker) throws IOException {
        BoundedLineReader lines = BoundedLineReader.utf8(in, source);
        JsonRecordReader<RosterColumn> records = new JsonRecordReader<>(RosterColumn.class);
        long rows = 0;
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            rows++;
            String at = " (line " + lines.lineNumber() + ")";
            if (lines.tooLong()) {
                checker.rejectRow(rows, "", "line too long: more than "
                        + String.format("%,d", lines.maxLineChars()) + " characters" + at);
                continue;
            }
            try (JsonParser parser = JsonRecordReader.BOUNDED_FACTORY.createParser(lines.line())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    checker.rejectRow(rows, "", "not a JSON object" + at);
                    continue;
                }
                RawRecord<RosterColumn> raw = records.read(parser);
                if (parser.nextToken() != null) {
                    checker.rejectRow(rows, "", "not a JSON object: more content after the object" + at);
                    continue;
                }
                checker.check(rows, raw);
            } catch (StreamConstraintsException e) {
                checker.rejectRow(rows, "", JsonRecordReader.limitExceeded(e) + at);
            } catch (JsonProcessingException e) {
                checker.rejectRow(rows, "", "not a JSON object: " + JsonRecordReader.shortMessage(e) + at);
            }
        }
        if (rows == 0) {
            throw new RosterFormatException(source + ": empty roster: no records");
        }
        return rows;
    }

    private static List<StaffMember> withRarity(List<RosterRowChecker.Pending> pending) {
        List<NameRarityRules.Name> names = new ArrayList<>(pending.size());
        for (RosterRowChecker.Pending p : pending) {
            names.add(new NameRarityRules.Name(p.forename(), p.surname()));
        }
        NameRarity[] rarities = NameRarityRules.classifyAll(names);
        List<StaffMember> members = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            RosterRowChecker.Pending p = pending.get(i);
            members.add(new StaffMember(p.payNumber(), p.forename(), p.surname(), p.staffType(), p.rank(), p.unit(),
                    p.roleFlags(), p.vettingLevel(), p.contactChannel(), p.association(), p.force(), rarities[i]));
        }
        return members;
    }
}
