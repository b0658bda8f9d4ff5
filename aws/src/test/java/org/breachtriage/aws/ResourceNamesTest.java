package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.breachtriage.core.ports.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNamesTest {

    @Test
    void setVariablesWinAndTheRestTakeSandboxDefaultsForTheRegion() {
        ResourceNames names = ResourceNames.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-2",
                "TRIAGE_BUCKET", "met-breach-manifests",
                "TRIAGE_ALERTS_TOPIC_ARN", "arn:aws:sns:eu-west-2:123456789012:breach-alerts",
                "TRIAGE_CASE_TABLE", "  "));
        assertEquals("met-breach-manifests", names.bucket());
        assertEquals(ResourceNames.DEFAULT_CASE_TABLE, names.caseTable(), "blank counts as unset");
        assertEquals("arn:aws:sns:eu-west-2:123456789012:breach-alerts", names.topicArn(Topic.ALERTS));
        assertEquals("arn:aws:sns:eu-west-2:000000000000:triage-notices", names.topicArn(Topic.NOTICES));
        assertEquals("https://sqs.eu-west-2.amazonaws.com/000000000000/triage-batches", names.batchQueueUrl());
        assertEquals("https://sqs.eu-west-2.amazonaws.com/000000000000/triage-releases", names.releaseQueueUrl());
        assertEquals(names, ResourceNames.fromEnvironment(names.toEnvironment()), "toEnvironment round-trips");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:4566/000000000000/triage-batches, triage-batches",
            "https://sqs.eu-west-2.amazonaws.com/123456789012/q/, q"})
    void queueNameIsTheLastPathSegment(String url, String name) {
        assertEquals(name, ResourceNames.queueName(url));
    }

    @Test
    void topicNameIsTheLastArnField() {
        assertEquals("triage-alerts", ResourceNames.topicName("arn:aws:sns:eu-west-2:000000000000:triage-alerts"));
    }

    @Test
    void aMissingNameSaysWhichVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResourceNames("b", "s", "c", "q", "", "r", "a", "n"));
        assertTrue(e.getMessage().startsWith("TRIAGE_REPORT_QUEUE_URL"), e.getMessage());
        IllegalArgumentException release = assertThrows(IllegalArgumentException.class,
                () -> new ResourceNames("b", "s", "c", "q", "p", " ", "a", "n"));
        assertTrue(release.getMessage().startsWith("TRIAGE_RELEASE_QUEUE_URL"), release.getMessage());
    }
}
