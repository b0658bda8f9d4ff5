package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.manifest.ManifestFormatException;

/**
 * Which records of an S3 event are manifests to ingest. S3 delivers events at least once, and the
 * template's prefix filter is the only thing between a write and the function, so each record is
 * checked again: only {@code ObjectCreated} records for our bucket, under {@code manifests/}, and not
 * an incident sidecar. Our own outputs (under {@code reports/}, {@code rejects/}) are ignored, so a
 * misconfigured trigger cannot loop.
 *
 * <p>{@link #ingestEach} is the ingest function's per-record failure loop, in one place: a record that
 * fails for a reason a retry may cure (a timeout, throttling) fails the invocation after the other
 * records have been handled, so Lambda's asynchronous retries re-run the event and the records
 * already ingested are found again by their case id. A malformed manifest is not retried: core has
 * already marked its case FAILED and alerted on-call.
 */
final class S3ManifestEvents {
    static final String MANIFESTS_PREFIX = "manifests/";
    static final String SIDECAR_SUFFIX = ".incident.json";

    private S3ManifestEvents() {
    }

    /** The decoded manifest keys of an event, and how many records were left alone. */
    record Manifests(List<String> keys, int ignored, int records) {
    }

    /** One manifest's work: returns the case id it opened or found. */
    @FunctionalInterface
    interface Work {
        String ingest(String key) throws Exception;
    }

    /** What the loop did: the cases opened or found, records left alone, manifests refused as a whole. */
    record Outcome(List<String> caseIds, int ignored, int failedManifests) {
        Outcome {
            caseIds = List.copyOf(caseIds);
        }
    }

    /**
     * Runs the work on every manifest key of the event; then throws the first retryable failure (the
     * others suppressed in it), if there was one.
     */
    static Outcome ingestEach(S3Event event, String bucket, Context context, String function, Work work) {
        Manifests manifests = of(event, bucket);
        List<String> caseIds = new ArrayList<>();
        int failedManifests = 0;
        RuntimeException retryable = null;
        for (String key : manifests.keys()) {
            try {
                caseIds.add(work.ingest(key));
            } catch (ManifestFormatException e) {
                failedManifests++;
                HandlerLog.error(context, function, null, "manifest rejected as a whole, not retried: " + HandlerLog.describe(e));
            } catch (Exception e) {
                HandlerLog.error(context, function, null, "a manifest could not be ingested and will be retried: "
                        + HandlerLog.describe(e));
                retryable = accumulate(retryable, e);
            }
        }
        if (manifests.ignored() > 0) {
            HandlerLog.info(context, function, null, manifests.ignored() + " of " + manifests.records() + " records ignored: "
                    + "only ObjectCreated under " + MANIFESTS_PREFIX + " in bucket " + bucket + ", sidecars excluded, are ingested");
        }
        if (retryable != null) {
            throw retryable;
        }
        return new Outcome(caseIds, manifests.ignored(), failedManifests);
    }

    private static RuntimeException accumulate(RuntimeException first, Exception next) {
        RuntimeException failure = next instanceof RuntimeException r ? r : new IllegalStateException("ingest failed", next);
        if (first == null) {
            return failure;
        }
        first.addSuppressed(failure);
        return first;
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
