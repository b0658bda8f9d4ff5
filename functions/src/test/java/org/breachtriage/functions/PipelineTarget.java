package org.breachtriage.functions;

import java.time.Clock;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.sandbox.SandboxResources;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * Where a pipeline scenario runs: endpoints and credentials, the resources as created (same names,
 * keys, subscriptions and filters as template.yaml), and the two inspection queues that stand for
 * subscribers (notices unfiltered, alerts with the Federation filter).
 *
 * @param harness clients for the test's own calls (uploads, draining queues as Lambda's event
 *                sources would); not counted
 */
record PipelineTarget(String label, AwsSettings settings, AwsClients harness, SandboxResources.Created resources) {

    static final String FORCE = "Metropolitan Police Service";

    ResourceNames names() {
        return resources.names();
    }

    /** What a deployed function would build, on clients of its own whose every request these counters see. */
    FunctionWiring wiring(RequestCounter... counters) {
        return new FunctionWiring(new AwsClients(settings.withInterceptors(counters)), names(),
                new PipelineSettings(ScoringPolicy.loadDefault(), FORCE, Clock.systemUTC()));
    }
}
