package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;

/**
 * Triggered by S3 {@code ObjectCreated} under {@code manifests/}: ingests each new manifest (opens
 * its case idempotently, keeps rejects, queues batches of at most 100 rows for scoring).
 *
 * <p>S3 delivers events at least once, and the template's prefix filter is the only thing between
 * a write and this function, so each record is checked again here: only {@code ObjectCreated}
 * records for our bucket, under {@code manifests/}, and not an incident sidecar. Our own outputs
 * (under {@code reports/}, {@code rejects/}) are ignored, so a misconfigured trigger cannot loop.
 *
 * <p>A record that fails for a reason a retry may cure (a timeout, throttling) fails the invocation
 * after the other records have been handled, and Lambda's asynchronous retries re-run the event;
 * records already ingested are then found by their case id and skipped. A malformed manifest is not
 * retried: core has already marked its case FAILED and alerted on-call.
 */
public final class IngestHandler implements RequestHandler<S3Event, IngestHandler.Summary> {

    public static final String MANIFESTS_PREFIX = "manifests/";
    public static final String SIDECAR_SUFFIX = ".incident.json";

    /** What one invocation did: the cases it opened or found, and how many records it left alone. */
    public record Summary(List<String> caseIds, int ignored, int failedManifests) {
        public Summary {
            caseIds = List.copyOf(caseIds);
        }
    }

    private final FunctionWiring wiring;

    /** Used by the Lambda runtime. */
    public IngestHandler() {
        this(FunctionWiring.shared());
    }

    public IngestHandler(FunctionWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Summary handleRequest(S3Event event, Context context) {
        List<String> caseIds = new ArrayList<>();
        int ignored = 0;
        int failedManifests = 0;
        RuntimeException retryable = null;
        List<S3EventNotificationRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (S3EventNotificationRecord record : records) {
            String key = manifestKey(record);
            if (key == null) {
                ignored++;
                continue;
            }
            try {
                IngestOutcome outcome = wiring.ingestService().ingest(key, null);
                String caseId = outcome.caseRecord().caseId();
                caseIds.add(caseId);
                if (outcome.scoredNow() || outcome.alreadyIngested() && outcome.caseRecord().status() == CaseStatus.SCORED) {
                    // scoredNow: nothing to score (e.g. a manifest of rejects only), so ingest made the flip.
                    // Already ingested and still SCORED: an earlier attempt may have died before its trigger.
                    wiring.reportTrigger().send(caseId);
                }
                HandlerLog.log(context, "ingest: " + (outcome.alreadyIngested() ? "already ingested" : "ingested")
                        + " case " + caseId + " (" + outcome.caseRecord().status() + ")");
            } catch (ManifestFormatException e) {
                failedManifests++;
                // Retrying cannot fix the file; core has marked its case FAILED (if one was opened) and alerted on-call.
                HandlerLog.log(context, "ingest: manifest rejected as a whole, not retried: " + HandlerLog.describe(e));
            } catch (Exception e) {
                HandlerLog.log(context, "ingest: a manifest could not be ingested and will be retried: " + HandlerLog.describe(e));
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException("ingest failed", e);
                if (retryable == null) {
                    retryable = failure;
                } else {
                    retryable.addSuppressed(failure);
                }
            }
        }
        if (ignored > 0) {
            HandlerLog.log(context, "ingest: " + ignored + " of " + records.size() + " records ignored: only ObjectCreated under "
                    + MANIFESTS_PREFIX + " in bucket " + wiring.names().bucket() + ", sidecars excluded, are ingested");
        }
        if (retryable != null) {
            throw retryable;
        }
        return new Summary(caseIds, ignored, failedManifests);
    }

    /** The decoded key of a record to ingest, or null for a record this function must leave alone. */
    String manifestKey(S3EventNotificationRecord record) {
        if (record == null || record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")
                || record.getS3() == null || record.getS3().getObject() == null || record.getS3().getBucket() == null) {
            return null;
        }
        if (!wiring.names().bucket().equals(record.getS3().getBucket().getName())) {
            return null;
        }
        String key = decodeKey(record.getS3().getObject().getKey());
        return isManifestKey(key) ? key : null;
    }

    /** S3 event keys are URL-encoded as in a form: '+' for a space, %XX for UTF-8 bytes (and for a literal '+'). */
    public static String decodeKey(String encoded) {
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** Under manifests/, not a folder marker, and not an incident sidecar (which is read with its manifest). */
    public static boolean isManifestKey(String key) {
        return key != null && key.startsWith(MANIFESTS_PREFIX) && !key.endsWith("/") && !key.endsWith(SIDECAR_SUFFIX);
    }
}
