package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.pipeline.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline on the no-Docker emulators (fauxqs for S3, SQS and SNS; dynalite for
 * DynamoDB), through the three handlers, with the resources, subscriptions and filter policy the SAM
 * template declares. {@link LocalStackPipelineTest} runs the same {@link PipelineScenario} on
 * LocalStack where Docker is available.
 */
@ExtendWith(EmulatorStackExtension.class)
class FullPipelineTest {
    /**
     * Notices the full-pipeline manifest publishes before anyone approves: the default policy releases
     * MEDIUM's information notices at once (215 people), and HIGH's and VERY_HIGH's (45 + 16) wait.
     */
    private static final int FULL_PIPELINE_NOTICES = 215;

    private final EmulatorStack stack;

    FullPipelineTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void aManifestGoesFromUploadToNoticesAndTheFederationSummaryOnceEvenWhenEverythingIsDeliveredTwice() throws Exception {
        PipelineTarget target = new PipelineTarget("emulators", stack.settings(), stack.clients(), stack.resources());

        PipelineScenario.Result result = new PipelineScenario(target, PipelineScenario.Spec.fullPipeline()).run();

        System.out.print(RequestTable.render("full pipeline on fauxqs + dynalite", result));
        RequestTable.assertDesignBounds(result);
        // The scenario checked every figure against its own reading of the generated manifest and an
        // independent rescoring of every person; these pin what that manifest is (roster seed 20230826,
        // selection seed 11: 300 rows, 12 of them planted invalid, 6 leavers), so a generator change shows.
        assertEquals(new RunSummary.Rows(300, 288, 12), result.summary().rows());
        assertEquals(new RunSummary.Persons(287, 281, 6), result.summary().persons());
        assertEquals(SampleGoldens.bands(11, 215, 45, 16), result.summary().bands());
        assertEquals(FULL_PIPELINE_NOTICES, result.notices(), "the people assessed MEDIUM, each told once, at once");
    }
}
