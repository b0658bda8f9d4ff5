package org.breachtriage.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.sandbox.SandboxState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Resolves {@code --aws}: which endpoints and which resource names. In order: {@code --endpoint-url}
 * and {@code --stack} when given; else the standard AWS variables and the functions' {@code TRIAGE_*}
 * variables; else, when none of those is set, the sandbox started by {@code triage sandbox up}.
 */
final class AwsConfiguration {
    /** Stack output key → the variable the functions read (template.yaml Outputs). */
    static final Map<String, String> STACK_OUTPUTS = Map.of(
            "TriageBucket", ResourceNames.ENV_BUCKET,
            "StaffTable", ResourceNames.ENV_STAFF_TABLE,
            "CaseTable", ResourceNames.ENV_CASE_TABLE,
            "BatchQueueUrl", ResourceNames.ENV_BATCH_QUEUE_URL,
            "ReportQueueUrl", ResourceNames.ENV_REPORT_QUEUE_URL,
            "AlertsTopicArn", ResourceNames.ENV_ALERTS_TOPIC_ARN,
            "NoticesTopicArn", ResourceNames.ENV_NOTICES_TOPIC_ARN);

    private AwsConfiguration() {
    }

    static Path sandboxDir() {
        return Settings.stateDir().resolve("sandbox");
    }

    static AwsSettings settings() {
        AwsSettings chosen = endpointsAndRegion(Settings.environment);
        return chosen.credentials() == null ? withKeysFrom(Settings.environment, chosen) : chosen;
    }

    /**
     * Keys given as variables are used as given (the SDK would read the same ones from the process);
     * otherwise the SDK's default chain (profile, SSO, instance role) applies.
     */
    private static AwsSettings withKeysFrom(Map<String, String> env, AwsSettings settings) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            return settings;
        }
        String token = env.get("AWS_SESSION_TOKEN");
        var credentials = token == null ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token);
        return new AwsSettings(settings.region(), settings.endpoints(), StaticCredentialsProvider.create(credentials),
                settings.interceptors());
    }

    private static AwsSettings endpointsAndRegion(Map<String, String> env) {
        if (Settings.endpointUrl != null) {
            URI endpoint = URI.create(Settings.endpointUrl);
            Map<AwsService, URI> all = new EnumMap<>(AwsService.class);
            for (AwsService service : AwsService.values()) {
                all.put(service, endpoint);
            }
            AwsSettings standard = AwsSettings.fromEnvironment(env);
            return new AwsSettings(standard.region() == null ? AwsSettings.EMULATOR_FALLBACK_REGION : standard.region(),
                    all, null, List.of());
        }
        AwsSettings standard = AwsSettings.fromEnvironment(env);
        if (standard.endpoints().isEmpty() && !anyTriageVariable(env) && Settings.stack == null) {
            Optional<SandboxState> sandbox = SandboxState.read(sandboxDir());
            if (sandbox.isPresent()) {
                return sandbox.get().awsSettings();
            }
        }
        return standard;
    }

    static ResourceNames resourceNames(AwsSettings settings) {
        Map<String, String> env = new HashMap<>(Settings.environment);
        if (Settings.stack != null) {
            env.putAll(stackOutputs(settings, Settings.stack));
        } else if (!anyTriageVariable(env)) {
            Optional<SandboxState> sandbox = SandboxState.read(sandboxDir());
            if (sandbox.isPresent() && sandbox.get().resources() != null) {
                return sandbox.get().resources();
            }
        }
        return ResourceNames.fromEnvironment(env);
    }

    private static boolean anyTriageVariable(Map<String, String> env) {
        return STACK_OUTPUTS.values().stream().anyMatch(env::containsKey);
    }

    private static Map<String, String> stackOutputs(AwsSettings settings, String stackName) {
        var builder = CloudFormationClient.builder();
        if (settings.region() != null) {
            builder.region(settings.region());
        }
        try (CloudFormationClient cloudFormation = builder.build()) {
            List<Stack> stacks = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks();
            if (stacks.isEmpty()) {
                throw new InvalidInputException("no CloudFormation stack named " + stackName);
            }
            Map<String, String> variables = new HashMap<>();
            for (Output output : stacks.get(0).outputs()) {
                String variable = STACK_OUTPUTS.get(output.outputKey());
                if (variable != null) {
                    variables.put(variable, output.outputValue());
                }
            }
            if (variables.size() != STACK_OUTPUTS.size()) {
                throw new InvalidInputException("stack " + stackName + " lacks outputs: expected "
                        + STACK_OUTPUTS.keySet() + " (deploy template.yaml)");
            }
            return variables;
        }
    }
}
