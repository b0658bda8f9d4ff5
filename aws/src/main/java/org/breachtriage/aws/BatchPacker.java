package org.breachtriage.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits entries into requests of at most {@code maxEntries} entries and {@code maxBytes} in all:
 * SQS SendMessageBatch and SNS PublishBatch both cap a request at 10 entries and 256 KiB of payload.
 */
final class BatchPacker {
    private BatchPacker() {
    }

    static <T> List<List<T>> pack(List<T> entries, int maxEntries, int maxBytes, ToIntFunction<T> size) {
        List<List<T>> requests = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long currentBytes = 0;
        for (T entry : entries) {
            int bytes = size.applyAsInt(entry);
            if (!current.isEmpty() && (current.size() == maxEntries || currentBytes + bytes > maxBytes)) {
                requests.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(entry);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }
}
