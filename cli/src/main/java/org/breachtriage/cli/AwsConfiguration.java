package org.breachtriage.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.UnreachableEndpoints;
import org.breachtriage.aws.sandbox.SandboxState;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Resolves {@code --aws}: region, credentials, endpoints and resource names, before any SDK call, so
 * that nothing falls through to the SDK's last resort, the instance-metadata address.
 *
 * <ul>
 *   <li>Endpoints, per service: {@code --service-endpoint SERVICE=URL}, else {@code --endpoint-url},
 *       else {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}, for S3, DynamoDB, SQS, SNS,
 *       CloudFormation ({@code --stack}) and Lambda ({@code invoke --remote}); STS only at an endpoint
 *       named for it ({@link #stsEndpoint()}).</li>
 *   <li>Region: {@code --region}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile's
 *       {@code region}; with endpoints overridden and none of those, us-east-1 (emulators take any).</li>
 *   <li>Credentials: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}; else {@code --profile} or
 *       {@code AWS_PROFILE} (or the default profile) from the AWS config files; else web identity or
 *       container credentials from their variables; else, with endpoints overridden, the emulators'
 *       dummy keys. The instance-metadata service is asked only when {@code AWS_EC2_METADATA_DISABLED=false}
 *       says so (on an EC2 instance with a role).</li>
 *   <li>Resource names: {@code --stack}'s outputs, else the functions' {@code TRIAGE_*} variables.</li>
 * </ul>
 * With none of this given, {@code --aws} uses the sandbox started by {@code triage sandbox up}.
 */
final class AwsConfiguration {
    /** Stack output key → the variable the functions read (template.yaml Outputs). */
    static final Map<String, String> STACK_OUTPUTS = Map.of(
            "TriageBucket", ResourceNames.ENV_BUCKET,
            "StaffTable", ResourceNames.ENV_STAFF_TABLE,
            "CaseTable", ResourceNames.ENV_CASE_TABLE,
            "BatchQueueUrl", ResourceNames.ENV_BATCH_QUEUE_URL,
            "ReportQueueUrl", ResourceNames.ENV_REPORT_QUEUE_URL,
            "ReleaseQueueUrl", ResourceNames.ENV_RELEASE_QUEUE_URL,
            "AlertsTopicArn", ResourceNames.ENV_ALERTS_TOPIC_ARN,
            "NoticesTopicArn", ResourceNames.ENV_NOTICES_TOPIC_ARN);

    /** Service ids for {@code --service-endpoint} and {@code AWS_ENDPOINT_URL_<ID>}: the data services, then the CLI's own. */
    static final String CLOUDFORMATION = "CLOUDFORMATION";
    static final String LAMBDA = "LAMBDA";
    /** Who approves with --aws (GetCallerIdentity); see {@link #stsEndpoint()}. */
    static final String STS = "STS";
    static final Set<String> SERVICE_IDS = Set.of("S3", "DYNAMODB", "SQS", "SNS", CLOUDFORMATION, LAMBDA, STS);

    private static final String WHAT_TO_SET = "start the sandbox (triage sandbox up), or give --region and --profile "
            + "(or AWS_REGION and AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)";

    private AwsConfiguration() {
    }

    static Path sandboxDir() {
        return Settings.stateDir().resolve("sandbox");
    }

    /** The client settings {@code --aws} uses; fails with one line saying what to set when something is missing. */
    static AwsSettings settings() {
        Map<String, String> env = Settings.environment;
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            endpoint(service.name()).ifPresent(uri -> endpoints.put(service, uri));
        }
        if (endpoints.isEmpty() && !explicitlyAws(env)) {
            Optional<SandboxState> sandbox = SandboxState.read(sandboxDir());
            if (sandbox.isPresent()) {
                return sandbox.get().awsSettings();
            }
        }
        ProfileFile profiles = profileFile(env);
        String profile = profileName(env);
        Region region = region(env, profiles, profile, !endpoints.isEmpty());
        return new AwsSettings(region, endpoints, credentials(env, profiles, profile, !endpoints.isEmpty()), List.of());
    }

    /** Region, credentials and endpoint of {@code settings} (and the service's own endpoint) on another SDK client. */
    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceId, AwsSettings settings) {
        if (settings.region() != null) {
            builder.region(settings.region());
        }
        if (settings.credentials() != null) {
            builder.credentialsProvider(settings.credentials());
        }
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(o -> o.addExecutionInterceptor(new UnreachableEndpoints()));
        return builder;
    }

    /**
     * A flag or variable that names a deployment rather than the sandbox. An AWS_PROFILE exported for
     * other work does not count: with the sandbox running, --aws alone means the sandbox.
     */
    private static boolean explicitlyAws(Map<String, String> env) {
        return anyTriageVariable(env) || Settings.stack != null || Settings.region != null || Settings.profile != null;
    }

    static Optional<URI> endpoint(String serviceId) {
        Map<String, String> env = Settings.environment;
        String flag = Settings.serviceEndpoints.get(serviceId);
        if (flag != null) {
            return Optional.of(parse("--service-endpoint " + serviceId.toLowerCase(Locale.ROOT), flag));
        }
        if (Settings.endpointUrl != null) {
            return Optional.of(parse("--endpoint-url", Settings.endpointUrl));
        }
        if ("true".equalsIgnoreCase(trimmed(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            return Optional.empty();
        }
        String specific = trimmed(env.get("AWS_ENDPOINT_URL_" + serviceId));
        if (specific != null) {
            return Optional.of(parse("AWS_ENDPOINT_URL_" + serviceId, specific));
        }
        String global = trimmed(env.get("AWS_ENDPOINT_URL"));
        return global == null ? Optional.empty() : Optional.of(parse("AWS_ENDPOINT_URL", global));
    }

    /**
     * Where to ask STS who is calling: only an endpoint named for STS ({@code --service-endpoint sts=URL},
     * else {@code AWS_ENDPOINT_URL_STS}), never the one endpoint of {@code --endpoint-url} or
     * {@code AWS_ENDPOINT_URL}. Those name an emulator of the data services, and an emulator's STS (fauxqs
     * has one) answers the same root ARN to every caller, which would make every approver one.
     * Empty: AWS's own STS, or none at all where the data services are emulated (see {@link CallerIdentity}).
     */
    static Optional<URI> stsEndpoint() {
        String flag = Settings.serviceEndpoints.get(STS);
        if (flag != null) {
            return Optional.of(parse("--service-endpoint sts", flag));
        }
        if ("true".equalsIgnoreCase(trimmed(Settings.environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            return Optional.empty();
        }
        String specific = trimmed(Settings.environment.get("AWS_ENDPOINT_URL_" + STS));
        return specific == null ? Optional.empty() : Optional.of(parse("AWS_ENDPOINT_URL_" + STS, specific));
    }

    private static Region region(Map<String, String> env, ProfileFile profiles, String profile, boolean emulated) {
        String name = Settings.region != null ? Settings.region : trimmed(env.get("AWS_REGION"));
        if (name == null) {
            name = trimmed(env.get("AWS_DEFAULT_REGION"));
        }
        if (name == null) {
            name = profiles.profile(profile).flatMap(p -> p.property("region")).orElse(null);
        }
        if (name == null) {
            if (emulated) {
                return AwsSettings.EMULATOR_FALLBACK_REGION;
            }
            throw new AwsNotConfiguredException("no AWS region is configured: " + WHAT_TO_SET);
        }
        return Region.of(name.trim().toLowerCase(Locale.ROOT));
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env, ProfileFile profiles, String profile,
                                                      boolean emulated) {
        String id = trimmed(env.get("AWS_ACCESS_KEY_ID"));
        String secret = trimmed(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id != null && secret != null) {
            String token = trimmed(env.get("AWS_SESSION_TOKEN"));
            return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token));
        }
        boolean named = Settings.profile != null || env.containsKey("AWS_PROFILE");
        Optional<Profile> found = profiles.profile(profile);
        if (named && found.isEmpty()) {
            throw new AwsNotConfiguredException("no profile '" + profile + "' in " + configFile(env) + " or "
                    + credentialsFile(env) + " (aws configure --profile " + profile + " creates one)");
        }
        if (found.isPresent() && holdsCredentials(found.get())) {
            return ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build();
        }
        if (env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE") || env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || "false".equalsIgnoreCase(trimmed(env.get("AWS_EC2_METADATA_DISABLED")))) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (emulated) {
            return AwsSettings.EMULATOR_CREDENTIALS;
        }
        throw new AwsNotConfiguredException("no AWS credentials are configured: " + WHAT_TO_SET);
    }

    /** Keys, SSO, a role to assume or a credential process: anything the profile provider can turn into credentials. */
    private static boolean holdsCredentials(Profile profile) {
        return List.of("aws_access_key_id", "sso_session", "sso_start_url", "role_arn", "credential_process",
                "web_identity_token_file").stream().anyMatch(p -> profile.property(p).isPresent());
    }

    private static String profileName(Map<String, String> env) {
        if (Settings.profile != null) {
            return Settings.profile;
        }
        String fromEnv = trimmed(env.get("AWS_PROFILE"));
        return fromEnv == null ? "default" : fromEnv;
    }

    /** The AWS config and credentials files, where the environment says or under the home folder; missing ones are skipped. */
    private static ProfileFile profileFile(Map<String, String> env) {
        ProfileFile.Aggregator aggregate = ProfileFile.aggregator();
        if (Files.isRegularFile(configFile(env))) {
            aggregate.addFile(ProfileFile.builder().content(configFile(env)).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentialsFile(env))) {
            aggregate.addFile(ProfileFile.builder().content(credentialsFile(env)).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return aggregate.build();
    }

    private static Path configFile(Map<String, String> env) {
        String file = trimmed(env.get("AWS_CONFIG_FILE"));
        return file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".aws", "config");
    }

    private static Path credentialsFile(Map<String, String> env) {
        String file = trimmed(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        return file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".aws", "credentials");
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
        try (CloudFormationClient cloudFormation = configure(CloudFormationClient.builder(), CLOUDFORMATION, settings).build()) {
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

    private static URI parse(String where, String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new InvalidInputException(where + " must be an absolute URL such as http://127.0.0.1:4566, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(where + " is not a valid URL: '" + value + "' (" + e.getReason() + ")");
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }

    /** --aws cannot run: the message says what to set. */
    static final class AwsNotConfiguredException extends RuntimeException {
        AwsNotConfiguredException(String message) {
            super(message);
        }
    }
}
