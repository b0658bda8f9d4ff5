package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.ports.ObjectStore;

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
 * already marked its case FAILED and alerted on-call. A manifest whose object does not exist is not
 * retryable either, but it fails the invocation (after the others are done), so that on Lambda the event
 * reaches the on-failure destination naming the key; so does an event with no {@code Records}. Every
 * record left alone is logged with its key and why.
 */
final class S3ManifestEvents {
    static final String MANIFESTS_PREFIX = "manifests/";
    static final String SIDECAR_SUFFIX = ".incident.json";

    private S3ManifestEvents() {
    }

    /** The decoded manifest keys of an event, and the records left alone. */
    record Manifests(List<String> keys, List<IgnoredRecord> ignored, int records) {
    }

    /** One manifest's work: returns the case id it opened or found. */
    @FunctionalInterface
    interface Work {
        String ingest(String key) throws Exception;
    }

    /** What the loop did: the cases opened or found, records left alone, manifests refused as a whole. */
    record Outcome(List<String> caseIds, List<IgnoredRecord> ignored, int failedManifests) {
        Outcome {
            caseIds = List.copyOf(caseIds);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Runs the work on every manifest key of the event; then throws the first retryable failure (the
     * others suppressed in it), if there was one, else an {@link UnprocessableEventException} for keys
     * whose object does not exist, if there were any.
     *
     * @throws UnprocessableEventException for an event without {@code Records}: not an S3 event
     */
    static Outcome ingestEach(S3Event event, String bucket, Context context, String function, Work work) {
        Manifests manifests = of(event, bucket);
        List<String> caseIds = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int failedManifests = 0;
        RuntimeException retryable = null;
        for (String key : manifests.keys()) {
            try {
                caseIds.add(work.ingest(key));
            } catch (ManifestFormatException e) {
                failedManifests++;
                HandlerLog.error(context, function, null, "manifest rejected as a whole, not retried: " + HandlerLog.describe(e));
            } catch (ObjectStore.ObjectNotFoundException e) {
                // Deleted (or overwritten by a delete marker) since the event was sent: no retry brings it back.
                missing.add(uri(bucket, key));
                HandlerLog.error(context, function, null, uri(bucket, key) + " does not exist; not retryable");
            } catch (Exception e) {
                HandlerLog.error(context, function, null, "a manifest could not be ingested and will be retried: "
                        + HandlerLog.describe(e));
                retryable = accumulate(retryable, e);
            }
        }
        for (IgnoredRecord ignored : manifests.ignored()) {
            HandlerLog.info(context, function, null, "ignored " + ignored.describe());
        }
        if (retryable != null) {
            throw retryable;
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableEventException("no such object: " + String.join(", ", missing)
                    + " (deleted since the event was sent?); not retryable: the event goes to the on-failure destination");
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

    /**
     * @throws UnprocessableEventException when the event has no {@code Records}: whatever it is (a
     *         test event, an SQS or EventBridge payload sent to the wrong function), it is not an S3
     *         notification, and doing nothing while saying nothing would hide the mistake
     */
    static Manifests of(S3Event event, String bucket) {
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            throw new UnprocessableEventException("not an S3 event: it has no Records");
        }
        List<S3EventNotificationRecord> records = event.getRecords();
        List<String> keys = new ArrayList<>();
        List<IgnoredRecord> ignored = new ArrayList<>();
        for (S3EventNotificationRecord record : records) {
            String why = whyIgnored(record, bucket);
            if (why == null) {
                keys.add(decodeKey(record.getS3().getObject().getKey()));
            } else {
                ignored.add(new IgnoredRecord(describeKey(record), why));
            }
        }
        return new Manifests(keys, ignored, records.size());
    }

    /** The decoded key of a record to ingest, or null for a record the function must leave alone. */
    static String manifestKey(S3EventNotificationRecord record, String bucket) {
        return whyIgnored(record, bucket) == null ? decodeKey(record.getS3().getObject().getKey()) : null;
    }

    /** Why the function leaves a record alone, or null when it is a manifest to ingest. */
    static String whyIgnored(S3EventNotificationRecord record, String bucket) {
        if (record == null || record.getS3() == null || record.getS3().getObject() == null
                || record.getS3().getBucket() == null || record.getS3().getObject().getKey() == null) {
            return "not an S3 object record (no bucket or key)";
        }
        if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
            return "the event is " + record.getEventName() + "; only ObjectCreated events are ingested";
        }
        if (!bucket.equals(record.getS3().getBucket().getName())) {
            return "not this deployment's bucket (" + bucket + ")";
        }
        return whyKeyIgnored(decodeKey(record.getS3().getObject().getKey()));
    }

    /** Why a decoded key is no manifest to ingest, or null when it is one. */
    static String whyKeyIgnored(String key) {
        if (OWN_OUTPUTS.stream().anyMatch(key::startsWith)) {
            return "one of triage's own outputs; only keys under " + MANIFESTS_PREFIX + " are manifests";
        }
        if (!key.startsWith(MANIFESTS_PREFIX)) {
            return "outside " + MANIFESTS_PREFIX + "; only keys under it are manifests";
        }
        if (key.endsWith("/")) {
            return "a folder marker, not a file";
        }
        if (key.endsWith(SIDECAR_SUFFIX)) {
            return "an incident sidecar; it is read with its manifest";
        }
        return null;
    }

    /** The prefixes triage writes to itself: an event for one of them must never start an ingest (a loop). */
    private static final List<String> OWN_OUTPUTS =
            List.of(ReportService.REPORTS_PREFIX, ReportService.REJECTS_PREFIX, Letters.PREFIX);

    private static String describeKey(S3EventNotificationRecord record) {
        if (record == null || record.getS3() == null || record.getS3().getObject() == null
                || record.getS3().getObject().getKey() == null) {
            return "(a record with no key)";
        }
        String bucket = record.getS3().getBucket() == null ? "?" : record.getS3().getBucket().getName();
        return uri(bucket, decodeKey(record.getS3().getObject().getKey()));
    }

    static String uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** S3 event keys are URL-encoded as in a form: '+' for a space, %XX for UTF-8 bytes (and for a literal '+'). */
    static String decodeKey(String encoded) {
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** Under manifests/, not a folder marker, and not an incident sidecar (which is read with its manifest). */
    static boolean isManifestKey(String key) {
        return key != null && whyKeyIgnored(key) == null;
    }
}
