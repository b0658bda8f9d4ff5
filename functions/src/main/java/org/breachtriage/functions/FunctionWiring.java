package org.breachtriage.functions;

import org.breachtriage.aws.AwsAdapters;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;

/**
 * The clients, adapters and pipeline the handlers share, built once per JVM: a Lambda execution
 * environment handles many events, and SnapStart snapshots the JVM after this is built, so no event
 * pays for building clients or parsing the policy.
 *
 * <p>Configuration is the environment the SAM template sets: resource names from
 * {@link ResourceNames#fromEnvironment()} ({@code TRIAGE_BUCKET}, {@code TRIAGE_STAFF_TABLE}, …),
 * the force from {@code TRIAGE_FORCE}, and region, credentials and endpoints from the standard AWS
 * variables. Tests and the CLI build their own instance with
 * {@link #FunctionWiring(AwsClients, ResourceNames, PipelineSettings)}.
 */
public final class FunctionWiring {

    /** Lazy holder: the first handler instance in a JVM builds it; SnapStart priming is registered with it. */
    private static final class Shared {
        static final FunctionWiring INSTANCE = build();

        private static FunctionWiring build() {
            FunctionWiring wiring = fromEnvironment();
            Priming.register(wiring);
            return wiring;
        }
    }

    private final AwsClients clients;
    private final ResourceNames names;
    private final PipelineAdapters adapters;
    private final Pipeline pipeline;

    public FunctionWiring(AwsClients clients, ResourceNames names, PipelineSettings settings) {
        this.clients = clients;
        this.names = names;
        this.adapters = AwsAdapters.create(clients, names);
        this.pipeline = new Pipeline(adapters, settings);
    }

    /** The JVM-wide wiring the handlers' no-argument constructors use (the Lambda runtime calls those). */
    public static FunctionWiring shared() {
        return Shared.INSTANCE;
    }

    /** Shared clients, names and settings from the environment. */
    public static FunctionWiring fromEnvironment() {
        return new FunctionWiring(AwsClients.shared(), ResourceNames.fromEnvironment(), PipelineSettings.fromEnvironment());
    }

    public AwsClients clients() {
        return clients;
    }

    public ResourceNames names() {
        return names;
    }

    public PipelineAdapters adapters() {
        return adapters;
    }

    public Pipeline pipeline() {
        return pipeline;
    }
}
