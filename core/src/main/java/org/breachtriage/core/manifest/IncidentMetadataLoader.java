package org.breachtriage.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.csv.HeaderNames;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.DataCategory;

/**
 * Incident metadata from a sidecar {@code <manifest>.incident.json}, a JSON envelope's
 * {@code incident} object, or S3 object metadata.
 *
 * <p>Missing is not an error: each missing field takes the conservative value and the loader says
 * so in a plain sentence in {@link IncidentMetadata#assumptions()}, so the case record shows what
 * was assumed (EDPB 01/2021: assess at awareness, do not wait for details). Conservative means the
 * worst case the manifest cannot rule out: malicious, data gone to unknown recipients, every
 * category exposed, awareness at the time of ingest. Integrity and availability default to no
 * loss, because a leaked copy does not by itself alter or remove the force's own data.
 *
 * <p>Present but invalid is an error ({@link ManifestFormatException} naming the source, the field
 * and the allowed values): a typo in what the supplier did say must not silently become a guess.
 * Keys are matched like CSV headers ({@code awareAt}, {@code aware_at}, {@code aware-at}); unknown
 * keys are ignored.
 */
public final class IncidentMetadataLoader {
    public static final String UNKNOWN_SUPPLIER = "unknown supplier";
    public static final String UNREFERENCED = "unreferenced";
    private static final String S3_METADATA_PREFIX = "x-amz-meta-";

    private IncidentMetadataLoader() {
    }

    /** The incident fields, with the JSON spelling and the S3 metadata key of each. */
    private enum Field {
        SUPPLIER("supplier", "supplier"),
        REFERENCE("reference", "reference", "incidentReference"),
        AWARE_AT("awareAt", "aware-at"),
        MALICIOUS("malicious", "malicious"),
        CONFIDENTIALITY("confidentiality", "confidentiality"),
        INTEGRITY("integrity", "integrity"),
        AVAILABILITY("availability", "availability"),
        DEFAULT_EXPOSED_FIELDS("defaultExposedFields", "default-exposed-fields"),
        FORCE("force", "force"),
        SUPERSEDES("supersedes", "supersedes");

        final String jsonName;
        final String metadataKey;
        final List<String> aliases;

        Field(String jsonName, String metadataKey, String... aliases) {
            this.jsonName = jsonName;
            this.metadataKey = metadataKey;
            this.aliases = List.of(aliases);
        }

        static Field byKey(String key) {
            String normalized = HeaderNames.normalize(key);
            for (Field field : values()) {
                if (HeaderNames.normalize(field.jsonName).equals(normalized)
                        || field.aliases.stream().anyMatch(a -> HeaderNames.normalize(a).equals(normalized))) {
                    return field;
                }
            }
            return null;
        }
    }

