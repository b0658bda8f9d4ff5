package org.breachtriage.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One SDK client per service, each built on first use. Building a client costs tens of milliseconds
 * (and more on a cold Lambda), so a JVM keeps one set: {@link #shared()} for production code, or an
 * instance of its own when it needs different settings (tests, the CLI against an emulator).
 *
 * <p>All clients share one URLConnection HTTP client: it starts faster and weighs less than Apache or
 * Netty, and our calls are few and small; one instance sets up TLS (the trust store) once, not per client.
 *
 * <p>{@link #withHttpClientForPriming} makes copies that answer from canned bodies, for SnapStart
 * priming ({@link RequestPriming}); the real clients never see that HTTP client.
 */
public final class AwsClients implements AutoCloseable {

    private static final class Shared {
        static final AwsClients INSTANCE = new AwsClients(AwsSettings.fromEnvironment());
    }

    private final AwsSettings settings;
    private final Once<SdkHttpClient> http;
    private final Once<S3Client> s3;
    private final Once<DynamoDbClient> dynamoDb;
    private final Once<SqsClient> sqs;
    private final Once<SnsClient> sns;

    public AwsClients(AwsSettings settings) {
        this(settings, () -> UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build());
    }

    private AwsClients(AwsSettings settings, Supplier<SdkHttpClient> http) {
        this.settings = settings;
        this.http = new Once<>(http);
        this.s3 = new Once<>(this::buildS3);
        this.dynamoDb = new Once<>(() -> configure(DynamoDbClient.builder(), AwsService.DYNAMODB).build());
        this.sqs = new Once<>(() -> configure(SqsClient.builder(), AwsService.SQS).build());
        this.sns = new Once<>(() -> configure(SnsClient.builder(), AwsService.SNS).build());
    }

    /** The JVM-wide clients, configured from the environment. Never close them. */
    public static AwsClients shared() {
        return Shared.INSTANCE;
    }

    public AwsSettings settings() {
        return settings;
    }

    public S3Client s3() {
        return s3.get();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    /**
     * Copies of these clients (same region, endpoints and SDK settings) that send every request to
     * {@code canned} and sign with fake static credentials, so that no credentials are resolved or
     * cached; without this instance's extra interceptors (request counting, fault injection). Close them.
     */
    AwsClients withHttpClientForPriming(SdkHttpClient canned) {
        Region region = settings.region() != null ? settings.region() : AwsSettings.EMULATOR_FALLBACK_REGION;
        AwsSettings copy = new AwsSettings(region, settings.endpoints(), PRIMING_CREDENTIALS, List.of());
        return new AwsClients(copy, () -> canned);
    }

    private static final AwsCredentialsProvider PRIMING_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPRIMINGEXAMPLE", "priming-not-a-secret"));

    /** Closes the clients this instance has built, and their HTTP client. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        // Closing builds nothing: a client never used is never built.
        for (Once<? extends SdkAutoCloseable> client : List.of(s3, dynamoDb, sqs, sns, http)) {
            try {
                SdkAutoCloseable built = client.clear();
                if (built != null) {
                    built.close();
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private S3Client buildS3() {
        var builder = configure(S3Client.builder(), AwsService.S3);
        // An emulator on 127.0.0.1 cannot serve bucket-name host names (bucket.127.0.0.1), so use
        // path-style URLs whenever the endpoint is not the real S3.
        builder.forcePathStyle(settings.endpointOverridden(AwsService.S3));
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, AwsService service) {
        // Shared, so the SDK does not close it with a client: close() does.
        builder.httpClient(http.get());
        if (settings.region() != null) {
            builder.region(settings.region());
        }
        if (settings.credentials() != null) {
            builder.credentialsProvider(settings.credentials());
        }
        if (settings.endpointOverridden(service)) {
            builder.endpointOverride(settings.endpoints().get(service));
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new UnreachableEndpoints());
        for (ExecutionInterceptor interceptor : settings.interceptors()) {
            override.addExecutionInterceptor(interceptor);
        }
        builder.overrideConfiguration(override.build());
        return builder;
    }
}
