package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which records of an S3 event are manifests to ingest. S3 delivers events at least once, and the
 * template's prefix filter is the only thing between a write and the function, so each record is
 * checked again: only {@code ObjectCreated} records for our bucket, under {@code manifests/}, and not
 * an incident sidecar. Our own outputs (under {@code reports/}, {@code rejects/}) are ignored, so a
 * misconfigured trigger cannot loop.
 */
final class S3ManifestEvents {
    static final String MANIFESTS_PREFIX = "manifests/";
    static final String SIDECAR_SUFFIX = ".incident.json";

    private S3ManifestEvents() {
    }

    /** The decoded manifest keys of an event, and how many records were left alone. */
    record Manifests(List<String> keys, int ignored, int records) {
    }

    static Manifests of(S3Event event, String bucket) {
        List<S3EventNotificationRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<String> keys = new ArrayList<>();
        for (S3EventNotificationRecord record : records) {
            String key = manifestKey(record, bucket);
            if (key != null) {
                keys.add(key);
            }
        }
        return new Manifests(keys, records.size() - keys.size(), records.size());
    }

    /** The decoded key of a record to ingest, or null for a record the function must leave alone. */
    static String manifestKey(S3EventNotificationRecord record, String bucket) {
        if (record == null || record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")
                || record.getS3() == null || record.getS3().getObject() == null || record.getS3().getBucket() == null) {
            return null;
        }
        if (!bucket.equals(record.getS3().getBucket().getName())) {
            return null;
        }
        String key = decodeKey(record.getS3().getObject().getKey());
        return isManifestKey(key) ? key : null;
    }

    /** S3 event keys are URL-encoded as in a form: '+' for a space, %XX for UTF-8 bytes (and for a literal '+'). */
    static String decodeKey(String encoded) {
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** Under manifests/, not a folder marker, and not an incident sidecar (which is read with its manifest). */
    static boolean isManifestKey(String key) {
        return key != null && key.startsWith(MANIFESTS_PREFIX) && !key.endsWith("/") && !key.endsWith(SIDECAR_SUFFIX);
    }
}
