package org.breachtriage.core.ports;

import java.util.Map;

/**
 * A message for a topic. {@code body} is the JSON document; {@code readableText} is what an e-mail
 * subscriber sees (SNS {@code MessageStructure=json}); {@code attributes} hold {@code eventType},
 * {@code severity}, {@code force}, {@code supplier} for subscription filter policies.
 * {@code id} is stable for the same logical message, so publishers can de-duplicate.
 *
 * @param orderKey messages with the same key are delivered in the order published where the topic
 *                 keeps order (the SNS FIFO notices topic's message group: one person's notices, so an
 *                 escalation never overtakes its initial notice); null where order does not matter
 */
public record OutboundMessage(String id, String body, String readableText, Map<String, String> attributes,
                              String orderKey) {

    public OutboundMessage {
        attributes = Map.copyOf(attributes);
    }

    /** A message with no order of its own (alerts). */
    public OutboundMessage(String id, String body, String readableText, Map<String, String> attributes) {
        this(id, body, readableText, attributes, null);
    }

    public String eventType() {
        return attributes.get("eventType");
    }
}
