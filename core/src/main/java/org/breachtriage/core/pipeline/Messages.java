package org.breachtriage.core.pipeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.incident.PersonNotice;

/**
 * Builds the messages that leave the pipeline. Schema version 3: a notice is published only once it
 * is released, and carries whether it is an Art. 34 notice ({@code art34}) and where its letter is
 * ({@code letterKey}, in the restricted {@code letters/} prefix), never the letter's text; the general
 * staff communication is a message of its own. Since version 2 every message names its incident
 * ({@code incidentId}) and a notice its kind ({@code noticeKind}: initial or escalation) under an id
 * that is stable per person, kind and band. Alerts carry no personal data; a notice carries only what
 * its recipient system needs to send the right letter by the right channel (no name, unit or role).
 */
public final class Messages {
    public static final String SCHEMA_VERSION = "3";

    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_SCORED = "case.scored";
    public static final String CASE_REPORTED = "case.reported";
    public static final String CASE_FAILED = "case.failed";
    public static final String PERSON_NOTICE = "person.notice";
    public static final String STAFF_COMMUNICATION = "staff.communication";

    private Messages() {
    }

    /**
     * A released notice to one person, for the system that sends it. Its id is the notice's
     * ({@code <incident>-notice-<pay number>-<kind>-<band>}), the same on every re-publication.
     */
    public static OutboundMessage notice(IncidentRecord incident, IncidentPerson person, PersonNotice notice,
                                         String letterKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", SCHEMA_VERSION);
        body.put("eventType", PERSON_NOTICE);
        body.put("noticeId", notice.noticeId());
        body.put("incidentId", person.incidentId());
        body.put("caseId", notice.caseId());
        body.put("caseReference", incident.reference());
        if (person.subjectType().staff()) {
            body.put("payNumber", person.payNumber());
        } else {
            // Someone outside the workforce: the sender finds them by the supplier's reference, and the notice
            // says which provision it is given under (their staff colleagues' are always Art. 34).
            body.put("payNumber", null);
            body.put("subjectType", person.subjectType().name());
            body.put("subjectRef", PersonKeys.ref(person.payNumber()));
            body.put("provision", IncidentRegime.forNotice(incident.regime(), person.subjectType())
                    == Regime.DPA_2018_PART_3 ? "DPA 2018 s.68" : "UK GDPR Art. 34");
        }
        body.put("noticeKind", notice.kind().wireName());
        body.put("band", notice.band().name());
        body.put("art34", notice.art34());
        body.put("channel", notice.channel().name());
        body.put("templateId", notice.templateId());
        body.put("letterKey", letterKey);
        body.put("approvals", notice.approvals().size());
        Map<String, String> attributes = attributes(PERSON_NOTICE, notice.band(), person.force(), incident.supplier());
        String json = Json.write(body);
        // One person's notices are one message group: in order, and apart from everyone else's.
        return new OutboundMessage(notice.noticeId(), json, json, attributes, person.incidentId() + "-" + person.payNumber());
    }

    /** The incident's general staff communication: no personal data, the key of its text. */
    public static OutboundMessage generalCommunication(IncidentRecord incident, String letterKey, String templateId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", SCHEMA_VERSION);
        body.put("eventType", STAFF_COMMUNICATION);
        body.put("incidentId", incident.incidentId());
        body.put("reference", incident.reference());
        body.put("templateId", templateId);
        body.put("letterKey", letterKey);
        Map<String, String> attributes = attributes(STAFF_COMMUNICATION, null, incident.force(), incident.supplier());
        String json = Json.write(body);
        return new OutboundMessage(incident.incidentId() + "-" + STAFF_COMMUNICATION, json, json, attributes,
                incident.incidentId());
    }

    /**
     * An alert about a whole case. {@code details} must hold aggregates only.
     *
     * @param severity the highest band seen so far, or null before scoring
     */
    public static OutboundMessage alert(String eventType, CaseRecord caseRecord, Band severity,
                                        Map<String, Object> details, String readableText) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", SCHEMA_VERSION);
        body.put("eventType", eventType);
        body.put("caseId", caseRecord.caseId());
        body.put("incidentId", caseRecord.incidentId());
        body.put("reference", caseRecord.incident().reference());
        body.put("supplier", caseRecord.incident().supplier());
        body.put("status", caseRecord.status().name());
        body.put("awareAt", caseRecord.incident().awareAt().toString());
        body.put("art33Deadline", caseRecord.art33Deadline().toString());
        body.putAll(details);
        Map<String, String> attributes = attributes(eventType, severity, null, caseRecord.incident().supplier());
        return new OutboundMessage(caseRecord.caseId() + "-" + eventType, Json.write(body), readableText, attributes);
    }

    /** SNS filter-policy attributes; absent values are left out because SNS refuses empty ones. */
    private static Map<String, String> attributes(String eventType, Band severity, String force, String supplier) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("eventType", eventType);
        if (severity != null) {
            attributes.put("severity", severity.name());
        }
        if (force != null && !force.isBlank()) {
            attributes.put("force", force);
        }
        if (supplier != null && !supplier.isBlank()) {
            attributes.put("supplier", supplier);
        }
        return attributes;
    }

    /** The highest band with anyone in it, or null if nobody has been scored. */
    public static Band highestBand(CaseRecord caseRecord) {
        Band highest = null;
        for (Band band : Band.values()) {
            if (caseRecord.counter(Counters.band(band)) > 0) {
                highest = band;
            }
        }
        return highest;
    }
}
