package org.breachtriage.aws;

import java.util.Locale;

/**
 * The four AWS services the adapters use. {@code endpointEnvSuffix} is the service id the AWS SDKs use
 * for service-specific endpoint variables ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, …).
 */
public enum AwsService {
    S3("S3"), DYNAMODB("DYNAMODB"), SQS("SQS"), SNS("SNS");

    private final String endpointEnvSuffix;

    AwsService(String endpointEnvSuffix) {
        this.endpointEnvSuffix = endpointEnvSuffix;
    }

    /** e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + endpointEnvSuffix;
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
