package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * tag that needs no auth token. Without Docker the test is skipped, and says why; any other
 * trouble fails it (see {@link #requireDockerOrSkip}).
 */
class LocalStackPipelineTest {

    static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:4.14.0");

    /** {@code -Dtriage.requireDocker=true}: on a machine that has Docker, a skip would hide a broken setup. */
    static final String REQUIRE_DOCKER = "triage.requireDocker";

    @Test
    void theFullPipelineScenarioPassesOnLocalStack() throws Exception {
        requireDockerOrSkip();
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

    /**
     * Skips only when nothing on this machine points at a Docker engine ({@link DockerEndpoint}), and
     * says why; with {@value #REQUIRE_DOCKER} set, that is a failure too. Where an engine is configured,
     * Testcontainers must reach it: anything else (a dead socket, no permission, an API it cannot
     * speak) fails the test instead of passing for a skip.
     */
    private static void requireDockerOrSkip() {
        Optional<String> endpoint = DockerEndpoint.find();
        if (endpoint.isEmpty()) {
            String why = "no Docker engine on this machine (DOCKER_HOST unset, no docker.host in"
                    + " ~/.testcontainers.properties, no Docker socket at any of "
                    + DockerEndpoint.candidates(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/"))
                    + ")";
            if (Boolean.getBoolean(REQUIRE_DOCKER)) {
                fail("-D" + REQUIRE_DOCKER + "=true, but " + why);
            }
            String skipped = why + ": LocalStack pipeline test skipped (the same scenario ran against fauxqs + dynalite"
                    + " in FullPipelineTest); -D" + REQUIRE_DOCKER + "=true makes this a failure";
            System.out.println("LocalStackPipelineTest: " + skipped); // on the console too, not only in the report
            Assumptions.abort(skipped);
        }
        assertTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is configured here (" + endpoint.get()
                + ") but Testcontainers cannot reach it; see Testcontainers' log above for each strategy it tried");
    }
}
