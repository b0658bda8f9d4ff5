package org.breachtriage.core.ports;

import java.util.Map;

/**
 * A message for a topic. {@code body} is the JSON document; {@code readableText} is what an e-mail
 * subscriber sees (SNS {@code MessageStructure=json}); {@code attributes} hold {@code eventType},
 * {@code severity}, {@code force}, {@code supplier} for subscription filter policies.
 * {@code id} is stable for the same logical message, so publishers can de-duplicate.
 */
public record OutboundMessage(String id, String body, String readableText, Map<String, String> attributes) {

    public OutboundMessage {
        attributes = Map.copyOf(attributes);
    }

    public String eventType() {
        return attributes.get("eventType");
    }
}
