package org.breachtriage.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;

/** A {@link NoticePublisher} that keeps what it was given, topic by topic, for assertions. */
public final class RecordingPublisher implements NoticePublisher {
    public record Published(Topic topic, OutboundMessage message) {
    }

    private final List<Published> published = new ArrayList<>();

    @Override
    public synchronized void publish(Topic topic, List<OutboundMessage> messages) {
        messages.forEach(m -> published.add(new Published(topic, m)));
    }

    public synchronized List<OutboundMessage> on(Topic topic) {
        return published.stream().filter(p -> p.topic() == topic).map(Published::message).toList();
    }

    /** Event types published to the alerts topic, in order. */
    public synchronized List<String> alertTypes() {
        return on(Topic.ALERTS).stream().map(OutboundMessage::eventType).toList();
    }

    public synchronized void clear() {
        published.clear();
    }

    public synchronized List<Published> all() {
        return new ArrayList<>(published);
    }
}
