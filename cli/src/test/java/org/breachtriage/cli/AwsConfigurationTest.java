package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code --aws} finds region, credentials, endpoints and names: {@code --region}, {@code --profile},
 * {@code --service-endpoint} and {@code AWS_ENDPOINT_URL_*}, {@code --stack} through them; and with
 * nothing configured, one line saying what to set, without a request to the instance-metadata address
 * (the SDK's endpoint for it points at a recorder here).
 */
@ExtendWith(EmulatorStackExtension.class)
class AwsConfigurationTest {
    private final EmulatorStack stack;
    private final List<String> metadataRequests = new CopyOnWriteArrayList<>();
    private final List<String> cloudFormationRequests = new CopyOnWriteArrayList<>();
    private HttpServer metadata;
    private HttpServer cloudFormation;

    @TempDir
    Path tmp;

    AwsConfigurationTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void startRecorders() throws IOException {
        metadata = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/", exchange -> {
            metadataRequests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        metadata.start();
        System.setProperty("aws.ec2MetadataServiceEndpoint", "http://127.0.0.1:" + metadata.getAddress().getPort());
        cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/", exchange -> {
            cloudFormationRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = describeStacks(stack.names()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stopRecorders() {
        System.clearProperty("aws.ec2MetadataServiceEndpoint");
        metadata.stop(0);
        cloudFormation.stop(0);
    }

    record Result(int exit, String out, String err) {
    }

    /** No AWS variable at all, AWS config files that do not exist, and a state folder with no sandbox. */
    private Map<String, String> bareEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("TRIAGE_HOME", tmp.resolve("state").toString());
        env.put("AWS_CONFIG_FILE", tmp.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-credentials").toString());
        return env;
    }

    private Result triage(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String cloudFormationUrl() {
        return "http://127.0.0.1:" + cloudFormation.getAddress().getPort();
    }

    @Test
    void withNothingConfiguredOneLineSaysWhatToSetAndNothingAsksTheMetadataAddress() {
        Result noRegion = triage(bareEnvironment(), "--aws", "cases");
        assertEquals(ExitCodes.FAILURE, noRegion.exit());
        assertEquals(1, noRegion.err().strip().lines().count(), "one line: " + noRegion.err());
        assertTrue(noRegion.err().startsWith("triage: no AWS region is configured: start the sandbox"), noRegion.err());
        assertTrue(noRegion.err().contains("--region") && noRegion.err().contains("AWS_PROFILE"), noRegion.err());

        Result noCredentials = triage(bareEnvironment(), "--aws", "--region", "eu-west-2", "cases");
        assertEquals(ExitCodes.FAILURE, noCredentials.exit());
        assertTrue(noCredentials.err().startsWith("triage: no AWS credentials are configured"), noCredentials.err());

        Result noProfile = triage(bareEnvironment(), "--aws", "--region", "eu-west-2", "--profile", "prod", "cases");
        assertEquals(ExitCodes.FAILURE, noProfile.exit());
        assertTrue(noProfile.err().startsWith("triage: no profile 'prod' in "), noProfile.err());

        assertEquals(List.of(), metadataRequests, "no request went to the instance-metadata address");
    }

    @Test
    void profileRegionAndPerServiceEndpointFlagsAreUsed() throws IOException {
        Path config = tmp.resolve("config");
        Files.writeString(config, "[profile sandbox]\nregion = " + stack.state().region() + "\n"
                + "aws_access_key_id = from-profile\naws_secret_access_key = from-profile\n");
        Map<String, String> env = bareEnvironment();
        env.put("AWS_CONFIG_FILE", config.toString());
        env.putAll(stack.names().toEnvironment());
        String[] args = {"--aws", "--profile", "sandbox", "cases"};
        List<String> all = new java.util.ArrayList<>(List.of(args));
        for (AwsService service : AwsService.values()) {
            all.add(0, "--service-endpoint");
            all.add(1, service.name().toLowerCase() + "=" + stack.settings().endpoints().get(service));
        }
        Result cases = triage(env, all.toArray(String[]::new));
        assertEquals(0, cases.exit(), all + "\n" + cases.out() + cases.err());
        assertEquals(List.of(), metadataRequests);

        // What those flags resolved to: the profile's region and keys, each service's own endpoint.
        try {
            Settings.reset();
            Settings.environment = env;
            Settings.profile = "sandbox";
            Settings.serviceEndpoints = Map.of("S3", "http://127.0.0.1:9001", "DYNAMODB", "http://127.0.0.1:9002");
            var resolved = AwsConfiguration.settings();
            assertEquals(stack.state().region(), resolved.region().id());
            assertEquals("from-profile", resolved.credentials().resolveCredentials().accessKeyId());
            assertEquals("http://127.0.0.1:9002", resolved.endpoints().get(AwsService.DYNAMODB).toString());
            assertEquals(Map.of(AwsService.S3, java.net.URI.create("http://127.0.0.1:9001"),
                    AwsService.DYNAMODB, java.net.URI.create("http://127.0.0.1:9002")), resolved.endpoints(),
                    "only the services given are overridden");
        } finally {
            Settings.reset();
        }

        Result wrongService = triage(env, "--aws", "--service-endpoint", "ec2=http://127.0.0.1:1", "cases");
        assertEquals(ExitCodes.USAGE, wrongService.exit());
        assertTrue(wrongService.err().contains("SERVICE one of s3, dynamodb, sqs, sns, cloudformation, lambda"), wrongService.err());
    }

    @Test
    void stackOutputsAreReadFromTheCloudFormationEndpointGivenByVariableOrByFlag() {
        Map<String, String> env = bareEnvironment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        for (AwsService service : AwsService.values()) {
            env.put(service.endpointVariable(), stack.settings().endpoints().get(service).toString());
        }
        Map<String, String> byVariable = new HashMap<>(env);
        byVariable.put("AWS_ENDPOINT_URL_CLOUDFORMATION", cloudFormationUrl());
        Result viaVariable = triage(byVariable, "--aws", "--region", stack.state().region(), "--stack", "breach-triage-dev", "cases");
        assertEquals(0, viaVariable.exit(), viaVariable.err());

        Result viaFlag = triage(env, "--aws", "--region", stack.state().region(), "--stack", "breach-triage-dev",
                "--service-endpoint", "cloudformation=" + cloudFormationUrl(), "cases");
        assertEquals(0, viaFlag.exit(), viaFlag.err());

        assertEquals(2, cloudFormationRequests.size(), "both asked the given CloudFormation endpoint: " + cloudFormationRequests);
        cloudFormationRequests.forEach(r -> assertTrue(r.contains("Action=DescribeStacks") && r.contains("StackName=breach-triage-dev"), r));
        assertEquals(List.of(), metadataRequests);
    }

    /** Every output --stack reads is one template.yaml declares (at the Outputs section's first level). */
    @Test
    void everyStackOutputTheCliReadsIsDeclaredByTheTemplate() throws IOException {
        String template = Files.readString(Path.of("..", "template.yaml"));
        String outputs = template.substring(template.indexOf("\nOutputs:\n"));
        for (String key : AwsConfiguration.STACK_OUTPUTS.keySet()) {
            assertTrue(outputs.contains("\n  " + key + ":\n"), "template.yaml has no output " + key);
        }
    }

    /** A DescribeStacks answer (query protocol, XML) whose outputs are the emulators' resources. */
    private static String describeStacks(ResourceNames names) {
        Map<String, String> outputs = Map.of("TriageBucket", names.bucket(), "StaffTable", names.staffTable(),
                "CaseTable", names.caseTable(), "BatchQueueUrl", names.batchQueueUrl(), "ReportQueueUrl", names.reportQueueUrl(),
                "ReleaseQueueUrl", names.releaseQueueUrl(), "AlertsTopicArn", names.alertsTopicArn(),
                "NoticesTopicArn", names.noticesTopicArn());
        StringBuilder members = new StringBuilder();
        outputs.forEach((key, value) -> members.append("<member><OutputKey>").append(key).append("</OutputKey><OutputValue>")
                .append(value).append("</OutputValue></member>"));
        return "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStacksResult>"
                + "<Stacks><member><StackName>breach-triage-dev</StackName><StackId>arn:aws:cloudformation:eu-west-2:000000000000:"
                + "stack/breach-triage-dev/1</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime>"
                + "<StackStatus>CREATE_COMPLETE</StackStatus><Outputs>" + members + "</Outputs></member></Stacks>"
                + "</DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>";
    }
}
