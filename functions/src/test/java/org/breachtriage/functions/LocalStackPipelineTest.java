package org.breachtriage.functions;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.sandbox.SandboxResources;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@link PipelineScenario} on LocalStack in Docker, where there is a Docker engine: the same
 * scenario as {@link FullPipelineTest}, so what passes on the no-Docker emulators is checked on a
 * second, independent implementation of the AWS APIs. The image is pinned to the last LocalStack
 * tag that needs no auth token. Without Docker the test is skipped, and says why.
 */
class LocalStackPipelineTest {

    static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:4.14.0");

    @Test
    void theFullPipelineScenarioPassesOnLocalStack() throws Exception {
        String skipped = "Docker is not available: LocalStack pipeline test skipped "
                + "(the same scenario ran against fauxqs + dynalite in FullPipelineTest)";
        if (!dockerAvailable()) {
            System.out.println("LocalStackPipelineTest: " + skipped); // on the console too, not only in the report
        }
        Assumptions.assumeTrue(dockerAvailable(), skipped);
        try (LocalStackContainer localstack = new LocalStackContainer(LOCALSTACK).withServices("s3", "sqs", "sns", "dynamodb")) {
            localstack.start();
            AwsSettings settings = settingsFor(localstack);
            try (AwsClients harness = new AwsClients(settings)) {
                SandboxResources.Created created = new SandboxResources(harness)
                        .create(ResourceNames.sandboxDefaults(settings.region().id()));
                PipelineTarget target = new PipelineTarget("LocalStack 4.14.0", settings, harness, created);

                PipelineScenario.Result result = new PipelineScenario(target, PipelineScenario.Spec.fullPipeline()).run();

                System.out.print(RequestTable.render("full pipeline on LocalStack 4.14.0", result));
                RequestTable.assertDesignBounds(result);
            }
        }
    }

    private static AwsSettings settingsFor(LocalStackContainer localstack) {
        URI endpoint = localstack.getEndpoint();
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            endpoints.put(service, endpoint);
        }
        return new AwsSettings(Region.of(localstack.getRegion()), endpoints,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())),
                List.of());
    }

    /** Testcontainers' own probe; any failure to find an engine means "no Docker". */
    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
