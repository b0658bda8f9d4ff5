package org.breachtriage.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The message that asks the report function to report a scored case: {@code {"schemaVersion":"1",
 * "caseId":"BT-…"}} on the report queue. Whoever moves a case from SCORING to SCORED (the store's
 * conditional transition lets exactly one caller do so) sends it; see the package documentation for
 * why a queue message and not a stream or a topic.
 */
public final class ReportTrigger {

    private final SqsClient sqs;
    private final String queueUrl;

    public ReportTrigger(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sends the trigger for one case; throws if SQS refuses it, so the caller's event is retried. */
    public void send(String caseId) {
        String body = body(caseId);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    public static String body(String caseId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("schemaVersion", Messages.SCHEMA_VERSION);
        body.put("caseId", caseId);
        return Json.write(body);
    }

    /**
     * The case id a trigger names.
     *
     * @throws IllegalArgumentException if the body is not a trigger or its case id is not shaped like one
     */
    public static String caseIdFrom(String body) {
        JsonNode node;
        try {
            node = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a report trigger must be a JSON object, this is not JSON", e);
        }
        String caseId = node == null ? null : node.path("caseId").asText(null);
        if (!CaseIds.looksValid(caseId)) {
            throw new IllegalArgumentException("a report trigger needs \"caseId\" shaped like BT-<16 hex digits>");
        }
        return caseId;
    }
}
