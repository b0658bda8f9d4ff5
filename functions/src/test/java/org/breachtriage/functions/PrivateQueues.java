package org.breachtriage.functions;

import java.time.Clock;
import java.util.UUID;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * A wiring on the emulators whose batch and report queues are the test's own, so what a handler test
 * queues never reaches another test's scorer. Bucket, tables and topics are the shared sandbox ones.
 */
final class PrivateQueues implements AutoCloseable {
    final EmulatorStack stack;
    final RequestCounter counter = new RequestCounter();
    final ResourceNames names;
    final FunctionWiring wiring;

    PrivateQueues(EmulatorStack stack) {
        this.stack = stack;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String batches = stack.clients().sqs().createQueue(b -> b.queueName("test-batches-" + suffix)).queueUrl();
        String reports = stack.clients().sqs().createQueue(b -> b.queueName("test-reports-" + suffix)).queueUrl();
        String releases = stack.clients().sqs().createQueue(b -> b.queueName("test-releases-" + suffix)).queueUrl();
        this.names = stack.names().withQueuesAndTopics(batches, reports, releases, stack.names().alertsTopicArn(),
                stack.names().noticesTopicArn());
        this.wiring = new FunctionWiring(new AwsClients(stack.settings().withInterceptors(counter)), names,
                new PipelineSettings(ScoringPolicy.loadDefault(), PipelineTarget.FORCE, Clock.systemUTC()));
    }

    LambdaHarness harness() {
        return new LambdaHarness(stack.clients());
    }

    @Override
    public void close() {
        wiring.clients().close();
        stack.clients().sqs().deleteQueue(b -> b.queueUrl(names.batchQueueUrl()));
        stack.clients().sqs().deleteQueue(b -> b.queueUrl(names.reportQueueUrl()));
        stack.clients().sqs().deleteQueue(b -> b.queueUrl(names.releaseQueueUrl()));
    }
}
