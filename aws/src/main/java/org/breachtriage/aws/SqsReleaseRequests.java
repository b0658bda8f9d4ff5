package org.breachtriage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.incident.IncidentIds;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.release.ReleaseRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link ReleaseRequests} on the release queue, consumed by the release function:
 * {@code {"schemaVersion", "incidentId", "caseId", "batchNo", "payNumbers"}} for a batch's people,
 * or only the incident for the whole of it. The pay numbers are the batch's own (a batch message
 * carries them too); the queue is encrypted with the stack's key like every other.
 */
public final class SqsReleaseRequests implements ReleaseRequests {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReleaseRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sends one request; throws if SQS refuses it, so the caller's event is retried. */
    @Override
    public void request(ReleaseRequest request) {
        String body = body(request);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    public static String body(ReleaseRequest request) {
        if (!IncidentIds.looksValid(request.incidentId())) {
            throw new IllegalArgumentException("a release request needs an incident id shaped like IN-<16 hex digits>");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", Messages.SCHEMA_VERSION);
        body.put("incidentId", request.incidentId());
        if (!request.wholeIncident()) {
            body.put("caseId", request.caseId());
            body.put("batchNo", request.batchNo());
            body.put("payNumbers", request.payNumbers());
        }
        return Json.write(body);
    }

    /**
     * The request a message body holds.
     *
     * @throws IllegalArgumentException if it is not one (never quoting the body: it may hold pay numbers)
     */
    public static ReleaseRequest requestFrom(String body) {
        JsonNode node;
        try {
            node = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a release request must be a JSON object, this is not JSON", e);
        }
        String incidentId = node == null ? null : node.path("incidentId").asText(null);
        if (!IncidentIds.looksValid(incidentId)) {
            throw new IllegalArgumentException("a release request needs \"incidentId\" shaped like IN-<16 hex digits>");
        }
        if (!node.hasNonNull("caseId")) {
            return ReleaseRequest.forIncident(incidentId);
        }
        String caseId = node.path("caseId").asText();
        if (!CaseIds.looksValid(caseId) || !node.path("batchNo").canConvertToLong() || !node.path("payNumbers").isArray()) {
            throw new IllegalArgumentException("a release request for a batch needs \"caseId\" (BT-<16 hex digits>),"
                    + " \"batchNo\" and \"payNumbers\"");
        }
        List<String> payNumbers = new ArrayList<>();
        node.path("payNumbers").forEach(p -> payNumbers.add(p.asText()));
        return ReleaseRequest.forBatch(incidentId, caseId, node.path("batchNo").asLong(), payNumbers);
    }
}
