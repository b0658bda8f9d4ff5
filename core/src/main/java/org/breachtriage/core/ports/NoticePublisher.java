package org.breachtriage.core.ports;

import java.util.List;

/** Publishes to the alerts and notices topics (SNS PublishBatch on AWS, JSON Lines files locally). */
public interface NoticePublisher {

    /** Publishes all the messages or throws; the AWS adapter sends at most 10 per request. */
    void publish(Topic topic, List<OutboundMessage> messages);
}
