package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

    static Stream<Arguments> endpointVariables() {
        return Stream.of(
                Arguments.of(Map.of(), null, null),
                Arguments.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), "http://127.0.0.1:4566", "http://127.0.0.1:4566"),
                Arguments.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
                        "http://127.0.0.1:4566", "http://127.0.0.1:8000"),
                Arguments.of(Map.of("AWS_ENDPOINT_URL_S3", " http://s3.local:9000 "), "http://s3.local:9000", null),
                Arguments.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
                        null, null),
                Arguments.of(Map.of("AWS_ENDPOINT_URL", ""), null, null));
    }

    @ParameterizedTest
    @MethodSource("endpointVariables")
    void serviceSpecificEndpointsWinOverTheGlobalOne(Map<String, String> env, String s3, String dynamo) {
        AwsSettings settings = AwsSettings.fromEnvironment(env);
        assertEquals(s3 == null ? null : URI.create(s3), settings.endpoints().get(AwsService.S3));
        assertEquals(dynamo == null ? null : URI.create(dynamo), settings.endpoints().get(AwsService.DYNAMODB));
        assertEquals(s3 != null, settings.endpointOverridden(AwsService.S3), "path-style S3 exactly when overridden");
    }

    @Test
    void regionComesFromTheStandardVariables() {
        assertEquals(Region.EU_WEST_2, AwsSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-2", "AWS_DEFAULT_REGION", "us-west-1")).region());
        assertEquals(Region.US_WEST_1, AwsSettings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "us-west-1")).region());
        assertNull(AwsSettings.fromEnvironment(Map.of()).region(), "left to the SDK's chain (profile, Lambda)");
        assertEquals(AwsSettings.EMULATOR_FALLBACK_REGION,
                AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")).region(),
                "an emulator needs no real region, but the SDK needs one");
    }

    @Test
    void aBadEndpointNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SQS", "localhost:4566")));
        assertTrue(e.getMessage().startsWith("AWS_ENDPOINT_URL_SQS must be an absolute URL"), e.getMessage());
    }

    @Test
    void environmentKeysAloneAreReadStraightFromTheEnvironmentElseTheChainDecides() {
        assertTrue(AwsSettings.keysInEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret")));
        assertFalse(AwsSettings.keysInEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")), "no secret: the chain's later steps");
        assertFalse(AwsSettings.keysInEnvironment(Map.of("AWS_ACCESS_KEY_ID", " ", "AWS_SECRET_ACCESS_KEY", "secret")));
        assertFalse(AwsSettings.keysInEnvironment(Map.of()), "no keys (a SnapStart function): the container provider, in the chain");
        System.setProperty("aws.accessKeyId", "AKIDFROMPROPERTY");
        try {
            assertFalse(AwsSettings.keysInEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret")),
                    "a system property comes before the environment in the chain");
        } finally {
            System.clearProperty("aws.accessKeyId");
        }
    }
}
