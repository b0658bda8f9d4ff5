package org.breachtriage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Sends one request; throws if it is malformed (nothing is sent) or SQS refuses it, so the caller's event is retried. */
    @Override
    public void request(ReleaseRequest request) {
        String body = body(request);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /**
     * The message body of a request.
     *
     * @throws IllegalArgumentException if the request is malformed (see {@link ReleaseRequest#problem()})
     */
    public static String body(ReleaseRequest request) {
        request.requireWellFormed();
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
     * The request a message body holds, checked as {@link #body} checks what it sends.
     *
     * @throws IllegalArgumentException if it is not one (never quoting the body: it may hold pay numbers)
     */
    public static ReleaseRequest requestFrom(String body) {
        JsonNode node;
        try {
            node = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            // Not chained: a parser's message quotes the text around where it stopped.
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("a release request must be a JSON object, this is not JSON ("
                    + why.getClass().getName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a release request must be a JSON object");
        }
        String incidentId = node.path("incidentId").isTextual() ? node.path("incidentId").asText() : null;
        if (!node.has("caseId") && !node.has("batchNo") && !node.has("payNumbers")) {
            return ReleaseRequest.forIncident(incidentId).requireWellFormed();
        }
        JsonNode batchNo = node.path("batchNo");
        JsonNode payNumbers = node.path("payNumbers");
        if (!node.path("caseId").isTextual() || !batchNo.isIntegralNumber() || !batchNo.canConvertToLong()
                || !payNumbers.isArray()) {
            throw new IllegalArgumentException("a release request for a batch needs \"caseId\" (a string),"
                    + " \"batchNo\" (a whole number) and \"payNumbers\" (an array of strings)");
        }
        List<String> people = new ArrayList<>();
        for (JsonNode p : payNumbers) {
            if (!p.isTextual()) {
                throw new IllegalArgumentException("entry " + (people.size() + 1) + " of \"payNumbers\" in the release"
                        + " request is not a string");
            }
            people.add(p.asText());
        }
        return ReleaseRequest.forBatch(incidentId, node.path("caseId").asText(), batchNo.asLong(), people)
                .requireWellFormed();
    }
}
