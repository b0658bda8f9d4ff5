package org.breachtriage.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;

/**
 * Adapters whose SDK client is built when a call first needs it. Why: every handler shares one
 * {@link AwsAdapters} set, but the score function never reads S3 on most events and the ingest function
 * never publishes, and loading a service's client costs hundreds of classes (the JVM's verifier loads
 * every request type the client names) and tens of milliseconds on a cold start. SnapStart priming
 * builds them all before the snapshot anyway.
 */
final class OnFirstUse {
    private OnFirstUse() {
    }

    static final class Objects implements ObjectStore {
        private final Once<ObjectStore> store;

        Objects(Supplier<ObjectStore> factory) {
            this.store = new Once<>(factory);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return store.get().open(key);
        }

        @Override
        public Optional<ObjectInfo> head(String key) throws IOException {
            return store.get().head(key);
        }

        @Override
        public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
            store.get().put(key, content, contentType, metadata);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            return store.get().list(prefix);
        }
    }

    static final class Publisher implements NoticePublisher {
        private final Once<NoticePublisher> publisher;

        Publisher(Supplier<NoticePublisher> factory) {
            this.publisher = new Once<>(factory);
        }

        @Override
        public void publish(Topic topic, List<OutboundMessage> messages) {
            publisher.get().publish(topic, messages);
        }
    }
}
