package org.breachtriage.core.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.RoleFlag;

/**
 * Deterministic synthetic staff rosters and breach manifests: the same arguments always give the
 * same bytes, and no file is ever held whole in memory. Every name, pay number and post is made up.
 *
 * <p>A manifest generated with a roster's {@code people} and {@code seed} describes that roster:
 * pay numbers match, and the echo columns agree with the roster lines. Lines end with {@code \n}.
 * Writers are flushed, never closed: the caller owns them.
 */
public final class SyntheticData {
    public static final List<String> ROSTER_COLUMNS = List.of("pay_number", "forename", "surname", "staff_type",
            "rank", "unit", "role_flags", "vetting_level", "contact_channel", "association", "force");
    public static final List<String> MANIFEST_COLUMNS = List.of("pay_number", "exposed_fields", "surname",
            "forename", "rank", "vetting_level");

    private static final int BUFFER_CHARS = 1 << 16;

    private SyntheticData() {
    }

    public static void writeRoster(Writer out, int people, long seed) throws IOException {
        writeRoster(out, people, seed, RosterOptions.defaults());
    }

    /** A staff roster CSV of {@code people} lines after the header, in pay-number order. */
    public static void writeRoster(Writer out, int people, long seed, RosterOptions options) throws IOException {
        if (people < 0) {
            throw new IllegalArgumentException("people must not be negative, was " + people);
        }
        PersonGenerator persons = new PersonGenerator(seed, options);
        Writer buffered = buffer(out);
        buffered.write(String.join(",", ROSTER_COLUMNS));
        buffered.write('\n');
        StringBuilder line = new StringBuilder(160);
        for (int index = 0; index < people; index++) {
            line.setLength(0);
            appendRosterLine(line, persons.person(index));
            buffered.write(line.toString());
        }
        buffered.flush();
    }

    /** A manifest CSV of {@code rows} data rows against a roster of {@code people} made with {@code seed}. */
    public static void writeManifest(Writer out, int people, int rows, long seed, ManifestOptions options)
            throws IOException {
        writeManifestCsv(out, new ManifestRowGenerator(people, rows, seed, options));
    }

    /** The same rows as {@link #writeManifest} as JSON Lines: one object per line, empty fields left out. */
    public static void writeManifestJsonLines(Writer out, int people, int rows, long seed, ManifestOptions options)
            throws IOException {
        writeManifestJsonLines(out, new ManifestRowGenerator(people, rows, seed, options));
    }

    /** The same rows as one JSON document: {@code {"incident": {...}, "records": [...]}}. */
    public static void writeManifestJson(Writer out, int people, int rows, long seed, ManifestOptions options,
            IncidentMetadata incident) throws IOException {
        writeManifestJson(out, incident, new ManifestRowGenerator(people, rows, seed, options));
    }

    /** A sidecar {@code <manifest>.incident.json}; the {@code assumptions} of the metadata are not written. */
    public static void writeIncidentSidecar(Writer out, IncidentMetadata incident) throws IOException {
        StringBuilder text = new StringBuilder(512);
        appendIncident(text, incident, "");
        text.append('\n');
        out.write(text.toString());
        out.flush();
    }

    static void writeManifestCsv(Writer out, Iterator<SyntheticManifestRow> rows) throws IOException {
        Writer buffered = buffer(out);
        buffered.write(String.join(",", MANIFEST_COLUMNS));
        buffered.write('\n');
        StringBuilder line = new StringBuilder(128);
        while (rows.hasNext()) {
            line.setLength(0);
            appendCsvRow(line, rows.next());
            buffered.write(line.toString());
        }
        buffered.flush();
    }

    static void writeManifestJsonLines(Writer out, Iterator<SyntheticManifestRow> rows) throws IOException {
        Writer buffered = buffer(out);
        StringBuilder line = new StringBuilder(160);
        while (rows.hasNext()) {
            line.setLength(0);
            appendJsonRecord(line, rows.next()).append('\n');
            buffered.write(line.toString());
        }
        buffered.flush();
    }

