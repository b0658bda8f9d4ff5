package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PrimingTest {

    /** Endpoints nobody listens on: priming must not need them, since a checkpoint that fails fails the deployment. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void primingBuildsEverythingWithoutAnyRequestOrFailure() {
        RequestCounter counter = new RequestCounter();
        AwsSettings settings = AwsSettings.forEmulators(Region.EU_WEST_2, NOWHERE, NOWHERE).withInterceptors(counter);
        try (AwsClients clients = new AwsClients(settings)) {
            FunctionWiring wiring = new FunctionWiring(clients, ResourceNames.sandboxDefaults("eu-west-2"),
                    new PipelineSettings(ScoringPolicy.loadDefault(), PipelineTarget.FORCE, Clock.systemUTC()));
            Priming priming = new Priming(wiring);
            PrintStream original = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                priming.beforeCheckpoint(null);
                priming.afterRestore(null);
            } finally {
                System.setOut(original);
            }

            assertEquals(1, priming.timesPrimed());
            assertEquals("", out.toString(StandardCharsets.UTF_8), "no priming step was skipped");
            assertTrue(counter.snapshot().isEmpty(), "priming made requests: " + counter.snapshot());
        }
    }

    @Test
    void theSampleBatchSurvivesJsonAsTheQueueCarriesIt() {
        RowBatch sample = Priming.sampleBatch();
        assertEquals(sample, Json.read(Json.write(sample), RowBatch.class));
        assertEquals("BT-0000000000000000", SqsReportRequests.caseIdFrom(SqsReportRequests.body(sample.caseId())));
    }
}