    /** Reads a sidecar {@code <manifest>.incident.json}; missing fields take the conservative default. */
    public static IncidentMetadata read(String source, InputStream in, Instant now) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(in);
        } catch (StreamConstraintsException e) {
            throw new ManifestFormatException(source + ": " + Json.limitExceeded(e), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ManifestFormatException(source + ": " + where + "malformed JSON: "
                    + JsonRecordReader.shortMessage(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read incident metadata", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new ManifestFormatException(source + ": empty incident metadata: expected a JSON object");
        }
        return fromJson(source, node, now);
    }

    /** Reads an incident JSON object (a sidecar's content, or a JSON envelope's {@code incident}). */
    public static IncidentMetadata fromJson(String source, JsonNode node, Instant now) {
        if (node == null || !node.isObject()) {
            throw new ManifestFormatException(source + ": incident metadata must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Map<Field, JsonNode> values = new EnumMap<>(Field.class);
        Map<Field, String> keys = new EnumMap<>(Field.class);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            put(source, values, keys, entry.getKey(), entry.getValue());
        }
        return build(source, values, false, now);
    }

    /**
     * Reads S3 user metadata: keys {@code supplier}, {@code reference}, {@code aware-at},
     * {@code malicious}, {@code confidentiality}, {@code integrity}, {@code availability},
     * {@code default-exposed-fields}, {@code force}, {@code supersedes} (an {@code x-amz-meta-} prefix is
     * tolerated). Other keys are
     * ignored; blank values count as missing.
     */
    public static IncidentMetadata fromObjectMetadata(String source, Map<String, String> metadata, Instant now) {
        Map<Field, JsonNode> values = new EnumMap<>(Field.class);
        Map<Field, String> keys = new EnumMap<>(Field.class);
        if (metadata != null) {
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                String key = entry.getKey();
                if (key.toLowerCase(Locale.ROOT).startsWith(S3_METADATA_PREFIX)) {
                    key = key.substring(S3_METADATA_PREFIX.length());
                }
                put(source, values, keys, key, entry.getValue() == null ? null : TextNode.valueOf(entry.getValue()));
            }
        }
        return build(source, values, true, now);
    }

    /** True if S3 user metadata carries any incident field, so it should be read as the incident. */
    public static boolean hasIncidentFields(Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            String bare = key.toLowerCase(Locale.ROOT).startsWith(S3_METADATA_PREFIX)
                    ? key.substring(S3_METADATA_PREFIX.length()) : key;
            if (Field.byKey(bare) != null) {
                return true;
            }
        }
        return false;
    }

    /** Nothing known: malicious, unknown recipients, awareness now, every category exposed. */
    public static IncidentMetadata conservative(Instant now) {
        return build("(no incident metadata)", Map.of(), false, now);
    }

    private static void put(String source, Map<Field, JsonNode> values, Map<Field, String> keys, String key, JsonNode value) {
        Field field = Field.byKey(key);
        if (field == null || value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return;
        }
        String earlier = keys.putIfAbsent(field, key);
        if (earlier != null) {
            throw new ManifestFormatException(source + ": incident field '" + field.jsonName + "' is given twice ('"
                    + earlier + "' and '" + key + "'); keep exactly one");
        }
        values.put(field, value);
    }

    private static IncidentMetadata build(String source, Map<Field, JsonNode> values, boolean metadataKeys, Instant now) {
        FieldReader reader = new FieldReader(source, metadataKeys);
        List<String> assumptions = new ArrayList<>();

        String supplier = reader.text(Field.SUPPLIER, values.get(Field.SUPPLIER));
        if (supplier == null) {
            supplier = UNKNOWN_SUPPLIER;
            assumptions.add(reader.name(Field.SUPPLIER) + " not given: recorded as '" + UNKNOWN_SUPPLIER + "'");
        }
        String reference = reader.text(Field.REFERENCE, values.get(Field.REFERENCE));
        if (reference == null) {
            reference = UNREFERENCED;
            assumptions.add(reader.name(Field.REFERENCE) + " not given: recorded as '" + UNREFERENCED + "'");
        }
        Instant awareAt = reader.instant(Field.AWARE_AT, values.get(Field.AWARE_AT));
        if (awareAt == null) {
            awareAt = now;
            assumptions.add(reader.name(Field.AWARE_AT) + " not given: awareness taken as the time of ingest, " + now);
        }
        Boolean malicious = reader.bool(Field.MALICIOUS, values.get(Field.MALICIOUS));
        if (malicious == null) {
            malicious = true;
            assumptions.add(reader.name(Field.MALICIOUS) + " not given: the breach is assumed to be malicious");
        }
        Confidentiality confidentiality = reader.choice(Field.CONFIDENTIALITY, values.get(Field.CONFIDENTIALITY), Confidentiality.class);
        if (confidentiality == null) {
            confidentiality = Confidentiality.UNKNOWN_RECIPIENTS;
            assumptions.add(reader.name(Field.CONFIDENTIALITY)
                    + " not given: the data is assumed to have reached unknown recipients (UNKNOWN_RECIPIENTS)");
        }
        Integrity integrity = reader.choice(Field.INTEGRITY, values.get(Field.INTEGRITY), Integrity.class);
        if (integrity == null) {
            integrity = Integrity.NONE;
            assumptions.add(reader.name(Field.INTEGRITY) + " not given: no loss of integrity assumed (NONE)");
        }
        Availability availability = reader.choice(Field.AVAILABILITY, values.get(Field.AVAILABILITY), Availability.class);
        if (availability == null) {
            availability = Availability.NONE;
            assumptions.add(reader.name(Field.AVAILABILITY) + " not given: no loss of availability assumed (NONE)");
        }
        Set<DataCategory> defaults = reader.categories(Field.DEFAULT_EXPOSED_FIELDS, values.get(Field.DEFAULT_EXPOSED_FIELDS));
        if (defaults == null) {
            defaults = EnumSet.allOf(DataCategory.class);
            assumptions.add(reader.name(Field.DEFAULT_EXPOSED_FIELDS)
                    + (values.containsKey(Field.DEFAULT_EXPOSED_FIELDS) ? " is empty" : " not given")
                    + ": every category is assumed exposed for rows that do not list their own");
        }
        String force = reader.text(Field.FORCE, values.get(Field.FORCE));
        List<String> supersedes = reader.list(Field.SUPERSEDES, values.get(Field.SUPERSEDES));
        return new IncidentMetadata(supplier, reference, awareAt, malicious, confidentiality, integrity,
                availability, defaults, assumptions, force, supersedes);
    }

    /** Converts one field's JSON value, or fails naming the source, the field and what is allowed. */
    private record FieldReader(String source, boolean metadataKeys) {

        String name(Field field) {
            return metadataKeys ? field.metadataKey : field.jsonName;
        }

        String text(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            if (!node.isTextual() && !node.isNumber()) {
                throw invalid(field, node, "must be a string");
            }
            return node.asText().trim();
        }

        Instant instant(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            String text = node.isTextual() ? node.asText().trim() : null;
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException notAnInstant) {
                    try {
                        return OffsetDateTime.parse(text).toInstant();
                    } catch (DateTimeParseException notAnOffsetDateTime) {
                        // fall through to the error below
                    }
                }
            }
            throw invalid(field, node, "must be an ISO-8601 instant or date-time with an offset, "
                    + "e.g. 2023-08-26T09:30:00Z or 2023-08-26T10:30:00+01:00");
        }

        Boolean bool(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isTextual()) {
                String text = node.asText().trim().toLowerCase(Locale.ROOT);
                if (text.equals("true") || text.equals("yes")) {
                    return true;
                }
                if (text.equals("false") || text.equals("no")) {
                    return false;
                }
            }
            throw invalid(field, node, "must be true or false");
        }

        <E extends Enum<E>> E choice(Field field, JsonNode node, Class<E> type) {
            if (node == null) {
                return null;
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (node.isTextual()) {
                String key = node.asText().trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(key)) {
                        return constant;
                    }
                }
            }
            throw invalid(field, node, "is not allowed; allowed values: " + allowed);
        }

        /** Manifests named by source key or case id: a string (';'-separated) or an array of strings. */
        List<String> list(Field field, JsonNode node) {
            List<String> items = new ArrayList<>();
            if (node == null) {
                return items;
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw invalid(field, item, "must be a ';'-separated string or an array of strings");
                    }
                    if (!item.asText().isBlank()) {
                        items.add(item.asText().trim());
                    }
                }
            } else if (node.isTextual()) {
                for (String item : node.asText().split(";")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            } else {
                throw invalid(field, node, "must be a ';'-separated string or an array of strings");
            }
            return items;
        }

        Set<DataCategory> categories(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            List<String> items = list(field, node);
            if (items.isEmpty()) {
                return null;
            }
            DataCategories.Parsed parsed = DataCategories.parse(items);
            if (!parsed.ok()) {
                throw new ManifestFormatException(source + ": incident field '" + name(field) + "': "
                        + parsed.reason());
            }
            return parsed.categories();
        }

        private ManifestFormatException invalid(Field field, JsonNode node, String rule) {
            String shown = node.isTextual() ? "'" + RowRejection.excerpt(node.asText()) + "'"
                    : RowRejection.excerpt(node.toString());
            return new ManifestFormatException(source + ": incident field '" + name(field) + "' has " + shown
                    + ", which " + rule);
        }
    }
}
