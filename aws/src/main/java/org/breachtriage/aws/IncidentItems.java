package org.breachtriage.aws;

import static org.breachtriage.aws.CaseItems.VERSION;
import static org.breachtriage.aws.CaseItems.n;
import static org.breachtriage.aws.CaseItems.number;
import static org.breachtriage.aws.CaseItems.putS;
import static org.breachtriage.aws.CaseItems.s;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_PK;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_SK;
import static org.breachtriage.aws.CaseTableSchema.INCIDENT_LIST_VALUE;
import static org.breachtriage.aws.CaseTableSchema.META;
import static org.breachtriage.aws.CaseTableSchema.PERSON_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.incidentPk;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.Hold;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.incident.PersonChange;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.scoring.Assessment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Incident and incident-person items ↔ core records. The incident is one JSON body plus its version
 * (compare-and-set), so its writes never touch the decision sequence kept beside it. A person's nested
 * parts are JSON strings (nothing queries inside them); a notice's publication is a top-level
 * attribute of its own ({@code published.<noticeId>}) as well, so marking it needs no read, and the ids of the
 * person's notices are a string set, so that mark can be conditional on the notice existing.
 */
final class IncidentItems {
    static final String BODY = "body";
    static final String NOTICE_IDS = "noticeIds";
    static final String PUBLISHED_PREFIX = "published.";

    private static final TypeReference<List<ManifestExposure>> MANIFESTS = new TypeReference<>() {
    };
    private static final TypeReference<List<PersonNotice>> NOTICES = new TypeReference<>() {
    };
    private static final TypeReference<List<PersonChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private IncidentItems() {
    }

    static Map<String, AttributeValue> metaKey(String incidentId) {
        return DynamoTable.key(incidentPk(incidentId), META);
    }

    static Map<String, AttributeValue> personKey(String incidentId, String payNumber) {
        return DynamoTable.key(incidentPk(incidentId), PERSON_PREFIX + payNumber);
    }

    static Map<String, AttributeValue> incidentItem(IncidentRecord incident) {
        Map<String, AttributeValue> item = new HashMap<>(metaKey(incident.incidentId()));
        item.put("incidentId", AttributeValue.fromS(incident.incidentId()));
        item.put(BODY, AttributeValue.fromS(Json.write(incident)));
        item.put(VERSION, number(incident.version()));
        item.put(CASE_LIST_PK, AttributeValue.fromS(INCIDENT_LIST_VALUE));
        item.put(CASE_LIST_SK, AttributeValue.fromS(
                (incident.openedAt() == null ? "" : CaseItems.SORTABLE_INSTANT.format(incident.openedAt())) + "#"
                        + incident.incidentId()));
        return item;
    }

    static IncidentRecord incident(Map<String, AttributeValue> item) {
        return Json.read(s(item, BODY), IncidentRecord.class);
    }

    static Map<String, AttributeValue> personItem(IncidentPerson p) {
        Map<String, AttributeValue> item = new HashMap<>(personKey(p.incidentId(), p.payNumber()));
        item.put("payNumber", AttributeValue.fromS(p.payNumber()));
        item.put("matched", AttributeValue.fromBool(p.matched()));
        putS(item, "staffType", p.staffType() == null ? null : p.staffType().name());
        putS(item, "force", p.force());
        item.put("exposed", number(Categories.mask(p.exposed())));
        item.put("assessment", AttributeValue.fromS(Json.write(p.assessment())));
        item.put("manifests", AttributeValue.fromS(Json.write(p.manifests())));
        List<String> ids = new ArrayList<>();
        for (PersonNotice notice : p.notices()) {
            ids.add(notice.noticeId());
            // A publication also lives in its own attribute: markPublished sets it with no read (see there).
            if (notice.published()) {
                item.put(PUBLISHED_PREFIX + notice.noticeId(), AttributeValue.fromS(notice.publishedAt().toString()));
            }
        }
        item.put("notices", AttributeValue.fromS(Json.write(p.notices())));
        if (!ids.isEmpty()) {
            item.put(NOTICE_IDS, AttributeValue.fromSs(ids));
        }
        item.put("changes", AttributeValue.fromS(Json.write(p.changes())));
        item.put("reviewNotes", AttributeValue.fromS(Json.write(p.reviewNotes())));
        if (p.hold() != null) {
            item.put("hold", AttributeValue.fromS(Json.write(p.hold())));
        }
        item.put(VERSION, number(p.version()));
        return item;
    }

    static IncidentPerson person(String incidentId, Map<String, AttributeValue> item) {
        String staffType = s(item, "staffType");
        AttributeValue matched = item.get("matched");
        List<PersonNotice> notices = new ArrayList<>();
        for (PersonNotice stored : read(item, "notices", NOTICES)) {
            String published = s(item, PUBLISHED_PREFIX + stored.noticeId());
            notices.add(published == null || stored.published() ? stored : stored.publishedAt(Instant.parse(published)));
        }
        String hold = s(item, "hold");
        return new IncidentPerson(
                incidentId,
                s(item, "payNumber"),
                matched != null && Boolean.TRUE.equals(matched.bool()),
                staffType == null ? null : StaffType.valueOf(staffType),
                s(item, "force"),
                Categories.ofMask((int) n(item, "exposed", 0)),
                Json.read(s(item, "assessment"), Assessment.class),
                read(item, "manifests", MANIFESTS),
                notices,
                read(item, "changes", CHANGES),
                read(item, "reviewNotes", STRINGS),
                hold == null ? null : Json.read(hold, Hold.class),
                (int) n(item, VERSION, 0));
    }

    private static <T> List<T> read(Map<String, AttributeValue> item, String name, TypeReference<List<T>> type) {
        String json = s(item, name);
        if (json == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored person attribute " + name + " is not readable", e);
        }
    }
}
