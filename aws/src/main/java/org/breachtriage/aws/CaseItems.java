package org.breachtriage.aws;

import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_PK;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_SK;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_VALUE;
import static org.breachtriage.aws.CaseTableSchema.DECISION_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.META;
import static org.breachtriage.aws.CaseTableSchema.PK;
import static org.breachtriage.aws.CaseTableSchema.REJECT_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.SK;
import static org.breachtriage.aws.CaseTableSchema.casePk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.RowRejection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Case-table items ↔ core records. Counters are real numbers, one top-level attribute each named
 * {@code counter.<name>}, so UpdateItem can ADD to them atomically (ADD works on top-level attributes
 * only). Nested structures (incident, assessment, notice decision) are JSON strings: nothing queries
 * inside them, and one string attribute is cheaper to write than a deep map.
 */
final class CaseItems {
    static final String COUNTER_PREFIX = "counter.";
    static final String STATUS = "status";
    static final String FAILURE_REASON = "failureReason";
    static final String BATCHES_QUEUED = "batchesQueued";
    static final String DONE_BATCHES = "doneBatches";
    static final String DECISION_SEQ = "decisionSeq";
    static final String VERSION = "version";
    static final String INCIDENT = "incident";
    static final String ART33_DEADLINE = "art33Deadline";

    /** Fixed width, so index sort keys order like instants (Instant.toString drops trailing zeros). */
    static final DateTimeFormatter SORTABLE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CaseItems() {
    }

    static Map<String, AttributeValue> metaKey(String caseId) {
        return Map.of(PK, AttributeValue.fromS(casePk(caseId)), SK, AttributeValue.fromS(META));
    }

    static String rejectSortKey(RowRejection r) {
        // One row may be rejected for several fields; keying by (row, field) keeps each and makes a
        // retried ingest overwrite rather than duplicate.
        return REJECT_PREFIX + String.format("%012d", r.rowNumber()) + "#" + (r.field() == null ? "" : r.field());
    }

    static String decisionSortKey(long sequence) {
        return DECISION_PREFIX + String.format("%012d", sequence);
    }

    static Map<String, AttributeValue> caseItem(CaseRecord c) {
        Map<String, AttributeValue> item = new HashMap<>(metaKey(c.caseId()));
        item.put("caseId", AttributeValue.fromS(c.caseId()));
        putS(item, "incidentId", c.incidentId());
        putS(item, "source", c.source());
        putS(item, "sourceVersion", c.sourceVersion());
        putS(item, STATUS, c.status() == null ? null : c.status().name());
        putS(item, FAILURE_REASON, c.failureReason());
        putS(item, INCIDENT, c.incident() == null ? null : Json.write(c.incident()));
        putS(item, "regime", c.regime() == null ? null : c.regime().name());
        putS(item, "openedAt", c.openedAt() == null ? null : c.openedAt().toString());
        putS(item, ART33_DEADLINE, c.art33Deadline() == null ? null : c.art33Deadline().toString());
        item.put("art33Required", AttributeValue.fromBool(c.art33Required()));
        putS(item, "art33Reasoning", c.art33Reasoning());
        putS(item, "policyVersion", c.policyVersion());
        item.put(BATCHES_QUEUED, number(c.batchesQueued()));
        c.counters().forEach((name, value) -> item.put(COUNTER_PREFIX + name, number(value)));
        item.put(CASE_LIST_PK, AttributeValue.fromS(CASE_LIST_VALUE));
        item.put(CASE_LIST_SK, AttributeValue.fromS(
                (c.openedAt() == null ? "" : SORTABLE_INSTANT.format(c.openedAt())) + "#" + c.caseId()));
        return item;
    }

    static CaseRecord caseRecord(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNTER_PREFIX) && value.n() != null) {
                counters.put(name.substring(COUNTER_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        String incident = s(item, INCIDENT);
        String status = s(item, STATUS);
        String regime = s(item, "regime");
        String openedAt = s(item, "openedAt");
        String deadline = s(item, ART33_DEADLINE);
        AttributeValue required = item.get("art33Required");
        return new CaseRecord(
                s(item, "caseId"),
                s(item, "incidentId"),
                s(item, "source"),
                s(item, "sourceVersion"),
                status == null ? null : CaseStatus.valueOf(status),
                s(item, FAILURE_REASON),
                incident == null ? null : Json.read(incident, IncidentMetadata.class),
                regime == null ? null : Regime.valueOf(regime),
                openedAt == null ? null : Instant.parse(openedAt),
                deadline == null ? null : Instant.parse(deadline),
                required != null && Boolean.TRUE.equals(required.bool()),
                s(item, "art33Reasoning"),
                s(item, "policyVersion"),
                n(item, BATCHES_QUEUED, -1),
                counters);
    }

    static Map<String, AttributeValue> rejectItem(String caseId, RowRejection r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(casePk(caseId)));
        item.put(SK, AttributeValue.fromS(rejectSortKey(r)));
        item.put("rowNumber", number(r.rowNumber()));
        putS(item, "field", r.field());
        putS(item, "value", r.value());
        putS(item, "reason", r.reason());
        return item;
    }

    static RowRejection rejection(Map<String, AttributeValue> item) {
        return new RowRejection(n(item, "rowNumber", 0), s(item, "field"), s(item, "value"), s(item, "reason"));
    }

    static Map<String, AttributeValue> decisionItem(String pk, long sequence, DecisionEntry d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(pk));
        item.put(SK, AttributeValue.fromS(decisionSortKey(sequence)));
        putS(item, "at", d.at() == null ? null : d.at().toString());
        putS(item, "subject", d.subject());
        putS(item, "decision", d.decision());
        putS(item, "reason", d.reason());
        return item;
    }

    static DecisionEntry decision(Map<String, AttributeValue> item) {
        String at = s(item, "at");
        return new DecisionEntry(at == null ? null : Instant.parse(at), s(item, "subject"), s(item, "decision"), s(item, "reason"));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static long n(Map<String, AttributeValue> item, String name, long absent) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? absent : Long.parseLong(v.n());
    }
}
