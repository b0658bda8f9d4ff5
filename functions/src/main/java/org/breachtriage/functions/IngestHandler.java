package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.IngestManifest;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * Triggered by S3 {@code ObjectCreated} under {@code manifests/}: each manifest record (see
 * {@link S3ManifestEvents}) is handed to {@link IngestManifest}, which opens its case idempotently,
 * keeps rejects and queues batches of at most 100 rows for scoring. Which records fail the
 * invocation, and which are not retried, is {@link S3ManifestEvents#ingestEach}'s to decide.
 */
public final class IngestHandler implements RequestHandler<S3Event, IngestHandler.Summary> {
    public static final String MANIFESTS_PREFIX = S3ManifestEvents.MANIFESTS_PREFIX;
    public static final String SIDECAR_SUFFIX = S3ManifestEvents.SIDECAR_SUFFIX;

    /**
     * What one invocation did: the cases it opened or found, how many records it left alone and which
     * (their keys, and why), and how many manifests it refused as a whole.
     */
    public record Summary(List<String> caseIds, int ignored, int failedManifests, List<IgnoredRecord> ignoredRecords) {
        public Summary {
            caseIds = List.copyOf(caseIds);
            ignoredRecords = List.copyOf(ignoredRecords);
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

    /**
     * The entry point Lambda calls: for template.yaml's {@code IngestHandler::handleRequest} the Java runtime
     * picks the overload with the longest signature, as for {@link SqsFunction}. The event is read, and the
     * summary written, with the project's Jackson ({@link S3EventJson}) instead of the runtime's serialiser;
     * tests and the CLI call the typed overload.
     */
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        answer.write(Json.writeBytes(handleRequest(S3EventJson.read(event), context)));
    }

    @Override
    public Summary handleRequest(S3Event event, Context context) {
        S3ManifestEvents.Outcome outcome = S3ManifestEvents.ingestEach(event, bucket, context, "ingest", key -> {
            IngestOutcome ingested = ingest.ingest(IngestManifest.Command.of(key));
            CaseRecord c = ingested.caseRecord();
            HandlerLog.info(context, "ingest", c.caseId(), (ingested.alreadyIngested() ? "already ingested" : "ingested")
                    + " case " + c.caseId() + " (" + c.status() + ")");
            if (!ingested.alreadyIngested()) {
                // Counted once per manifest: a re-delivered event finds the case and adds nothing.
                HandlerMetrics.emit(context, "ingest", c.caseId(), Map.of(), List.of(
                        new Metric("RowsRead", c.counter(Counters.ROWS_READ)),
                        new Metric("RowsRejected", c.counter(Counters.ROWS_REJECTED))));
            }
            return c.caseId();
        });
        return new Summary(outcome.caseIds(), outcome.ignored().size(), outcome.failedManifests(), outcome.ignored());
    }
}
