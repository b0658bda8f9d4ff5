package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
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
        assertTrue(result.summary().rows().rejected() > 0, "the manifest had rows to reject");
        assertTrue(result.summary().persons().unmatched() > 0, "the manifest had leavers");
        assertTrue(result.notices() > 0, "someone had to be told");
    }
}
