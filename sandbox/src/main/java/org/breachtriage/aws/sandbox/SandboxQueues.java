package org.breachtriage.aws.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** Looking at what reached a sandbox queue without taking it away (triage sandbox peek). */
public final class SandboxQueues {
    /** Long enough to collect every message once; they are made visible again straight after. */
    private static final int HOLD_SECONDS = 30;

    private SandboxQueues() {
    }

    /**
     * Up to {@code max} messages of the queue, each once, then made visible again so that the queue
     * holds exactly what it held before.
     */
    public static List<Message> peek(SqsClient sqs, String queueUrl, int max) {
        List<Message> seen = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        while (seen.size() < max) {
            int wanted = Math.min(10, max - seen.size());
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(wanted)
                    .visibilityTimeout(HOLD_SECONDS).waitTimeSeconds(0)).messages();
            List<Message> fresh = batch.stream().filter(m -> ids.add(m.messageId())).toList();
            if (fresh.isEmpty()) {
                break;
            }
            seen.addAll(fresh);
        }
        for (int i = 0; i < seen.size(); i += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (Message m : seen.subList(i, Math.min(seen.size(), i + 10))) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("v" + entries.size())
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
        }
        return seen;
    }

    /**
     * A message as a subscriber reads it: for an SNS delivery (the inspection queues get the SNS
     * envelope), its eventType attribute and the published document; otherwise the body.
     */
    public static Map<String, Object> describe(Message message) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("messageId", message.messageId());
        JsonNode body = parse(message.body());
        if (body != null && "Notification".equals(body.path("Type").asText())) {
            d.put("eventType", body.path("MessageAttributes").path("eventType").path("Value").asText(null));
            JsonNode published = parse(body.path("Message").asText());
            // Published with MessageStructure=json, SQS gets the "sqs" member; fauxqs hands over the whole document.
            if (published != null && published.path("sqs").isTextual() && published.has("default")) {
                published = parse(published.path("sqs").asText());
            }
            d.put("message", published != null ? published : body.path("Message").asText());
        } else {
            d.put("eventType", null);
            d.put("message", body != null ? body : message.body());
        }
        return d;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