    static void writeManifestJson(Writer out, IncidentMetadata incident, Iterator<SyntheticManifestRow> rows)
            throws IOException {
        Writer buffered = buffer(out);
        StringBuilder text = new StringBuilder(512);
        text.append("{\n  \"incident\": ");
        appendIncident(text, incident, "  ");
        text.append(",\n  \"records\": [");
        buffered.write(text.toString());
        boolean first = true;
        while (rows.hasNext()) {
            text.setLength(0);
            text.append(first ? "\n    " : ",\n    ");
            appendJsonRecord(text, rows.next());
            buffered.write(text.toString());
            first = false;
        }
        buffered.write(first ? "]\n}\n" : "\n  ]\n}\n");
        buffered.flush();
    }

    private static void appendRosterLine(StringBuilder line, SyntheticPerson person) {
        CsvText.appendField(line, person.payNumber());
        line.append(',');
        CsvText.appendField(line, person.forename());
        line.append(',');
        CsvText.appendField(line, person.surname());
        line.append(',').append(person.staffType().name()).append(',');
        CsvText.appendField(line, person.rank());
        line.append(',');
        CsvText.appendField(line, person.unit());
        line.append(',').append(roleFlags(person.roleFlags())).append(',');
        if (person.vettingLevel() != null) {
            line.append(person.vettingLevel().name());
        }
        line.append(',').append(person.contactChannel().name()).append(',');
        CsvText.appendField(line, person.association());
        line.append(',');
        CsvText.appendField(line, person.force());
        line.append('\n');
    }

    private static void appendCsvRow(StringBuilder line, SyntheticManifestRow row) {
        CsvText.appendField(line, row.payNumber());
        line.append(',');
        CsvText.appendField(line, row.exposedFields());
        line.append(',');
        CsvText.appendField(line, row.surname());
        line.append(',');
        CsvText.appendField(line, row.forename());
        line.append(',');
        CsvText.appendField(line, row.rank());
        line.append(',');
        CsvText.appendField(line, row.vettingLevel());
        line.append('\n');
    }

    /** Same keys as the CSV columns; {@code pay_number} always present, empty optional fields left out. */
    private static StringBuilder appendJsonRecord(StringBuilder out, SyntheticManifestRow row) {
        out.append("{\"pay_number\":");
        JsonText.appendString(out, row.payNumber());
        appendOptional(out, "exposed_fields", row.exposedFields());
        appendOptional(out, "surname", row.surname());
        appendOptional(out, "forename", row.forename());
        appendOptional(out, "rank", row.rank());
        appendOptional(out, "vetting_level", row.vettingLevel());
        return out.append('}');
    }

    private static void appendOptional(StringBuilder out, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        out.append(",\"").append(key).append("\":");
        JsonText.appendString(out, value);
    }

    /** Fixed key order and layout, so sidecars are byte-stable and easy to read and diff. */
    private static void appendIncident(StringBuilder out, IncidentMetadata incident, String indent) {
        String inner = indent + "  ";
        StringJoiner fields = new StringJoiner(",\n", "{\n", "\n" + indent + "}");
        addString(fields, inner, "supplier", incident.supplier());
        addString(fields, inner, "reference", incident.reference());
        addString(fields, inner, "awareAt", incident.awareAt() == null ? null : incident.awareAt().toString());
        fields.add(inner + "\"malicious\": " + incident.malicious());
        addString(fields, inner, "confidentiality", nameOf(incident.confidentiality()));
        addString(fields, inner, "integrity", nameOf(incident.integrity()));
        addString(fields, inner, "availability", nameOf(incident.availability()));
        StringBuilder categories = new StringBuilder(inner).append("\"defaultExposedFields\": [");
        boolean first = true;
        for (DataCategory category : DataCategory.values()) {
            if (incident.defaultExposedFields().contains(category)) {
                categories.append(first ? "" : ", ");
                JsonText.appendString(categories, category.wireName());
                first = false;
            }
        }
        fields.add(categories.append(']'));
        out.append(fields);
    }

    private static void addString(StringJoiner fields, String indent, String key, String value) {
        if (value != null) {
            StringBuilder field = new StringBuilder(indent).append('"').append(key).append("\": ");
            fields.add(JsonText.appendString(field, value));
        }
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String roleFlags(Set<RoleFlag> flags) {
        if (flags.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(";");
        for (RoleFlag flag : RoleFlag.values()) {
            if (flags.contains(flag)) {
                joiner.add(flag.name());
            }
        }
        return joiner.toString();
    }

    private static Writer buffer(Writer out) {
        return out instanceof BufferedWriter ? out : new BufferedWriter(out, BUFFER_CHARS);
    }
}
