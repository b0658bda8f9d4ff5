package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.aws.RequestPriming;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.SeverityScorer;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda snapshots the JVM once the function's version is published; whatever
 * ran before the snapshot (class loading, JIT of the first paths, building SDK clients) is not paid
 * again on a cold start. Before the checkpoint this builds every client and sends one request of each
 * kind the adapters send through canned copies of them ({@link RequestPriming}: marshalled, signed with
 * fake credentials, answered from a canned body and unmarshalled), reads and answers a made-up SQS event
 * as Lambda hands it over ({@link SqsEventJson}), scores a made-up person and round-trips a row batch and
 * a report request through Jackson. No network call: a checkpoint that throws fails the deployment, and
 * credentials are not resolved, so none are cached into the snapshot.
 */
final class Priming implements Resource {

    /** The CRaC context holds resources weakly; this keeps ours alive. */
    private static volatile Priming registered;

    private final FunctionWiring wiring;
    private final AtomicInteger primed = new AtomicInteger();
    private volatile RequestPriming.Report requests = new RequestPriming.Report(List.of());

    Priming(FunctionWiring wiring) {
        this.wiring = wiring;
    }

    static synchronized void register(FunctionWiring wiring) {
        if (registered == null) {
            registered = new Priming(wiring);
            Core.getGlobalContext().register(registered);
        }
    }

    /** Times {@link #prime()} has run, for tests. */
    int timesPrimed() {
        return primed.get();
    }

    /** The requests the last priming answered from canned bodies, for tests. */
    RequestPriming.Report requests() {
        return requests;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the clients resolve credentials and open connections on first use.
    }

    /** Warms what every event needs; each step is independent and none may fail the checkpoint. */
    void prime() {
        touch(() -> requests = RequestPriming.prime(wiring.clients(), wiring.names()));
        touch(Priming::roundTripAnSqsEvent);
        touch(() -> {
            RowBatch sample = sampleBatch();
            RowBatch back = Json.read(Json.write(sample), RowBatch.class);
            new SeverityScorer(wiring.pipeline().settings().policy()).assess(new ScoringInput(back.rows().get(0).exposedFields(), null,
                    back.rows().get(0).rank(), back.rows().get(0).vettingLevel(), back.incident()));
        });
        touch(() -> SqsReportRequests.caseIdFrom(SqsReportRequests.body("BT-0000000000000000")));
        touch(() -> URLDecoder.decode("manifests/priming+key%C3%BB.csv", StandardCharsets.UTF_8));
        primed.incrementAndGet();
    }

    /** The score, release and report functions' entry point reads an SQS event and writes a batch response. */
    private static void roundTripAnSqsEvent() {
        String event = "{\"Records\":[{\"messageId\":\"priming\",\"receiptHandle\":\"priming\",\"body\":"
                + Json.write(Json.write(sampleBatch())) + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                + "\"messageAttributes\":{},\"md5OfBody\":\"\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"arn:aws:sqs:eu-west-2:000000000000:priming\",\"awsRegion\":\"eu-west-2\"}]}";
        try {
            SQSEvent read = SqsEventJson.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
            RowBatchMessages.parse(read.getRecords().get(0).getBody());
            SqsEventJson.write(new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("priming"))),
                    new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // Priming only saves time on the first event; that event will meet the problem for real.
            HandlerLog.error(null, "priming", null, "priming step skipped: " + HandlerLog.describe(e));
        }
    }

    /** A made-up batch with no real person in it. */
    static RowBatch sampleBatch() {
        IncidentMetadata incident = new IncidentMetadata("Priming Supplier", "PRIMING", Instant.EPOCH, true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE,
                EnumSet.of(DataCategory.NAME, DataCategory.PAY_NUMBER), List.of());
        ManifestRow row = new ManifestRow(1, "PRIME0001", EnumSet.of(DataCategory.NAME, DataCategory.RANK,
                DataCategory.PHOTO, DataCategory.PAY_NUMBER), "Example", "Sample", "Constable", "NPPV2A");
        return new RowBatch("BT-0000000000000000", "IN-0000000000000000", 0, incident, List.of(row));
    }
}
