package org.breachtriage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.ReportRequests;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link ReportRequests} on the report queue: {@code {"schemaVersion":…,"caseId":"BT-…"}}, consumed by
 * the report function. A queue rather than a DynamoDB stream or a topic: it gives retries, a
 * dead-letter queue with an alarm, and a sandbox that can drain it by hand (docs/design-notes.md).
 */
public final class SqsReportRequests implements ReportRequests {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReportRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sends the request for one case; throws if SQS refuses it, so the caller's event is retried. */
    @Override
    public void request(String caseId) {
        String body = body(caseId);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    public static String body(String caseId) {
        if (!CaseIds.looksValid(caseId)) {
            throw new IllegalArgumentException("a report request needs a case id shaped like BT-<16 hex digits>");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("schemaVersion", Messages.SCHEMA_VERSION);
        body.put("caseId", caseId);
        return Json.write(body);
    }

    /**
     * The case id a request names.
     *
     * @throws IllegalArgumentException if the body is not a request or its case id is not shaped like one
     */
    public static String caseIdFrom(String body) {
        JsonNode node;
        try {
            node = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a report request must be a JSON object, this is not JSON", e);
        }
        String caseId = node == null ? null : node.path("caseId").asText(null);
        if (!CaseIds.looksValid(caseId)) {
            throw new IllegalArgumentException("a report request needs \"caseId\" shaped like BT-<16 hex digits>");
        }
        return caseId;
    }
}
