package org.breachtriage.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;

/**
 * Run in a separate JVM by {@link StateObjectStoreTest}, and killed there part-way: what a release does
 * to the state dir, round after round (letters put, then one publish of their notices), forever.
 */
public final class LetterRounds {
    static final String INCIDENT = "IN-0123456789abcdef";

    private LetterRounds() {
    }

    static String noticeId(int n) {
        return INCIDENT + "-notice-MP" + String.format("%06d", n) + "-initial-HIGH";
    }

    static byte[] letterOf(int n) {
        return ("Dear officer " + n + ",\n" + "what leaked, and what we will do.\n".repeat(40))
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedState state = EmbeddedState.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            for (int n = 0; ; ) {
                List<OutboundMessage> round = new ArrayList<>();
                for (int i = 0; i < 25; i++, n++) {
                    String key = Letters.noticeKey(INCIDENT, noticeId(n));
                    state.objectStore().put(key, letterOf(n), Letters.CONTENT_TYPE, Map.of());
                    round.add(new OutboundMessage(noticeId(n), "{\"letterKey\":\"" + key + "\"}", "notice",
                            Map.of("eventType", "person.notice")));
                }
                state.publisher().publish(Topic.NOTICES, round);
            }
        }
    }
}
