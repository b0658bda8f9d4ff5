package org.breachtriage.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.breachtriage.core.cases.Regime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.csv.HeaderNames;
import org.breachtriage.core.csv.NearNames;
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
 * Keys are matched like CSV headers ({@code awareAt}, {@code aware_at}, {@code aware-at}). An
 * unknown key is ignored with a warning that names it (keys are a closed vocabulary, so naming one
 * quotes no personal data; its value is never quoted) and suggests the nearest known field
 * ({@code malicous}: did you mean {@code malicious}?); the field it was meant to be then takes its
 * conservative value, as if missing. S3 user metadata may carry other tools' keys, so there only near
 * misses are warned about.
 *
 * <p>An {@code awareAt} more than {@link #AWARE_AT_CLOCK_SKEW} after now is an error: the Art. 33
 * clock cannot start in the future, and a year typed wrong (2099) would silently put the deadline
 * decades away.
 */
public final class IncidentMetadataLoader {
    public static final String UNKNOWN_SUPPLIER = "unknown supplier";
    public static final String UNREFERENCED = "unreferenced";
    private static final String S3_METADATA_PREFIX = "x-amz-meta-";
    /**
     * How far ahead of this machine's clock an {@code awareAt} may be: the supplier's or the force's
     * clock may run a little fast, and a time stamped "now" on another machine must not be refused.
     * Five minutes is well above NTP-synchronised drift and far below any real mistake.
     */
    public static final Duration AWARE_AT_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String AWARENESS_ASSUMED = " not given: awareness taken as the time of ingest, ";
    /** The longest {@code laterMeasures} or {@code publicCommunication}: a summary, not a document. */
    public static final int MAX_MITIGATION_TEXT = 2000;

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
        SUPERSEDES("supersedes", "supersedes"),
        UNINTELLIGIBLE("unintelligible", "unintelligible"),
        RECOVERED_WITHIN("recoveredWithin", "recovered-within"),
        RECIPIENT("recipient", "recipient"),
        LATER_MEASURES("laterMeasures", "later-measures"),
        PUBLIC_COMMUNICATION("publicCommunication", "public-communication"),
        REGIME("regime", "regime");

        final String jsonName;
        final String metadataKey;
        final List<String> aliases;

        Field(String jsonName, String metadataKey, String... aliases) {
            this.jsonName = jsonName;
            this.metadataKey = metadataKey;
            this.aliases = List.of(aliases);
        }

        /** The spellings a near miss is measured against: the JSON name, the metadata key, the aliases. */
        List<String> spellings() {
            List<String> all = new ArrayList<>(aliases);
            all.add(0, metadataKey);
            all.add(0, jsonName);
            return all;
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
        return read(source, in, now, now);
    }

    /**
     * As {@link #read(String, InputStream, Instant)}, with the awareness to assume when none is given:
     * a file read again for a case opened earlier assumes the case's own, so that a file that gives no
     * {@code awareAt} does not look changed.
     */
    public static IncidentMetadata read(String source, InputStream in, Instant now, Instant assumedAwareAt) {
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
        return fromJson(source, node, now, assumedAwareAt);
    }

    /** Reads an incident JSON object (a sidecar's content, or a JSON envelope's {@code incident}). */
    public static IncidentMetadata fromJson(String source, JsonNode node, Instant now) {
        return fromJson(source, node, now, now);
    }

    private static IncidentMetadata fromJson(String source, JsonNode node, Instant now, Instant assumedAwareAt) {
        if (node == null || !node.isObject()) {
            throw new ManifestFormatException(source + ": incident metadata must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Map<Field, JsonNode> values = new EnumMap<>(Field.class);
        Map<Field, String> keys = new EnumMap<>(Field.class);
        Map<String, Field> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            put(source, values, keys, unknown, entry.getKey(), entry.getValue());
        }
        return build(source, values, unknown, false, now, assumedAwareAt);
    }

    /**
     * Reads S3 user metadata: keys {@code supplier}, {@code reference}, {@code aware-at},
     * {@code malicious}, {@code confidentiality}, {@code integrity}, {@code availability},
     * {@code default-exposed-fields}, {@code force}, {@code supersedes}, {@code unintelligible},
     * {@code recovered-within}, {@code recipient}, {@code later-measures}, {@code public-communication}
     * (an {@code x-amz-meta-} prefix is tolerated). Other keys are
     * ignored; blank values count as missing.
     */
    public static IncidentMetadata fromObjectMetadata(String source, Map<String, String> metadata, Instant now) {
        return fromObjectMetadata(source, metadata, now, now);
    }

    /** As {@link #fromObjectMetadata(String, Map, Instant)}, assuming {@code assumedAwareAt} when none is given. */
    public static IncidentMetadata fromObjectMetadata(String source, Map<String, String> metadata, Instant now,
                                                      Instant assumedAwareAt) {
        Map<Field, JsonNode> values = new EnumMap<>(Field.class);
        Map<Field, String> keys = new EnumMap<>(Field.class);
        Map<String, Field> unknown = new LinkedHashMap<>();
        if (metadata != null) {
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                put(source, values, keys, unknown, bareMetadataKey(entry.getKey()),
                        entry.getValue() == null ? null : TextNode.valueOf(entry.getValue()));
            }
        }
        // Other tools' keys are no concern of ours; only a near miss of one of ours is worth a word.
        unknown.values().removeIf(Objects::isNull);
        return build(source, values, unknown, true, now, assumedAwareAt);
    }

    /**
     * True if S3 user metadata carries any incident field, or a near miss of one, so it should be
     * read as the incident (a misspelt {@code malicous} alone must still get its warning).
     */
    public static boolean hasIncidentFields(Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            String bare = bareMetadataKey(key);
            if (Field.byKey(bare) != null || nearMiss(bare) != null) {
                return true;
            }
        }
        return false;
    }

    private static String bareMetadataKey(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith(S3_METADATA_PREFIX) ? key.substring(S3_METADATA_PREFIX.length()) : key;
    }

    /** Nothing known: malicious, unknown recipients, awareness now, every category exposed. */
    public static IncidentMetadata conservative(Instant now) {
        return build("(no incident metadata)", Map.of(), Map.of(), false, now, now);
    }

    /** True when the metadata gave no {@code awareAt}, so its awareness is the assumed time of ingest. */
    public static boolean awarenessAssumed(IncidentMetadata metadata) {
        return metadata.assumptions().stream().anyMatch(IncidentMetadataLoader::isAwarenessAssumption);
    }

    /**
     * The metadata with an awareness time that was given (a corrected file's): the assumption that
     * awareness was the time of ingest no longer holds, so it is dropped.
     */
    public static IncidentMetadata withGivenAwareness(IncidentMetadata metadata, Instant awareAt) {
        List<String> assumptions = metadata.assumptions().stream().filter(a -> !isAwarenessAssumption(a)).toList();
        return new IncidentMetadata(metadata.supplier(), metadata.reference(), awareAt, metadata.malicious(),
                metadata.confidentiality(), metadata.integrity(), metadata.availability(),
                metadata.defaultExposedFields(), assumptions, metadata.force(), metadata.supersedes(), metadata.warnings(),
                metadata.mitigations());
    }

    private static boolean isAwarenessAssumption(String assumption) {
        return assumption.startsWith(Field.AWARE_AT.jsonName + AWARENESS_ASSUMED)
                || assumption.startsWith(Field.AWARE_AT.metadataKey + AWARENESS_ASSUMED);
    }

    /** The field a key not known is most likely a misspelling of, or null when none is close. */
    private static Field nearMiss(String key) {
        Field nearest = null;
        int best = Integer.MAX_VALUE;
        for (Field field : Field.values()) {
            int distance = NearNames.distance(key, field.spellings());
            if (distance < best) {
                best = distance;
                nearest = field;
            }
        }
        return best <= NearNames.nearMissLimit(key) ? nearest : null;
    }

    private static void put(String source, Map<Field, JsonNode> values, Map<Field, String> keys,
                            Map<String, Field> unknown, String key, JsonNode value) {
        Field field = Field.byKey(key);
        if (field == null) {
            unknown.put(key, nearMiss(key));
            return;
        }
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return;
        }
        String earlier = keys.putIfAbsent(field, key);
        if (earlier != null) {
            throw new ManifestFormatException(source + ": incident field '" + field.jsonName + "' is given twice ('"
                    + earlier + "' and '" + key + "'); keep exactly one");
        }
        values.put(field, value);
    }

    private static IncidentMetadata build(String source, Map<Field, JsonNode> values, Map<String, Field> unknown,
                                          boolean metadataKeys, Instant now, Instant assumedAwareAt) {
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
            awareAt = assumedAwareAt;
            assumptions.add(reader.name(Field.AWARE_AT) + AWARENESS_ASSUMED + assumedAwareAt);
        } else if (awareAt.isAfter(now.plus(AWARE_AT_CLOCK_SKEW))) {
            throw new ManifestFormatException(source + ": incident field '" + reader.name(Field.AWARE_AT) + "' is "
                    + awareAt + ", which is in the future (now is " + now + "; at most "
                    + AWARE_AT_CLOCK_SKEW.toMinutes() + " minutes ahead is allowed for clock skew): the Art. 33 clock"
                    + " cannot start later than now; give the time the force became aware");
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
            // The workforce record an ID-card supplier holds (contract version 1). Health, criminal-offence,
            // credential, location, national-identifier and full financial data are never assumed: on no
            // evidence they would put every person at DPC 4 or 3 and bury those really at risk.
            defaults = DataCategory.ofContractVersion(1);
            assumptions.add(reader.name(Field.DEFAULT_EXPOSED_FIELDS)
                    + (values.containsKey(Field.DEFAULT_EXPOSED_FIELDS) ? " is empty" : " not given")
                    + ": every category is assumed exposed for rows that do not list their own (the workforce"
                    + " categories of manifest contract version 1; special-category, criminal-offence, credential,"
                    + " location, national-identifier and full financial data are assumed only where listed)");
        }
        String force = reader.text(Field.FORCE, values.get(Field.FORCE));
        List<String> supersedes = reader.list(Field.SUPERSEDES, values.get(Field.SUPERSEDES));
        Mitigations mitigations = mitigations(reader, values, confidentiality, integrity, availability,
                values.containsKey(Field.CONFIDENTIALITY));
        Regime regime = reader.regime(Field.REGIME, values.get(Field.REGIME));
        return new IncidentMetadata(supplier, reference, awareAt, malicious, confidentiality, integrity,
                availability, defaults, assumptions, force, supersedes, warnings(source, unknown, values, reader),
                mitigations, regime);
    }

    /**
     * The mitigation fields, each checked against the rest: a recovery cannot follow a permanent loss,
     * and a recipient refines known recipients only. Missing means none was stated, not an assumption.
     */
    private static Mitigations mitigations(FieldReader reader, Map<Field, JsonNode> values,
                                           Confidentiality confidentiality, Integrity integrity,
                                           Availability availability, boolean confidentialityGiven) {
        Unintelligible unintelligible = reader.choice(Field.UNINTELLIGIBLE, values.get(Field.UNINTELLIGIBLE),
                Unintelligible.class);
        Duration recovered = reader.positiveDuration(Field.RECOVERED_WITHIN, values.get(Field.RECOVERED_WITHIN));
        if (recovered != null && (availability == Availability.PERMANENT || integrity == Integrity.UNRECOVERABLE)) {
            throw reader.conflict(Field.RECOVERED_WITHIN, "says the data was restored from backup, but "
                    + (availability == Availability.PERMANENT ? reader.name(Field.AVAILABILITY) + " is PERMANENT"
                    : reader.name(Field.INTEGRITY) + " is UNRECOVERABLE") + "; give the one that is true");
        }
        Recipient recipient = reader.choice(Field.RECIPIENT, values.get(Field.RECIPIENT), Recipient.class);
        if (recipient != null && confidentiality != Confidentiality.KNOWN_RECIPIENTS) {
            throw reader.conflict(Field.RECIPIENT, "refines " + reader.name(Field.CONFIDENTIALITY)
                    + " KNOWN_RECIPIENTS only, but " + reader.name(Field.CONFIDENTIALITY) + " is " + confidentiality
                    + (confidentialityGiven ? "" : " (assumed, as it is not given)")
                    + "; set " + reader.name(Field.CONFIDENTIALITY) + " to KNOWN_RECIPIENTS or remove "
                    + reader.name(Field.RECIPIENT) + " (allowed values: TRUSTED_DELETED, KNOWN_SINGLE)");
        }
        return new Mitigations(unintelligible, recovered, recipient,
                reader.statement(Field.LATER_MEASURES, values.get(Field.LATER_MEASURES)),
                reader.statement(Field.PUBLIC_COMMUNICATION, values.get(Field.PUBLIC_COMMUNICATION)));
    }

    /**
     * One sentence per unknown key: its name (never its value), the field it was probably meant to
     * be, and what was assumed instead when that field is missing.
     */
    private static List<String> warnings(String source, Map<String, Field> unknown, Map<Field, JsonNode> values,
                                         FieldReader reader) {
        List<String> warnings = new ArrayList<>();
        unknown.forEach((key, meant) -> {
            String named = "'" + RowRejection.excerpt(NearNames.printable(key)) + "'";
            if (meant == null) {
                warnings.add(source + ": unknown incident field " + named + " ignored; the known fields are "
                        + Arrays.stream(Field.values()).map(reader::name).collect(Collectors.joining(", ")));
            } else {
                warnings.add(source + ": unknown incident field " + named + " ignored (did you mean '"
                        + reader.name(meant) + "'?); " + (values.containsKey(meant) ? reader.name(meant)
                        + " is given as well, and that value is used" : reader.name(meant)
                        + " is therefore not given, and its conservative value is used"));
            }
        });
        return warnings;
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

        /** An ISO-8601 duration greater than zero, e.g. PT4H; null when absent. */
        Duration positiveDuration(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            String rule = "must be a positive ISO-8601 duration, e.g. PT4H (4 hours) or P1D (1 day)";
            if (!node.isTextual()) {
                throw invalid(field, node, rule);
            }
            try {
                Duration duration = Duration.parse(node.asText().trim());
                if (duration.isNegative() || duration.isZero()) {
                    throw invalid(field, node, rule);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw invalid(field, node, rule);
            }
        }

        /**
         * Free text a person wrote (what was done, what was published). It may hold anything, so an
         * error never quotes it: only its field and what is wrong.
         */
        String statement(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                throw new ManifestFormatException(source + ": incident field '" + name(field) + "' must be a string"
                        + " (a short description in words)");
            }
            String text = node.asText().trim();
            if (text.length() > MAX_MITIGATION_TEXT) {
                throw new ManifestFormatException(source + ": incident field '" + name(field) + "' is "
                        + text.length() + " characters long; at most " + MAX_MITIGATION_TEXT + " are allowed (a summary;"
                        + " keep the full account in the case file)");
            }
            return text;
        }

        ManifestFormatException conflict(Field field, String what) {
            return new ManifestFormatException(source + ": incident field '" + name(field) + "' " + what);
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

        /** The stated regime; null when not given (then derived from the manifest's subjects). */
        Regime regime(Field field, JsonNode node) {
            if (node == null) {
                return null;
            }
            Regime regime = node.isTextual() ? Regime.parse(node.asText()) : null;
            if (regime == null) {
                throw invalid(field, node, "is not allowed; allowed values: " + Regime.ALLOWED);
            }
            return regime;
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

        /**
         * What an error says a field held. The closed-vocabulary rule of manifest rows: a value is quoted only
         * when it is token-shaped (a misspelt {@code UNKNOWN_RECIPENTS}); anything else, a name typed into
         * {@code recipient} or a pay number, is described by its length and kind, since the error reaches
         * the case.failed alert and the logs.
         */
        private static final java.util.regex.Pattern DATE_TIME_SHAPED =
                java.util.regex.Pattern.compile("[0-9][0-9:/.TZ+-]{0,31}");

        private static String shown(JsonNode node) {
            if (node.isTextual() && DATE_TIME_SHAPED.matcher(node.asText().trim()).matches()) {
                return "'" + node.asText().trim() + "'"; // a mistyped awareAt: digits and separators, no name
            }
            if (node.isTextual()) {
                return RowRejection.quotedToken(node.asText()).orElse("a value of " + node.asText().length()
                        + " characters " + RowRejection.NOT_QUOTED);
            }
            if (node.isBoolean() || node.isNull()) {
                return node.toString();
            }
            if (node.isNumber()) {
                return RowRejection.quotedToken(node.toString()).map(q -> node.toString())
                        .orElse("a number of " + node.toString().length() + " characters " + RowRejection.NOT_QUOTED);
            }
            return node.isArray() ? "an array of " + node.size() + " item(s)" : "an object";
        }

        private ManifestFormatException invalid(Field field, JsonNode node, String rule) {
            String shown = shown(node);
            return new ManifestFormatException(source + ": incident field '" + name(field) + "' has " + shown
                    + ", which " + rule);
        }
    }
}
