package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.pipeline.IngestManifest;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * Triggered by S3 {@code ObjectCreated} under {@code manifests/}: each manifest record (see
 * {@link S3ManifestEvents}) is handed to {@link IngestManifest}, which opens its case idempotently,
 * keeps rejects and queues batches of at most 100 rows for scoring.
 *
 * <p>A record that fails for a reason a retry may cure (a timeout, throttling) fails the invocation
 * after the other records have been handled, and Lambda's asynchronous retries re-run the event;
 * records already ingested are then found by their case id. A malformed manifest is not retried:
 * core has already marked its case FAILED and alerted on-call.
 */
public final class IngestHandler implements RequestHandler<S3Event, IngestHandler.Summary> {
    public static final String MANIFESTS_PREFIX = S3ManifestEvents.MANIFESTS_PREFIX;
    public static final String SIDECAR_SUFFIX = S3ManifestEvents.SIDECAR_SUFFIX;

    /** What one invocation did: the cases it opened or found, and how many records it left alone. */
    public record Summary(List<String> caseIds, int ignored, int failedManifests) {
        public Summary {
            caseIds = List.copyOf(caseIds);
        }
    }

    private final IngestManifest ingest;
    private final String bucket;

    /** Used by the Lambda runtime. */
    public IngestHandler() {
        this(FunctionWiring.shared());
    }

    public IngestHandler(FunctionWiring wiring) {
        this(wiring.pipeline().ingest(), wiring.names().bucket());
    }

    public IngestHandler(IngestManifest ingest, String bucket) {
        this.ingest = ingest;
        this.bucket = bucket;
    }

    @Override
    public Summary handleRequest(S3Event event, Context context) {
        S3ManifestEvents.Manifests manifests = S3ManifestEvents.of(event, bucket);
        List<String> caseIds = new ArrayList<>();
        int failedManifests = 0;
        RuntimeException retryable = null;
        for (String key : manifests.keys()) {
            try {
                IngestOutcome outcome = ingest.ingest(IngestManifest.Command.of(key));
                CaseRecord c = outcome.caseRecord();
                caseIds.add(c.caseId());
                HandlerLog.info(context, "ingest", c.caseId(), (outcome.alreadyIngested() ? "already ingested" : "ingested")
                        + " case " + c.caseId() + " (" + c.status() + ")");
                if (!outcome.alreadyIngested()) {
                    // Counted once per manifest: a re-delivered event finds the case and adds nothing.
                    HandlerMetrics.emit(context, "ingest", c.caseId(), Map.of(), List.of(
                            new Metric("RowsRead", c.counter(Counters.ROWS_READ)),
                            new Metric("RowsRejected", c.counter(Counters.ROWS_REJECTED))));
                }
            } catch (ManifestFormatException e) {
                failedManifests++;
                HandlerLog.error(context, "ingest", null, "manifest rejected as a whole, not retried: " + HandlerLog.describe(e));
            } catch (Exception e) {
                HandlerLog.error(context, "ingest", null, "a manifest could not be ingested and will be retried: " + HandlerLog.describe(e));
                retryable = accumulate(retryable, e);
            }
        }
        if (manifests.ignored() > 0) {
            HandlerLog.info(context, "ingest", null, manifests.ignored() + " of " + manifests.records() + " records ignored: "
                    + "only ObjectCreated under " + MANIFESTS_PREFIX + " in bucket " + bucket + ", sidecars excluded, are ingested");
        }
        if (retryable != null) {
            throw retryable;
        }
        return new Summary(caseIds, manifests.ignored(), failedManifests);
    }

    private static RuntimeException accumulate(RuntimeException first, Exception next) {
        RuntimeException failure = next instanceof RuntimeException r ? r : new IllegalStateException("ingest failed", next);
        if (first == null) {
            return failure;
        }
        first.addSuppressed(failure);
        return first;
    }
}
