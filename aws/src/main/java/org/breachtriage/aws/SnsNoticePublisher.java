package org.breachtriage.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * {@link NoticePublisher} on two SNS topics. PublishBatch with at most 10 entries and 256 KiB per
 * request; entries in the {@code Failed} list of an HTTP 200 are published again with
 * {@link Backoff}, except sender faults.
 *
 * <p>Alerts go with {@code MessageStructure=json} so that e-mail subscribers get readable text while
 * SQS and HTTPS subscribers get the JSON document; notices are the plain JSON body. The message's
 * attributes ({@code eventType}, {@code severity}, {@code force}, {@code supplier}) become SNS
 * message attributes for filter policies; blank ones are left out, since SNS refuses empty values.
 * The message's stable id travels as the attribute {@link #MESSAGE_ID_ATTRIBUTE}: delivery is at least
 * once and SNS gives every publish a new MessageId, so subscribers de-duplicate on ours.
 *
 * <p>A topic whose ARN ends in {@code .fifo} (AWS requires the suffix) is an SNS FIFO topic: each entry
 * then also carries {@code MessageDeduplicationId} = the message's id, so SNS drops a second publication
 * of the same notice within its five-minute de-duplication window (a retry after a lost response, a
 * publisher taking over a dead one's claim), and {@code MessageGroupId} = the message's
 * {@link OutboundMessage#orderKey()} (one person's notices, in order). An id or key that SNS would
 * refuse (over 128 characters, or a character other than letters, digits and punctuation) is replaced
 * by its SHA-256, which is as stable.
 */
public final class SnsNoticePublisher implements NoticePublisher {

    public static final int MAX_ENTRIES = 10;
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** SNS allows 10 message attributes per message. */
    public static final int MAX_ATTRIBUTES = 10;
    /** The message attribute that carries {@link OutboundMessage#id()}. */
    public static final String MESSAGE_ID_ATTRIBUTE = "messageId";
    /** SNS's limit on MessageDeduplicationId and MessageGroupId. */
    static final int MAX_FIFO_TOKEN = 128;

    private final SnsClient sns;
    private final ResourceNames names;
    private final Backoff backoff;

    public SnsNoticePublisher(SnsClient sns, ResourceNames names) {
        this(sns, names, Backoff.DEFAULT);
    }

    public SnsNoticePublisher(SnsClient sns, ResourceNames names, Backoff backoff) {
        this.sns = sns;
        this.names = names;
        this.backoff = backoff;
    }

    @Override
    public void publish(Topic topic, List<OutboundMessage> messages) {
        boolean fifo = isFifo(names.topicArn(topic));
        List<Outgoing> outgoing = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            outgoing.add(prepare(topic, messages.get(i), i, fifo));
        }
        for (List<Outgoing> request : BatchPacker.pack(outgoing, MAX_ENTRIES, MAX_REQUEST_BYTES, Outgoing::bytes)) {
            publishWithRetries(topic, request);
        }
    }

    /** Errors name the message by its position: message ids may embed personal data such as pay numbers. */
    private Outgoing prepare(Topic topic, OutboundMessage message, int position, boolean fifo) {
        if (message.body() == null || message.body().isBlank()) {
            throw new IllegalArgumentException("message " + position + " for " + topic.wireName() + " has no body");
        }
        boolean hasId = message.id() != null && !message.id().isBlank();
        if (fifo && !hasId) {
            throw new IllegalArgumentException("message " + position + " for the FIFO topic " + topic.wireName()
                    + " has no id to de-duplicate on");
        }
        String payload = topic == Topic.ALERTS ? perProtocol(message) : message.body();
        Map<String, MessageAttributeValue> attributes = new TreeMap<>();
        message.attributes().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
            }
        });
        if (hasId) {
            attributes.put(MESSAGE_ID_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(message.id()).build());
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("message " + position + " for " + topic.wireName() + " has " + attributes.size()
                    + " attributes; SNS allows " + MAX_ATTRIBUTES);
        }
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        for (var e : attributes.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + 6
                    + e.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("message " + position + " for " + topic.wireName() + " is " + bytes
                    + " bytes with its attributes, over the SNS limit of " + MAX_REQUEST_BYTES);
        }
        String deduplicationId = fifo ? fifoToken(message.id()) : null;
        String groupId = fifo ? fifoToken(message.orderKey() == null || message.orderKey().isBlank()
                ? message.id() : message.orderKey()) : null;
        return new Outgoing(position, payload, topic == Topic.ALERTS, attributes, bytes, deduplicationId, groupId);
    }

    /** SNS FIFO topics' names end in {@code .fifo}, so the ARN says which kind a topic is. */
    public static boolean isFifo(String topicArn) {
        return topicArn.endsWith(".fifo");
    }

    /**
     * A MessageDeduplicationId or MessageGroupId for {@code value}: the value itself when SNS accepts it
     * (1 to 128 letters, digits and punctuation), else {@code sha256-} and its hash, stable all the same.
     */
    static String fifoToken(String value) {
        if (value.length() <= MAX_FIFO_TOKEN && value.chars().allMatch(c -> c > ' ' && c < 127)) {
            return value;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The MessageStructure=json document: one text per subscriber protocol, "default" required. */
    static String perProtocol(OutboundMessage message) {
        Map<String, String> structure = new LinkedHashMap<>();
        structure.put("default", message.body());
        structure.put("email", message.readableText() == null || message.readableText().isBlank()
                ? message.body() : message.readableText());
        structure.put("sqs", message.body());
        structure.put("https", message.body());
        return Json.write(structure);
    }

    private void publishWithRetries(Topic topic, List<Outgoing> request) {
        String topicArn = names.topicArn(topic);
        Map<String, Outgoing> pending = new LinkedHashMap<>();
        for (Outgoing o : request) {
            // Our own ids: unique in the request and always within [A-Za-z0-9_-]{1,80}, whatever the message id.
            pending.put("m" + pending.size(), o);
        }
        BatchResultErrorEntry lastFailure = null;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > backoff.maxAttempts()) {
                throw new IncompleteBatchException("SNS refused " + pending.size() + " of " + request.size() + " messages for "
                        + topic.wireName() + " after " + backoff.maxAttempts() + " attempts; last error: "
                        + describe(lastFailure), pending.size());
            }
            if (attempt > 1) {
                backoff.pauseBeforeRetry(attempt - 1);
            }
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            pending.forEach((id, o) -> {
                PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
                        .id(id).message(o.payload()).messageAttributes(o.attributes());
                if (o.structured()) {
                    entry.messageStructure("json");
                }
                if (o.deduplicationId() != null) {
                    entry.messageDeduplicationId(o.deduplicationId()).messageGroupId(o.groupId());
                }
                entries.add(entry.build());
            });
            PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
            Map<String, Outgoing> failed = new LinkedHashMap<>();
            for (BatchResultErrorEntry error : response.failed()) {
                Outgoing o = pending.get(error.id());
                if (o == null) {
                    continue;
                }
                if (Boolean.TRUE.equals(error.senderFault())) {
                    throw new IllegalArgumentException("SNS refused message " + o.position() + " of this call for " + topic.wireName()
                            + ": " + describe(error));
                }
                failed.put(error.id(), o);
                lastFailure = error;
            }
            pending = failed;
        }
    }

    private static String describe(BatchResultErrorEntry error) {
        return error == null ? "none reported" : error.code() + " " + error.message();
    }

    private record Outgoing(int position, String payload, boolean structured,
                            Map<String, MessageAttributeValue> attributes, int bytes, String deduplicationId,
                            String groupId) {
    }
}
