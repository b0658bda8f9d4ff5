package org.breachtriage.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * How to build the AWS clients: region, per-service endpoint overrides, credentials and extra
 * interceptors (request counting, fault injection in tests).
 *
 * <p>{@code region} and {@code credentials} may be null: the SDK's default provider chains then apply
 * (environment, profile, Lambda/container metadata). {@code endpoints} lists only the overridden
 * services; a service that is absent talks to real AWS.
 */
public record AwsSettings(
        Region region,
        Map<AwsService, URI> endpoints,
        AwsCredentialsProvider credentials,
        List<ExecutionInterceptor> interceptors) {

    /** Emulators accept any credentials but the SDK still signs requests, so it needs some. */
    public static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    /** Used when endpoints are overridden (an emulator) and nothing names a region. */
    public static final Region EMULATOR_FALLBACK_REGION = Region.US_EAST_1;

    public AwsSettings {
        endpoints = endpoints == null || endpoints.isEmpty() ? Map.of() : Map.copyOf(endpoints);
        interceptors = interceptors == null ? List.of() : List.copyOf(interceptors);
    }

    /**
     * Settings from this process's environment (see {@link #fromEnvironment(Map)}), with credentials
     * from the environment variables when they hold the keys, as Lambda's do.
     */
    public static AwsSettings fromEnvironment() {
        AwsSettings settings = fromEnvironment(System.getenv());
        return keysInEnvironment(System.getenv()) ? settings.withCredentials(EnvironmentVariableCredentialsProvider.create()) : settings;
    }

    /**
     * Whether the SDK's default chain would stop at its environment step: the keys are in the
     * environment and no system property (the only step before it) names one. Then that step alone is
     * the same answer, without building the chain's other providers (web identity, profile, container,
     * instance metadata), some 40 classes on a cold start. Otherwise the chain decides, as before
     * (SnapStart functions get theirs from the container provider).
     */
    static boolean keysInEnvironment(Map<String, String> env) {
        return trimmed(env.get("AWS_ACCESS_KEY_ID")) != null && trimmed(env.get("AWS_SECRET_ACCESS_KEY")) != null
                && System.getProperty("aws.accessKeyId") == null && System.getProperty("aws.secretAccessKey") == null;
    }

    /** A copy that resolves credentials with this provider. */
    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(region, endpoints, provider, interceptors);
    }

    /**
     * Reads the standard AWS variables: {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}),
     * {@code AWS_ENDPOINT_URL_<SERVICE>} before {@code AWS_ENDPOINT_URL}, and
     * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}. SDK 2.41 resolves the same endpoint variables on its
     * own; we read them here as well because S3 must switch to path-style addressing exactly when an
     * endpoint is overridden (an emulator on 127.0.0.1 has no per-bucket host names).
     */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        Region region = regionFrom(env);
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        if (!"true".equalsIgnoreCase(trimmed(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            String global = trimmed(env.get("AWS_ENDPOINT_URL"));
            for (AwsService service : AwsService.values()) {
                String specific = trimmed(env.get(service.endpointVariable()));
                if (specific != null) {
                    endpoints.put(service, parseEndpoint(service.endpointVariable(), specific));
                } else if (global != null) {
                    endpoints.put(service, parseEndpoint("AWS_ENDPOINT_URL", global));
                }
            }
        }
        if (region == null && !endpoints.isEmpty()) {
            region = EMULATOR_FALLBACK_REGION;
        }
        return new AwsSettings(region, endpoints, null, List.of());
    }

    /** Settings for the local emulators: fauxqs serves S3, SQS and SNS; dynalite serves DynamoDB. */
    public static AwsSettings forEmulators(Region region, URI fauxqs, URI dynalite) {
        Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        endpoints.put(AwsService.S3, fauxqs);
        endpoints.put(AwsService.SQS, fauxqs);
        endpoints.put(AwsService.SNS, fauxqs);
        endpoints.put(AwsService.DYNAMODB, dynalite);
        return new AwsSettings(region, endpoints, EMULATOR_CREDENTIALS, List.of());
    }

    /** A copy with these interceptors added after the existing ones. */
    public AwsSettings withInterceptors(ExecutionInterceptor... more) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.addAll(Arrays.asList(more));
        return new AwsSettings(region, endpoints, credentials, all);
    }

    public boolean endpointOverridden(AwsService service) {
        return endpoints.containsKey(service);
    }

    private static Region regionFrom(Map<String, String> env) {
        String name = trimmed(env.get("AWS_REGION"));
        if (name == null) {
            name = trimmed(env.get("AWS_DEFAULT_REGION"));
        }
        return name == null ? null : Region.of(name.toLowerCase(Locale.ROOT));
    }

    private static URI parseEndpoint(String variable, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(variable + " must be an absolute URL such as http://127.0.0.1:4566, got '"
                        + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL: '" + value + "' (" + e.getReason() + ")", e);
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
