package org.breachtriage.cli;

import java.net.URI;
import java.util.Optional;
import org.breachtriage.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import org.breachtriage.aws.UnreachableEndpoints;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Who runs a command with {@code --aws}, as a release, hold or unhold records them: the ARN that STS
 * GetCallerIdentity returns for the configured credentials (a user, or an assumed role with its session
 * name), so that one set of credentials is one approver whatever names it gives.
 *
 * <p>Where the data services' endpoints are emulators and no endpoint is named for STS (the sandbox:
 * fauxqs and dynalite), there is no STS to ask, and the access key id stands for the caller:
 * {@code access-key:<id>}, a prefix that says so in the decision log. The emulators take any key, so
 * two people in the sandbox are two approvers by exporting different {@code AWS_ACCESS_KEY_ID}s.
 */
final class CallerIdentity {
    static final String ACCESS_KEY_PREFIX = "access-key:";

    private CallerIdentity() {
    }

    static String of(AwsSettings settings) {
        Optional<URI> sts = AwsConfiguration.stsEndpoint();
        AwsCredentialsProvider credentials = settings.credentials() != null ? settings.credentials()
                : DefaultCredentialsProvider.builder().build();
        if (sts.isEmpty() && !settings.endpoints().isEmpty()) {
            return ACCESS_KEY_PREFIX + credentials.resolveCredentials().accessKeyId();
        }
        var builder = StsClient.builder().credentialsProvider(credentials);
        if (settings.region() != null) {
            builder.region(settings.region());
        }
        sts.ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(o -> o.addExecutionInterceptor(new UnreachableEndpoints()));
        try (StsClient client = builder.build()) {
            String arn = client.getCallerIdentity().arn();
            if (arn == null || arn.isBlank()) {
                throw new IllegalStateException("STS GetCallerIdentity answered without an ARN");
            }
            return arn;
        }
    }
}
