package org.breachtriage.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.ports.Topic;

/**
 * The names of every AWS resource the pipeline uses, read from the environment the SAM template sets
 * on each function (and that {@code triage sandbox status} prints for a shell).
 *
 * <p>Table keys, which the template must declare the same way: the staff table has partition key
 * {@code payNumber} (S); the case table has partition key {@code pk} (S) and sort key {@code sk} (S),
 * plus the sparse index {@link CaseTableSchema#CASE_LIST_INDEX}.
 */
public record ResourceNames(
        String bucket,
        String staffTable,
        String caseTable,
        String batchQueueUrl,
        String reportQueueUrl,
        String releaseQueueUrl,
        String alertsTopicArn,
        String noticesTopicArn) {

    public static final String ENV_BUCKET = "TRIAGE_BUCKET";
    public static final String ENV_STAFF_TABLE = "TRIAGE_STAFF_TABLE";
    public static final String ENV_CASE_TABLE = "TRIAGE_CASE_TABLE";
    public static final String ENV_BATCH_QUEUE_URL = "TRIAGE_BATCH_QUEUE_URL";
    public static final String ENV_REPORT_QUEUE_URL = "TRIAGE_REPORT_QUEUE_URL";
    public static final String ENV_RELEASE_QUEUE_URL = "TRIAGE_RELEASE_QUEUE_URL";
    public static final String ENV_ALERTS_TOPIC_ARN = "TRIAGE_ALERTS_TOPIC_ARN";
    public static final String ENV_NOTICES_TOPIC_ARN = "TRIAGE_NOTICES_TOPIC_ARN";

    /** The account id the emulators (fauxqs, LocalStack, Floci) put in ARNs and queue URLs. */
    public static final String EMULATOR_ACCOUNT = "000000000000";

    public static final String DEFAULT_BUCKET = "breach-triage-local";
    public static final String DEFAULT_STAFF_TABLE = "triage-staff";
    public static final String DEFAULT_CASE_TABLE = "triage-cases";
    public static final String DEFAULT_BATCH_QUEUE = "triage-batches";
    public static final String DEFAULT_REPORT_QUEUE = "triage-reports";
    public static final String DEFAULT_RELEASE_QUEUE = "triage-releases";
    public static final String DEFAULT_ALERTS_TOPIC = "triage-alerts";
    public static final String DEFAULT_NOTICES_TOPIC = "triage-notices";

    public ResourceNames {
        requireNonBlank(bucket, ENV_BUCKET);
        requireNonBlank(staffTable, ENV_STAFF_TABLE);
        requireNonBlank(caseTable, ENV_CASE_TABLE);
        requireNonBlank(batchQueueUrl, ENV_BATCH_QUEUE_URL);
        requireNonBlank(reportQueueUrl, ENV_REPORT_QUEUE_URL);
        requireNonBlank(releaseQueueUrl, ENV_RELEASE_QUEUE_URL);
        requireNonBlank(alertsTopicArn, ENV_ALERTS_TOPIC_ARN);
        requireNonBlank(noticesTopicArn, ENV_NOTICES_TOPIC_ARN);
    }

    /**
     * The sandbox's names in a region. Queue URLs here follow the AWS form; an emulator may hand out
     * different URLs, so {@code SandboxResources} returns the names as actually created.
     */
    public static ResourceNames sandboxDefaults(String region) {
        String queueBase = "https://sqs." + region + ".amazonaws.com/" + EMULATOR_ACCOUNT + "/";
        String topicBase = "arn:aws:sns:" + region + ":" + EMULATOR_ACCOUNT + ":";
        return new ResourceNames(DEFAULT_BUCKET, DEFAULT_STAFF_TABLE, DEFAULT_CASE_TABLE,
                queueBase + DEFAULT_BATCH_QUEUE, queueBase + DEFAULT_REPORT_QUEUE, queueBase + DEFAULT_RELEASE_QUEUE,
                topicBase + DEFAULT_ALERTS_TOPIC, topicBase + DEFAULT_NOTICES_TOPIC);
    }

    public static ResourceNames fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Each {@code TRIAGE_*} variable that is set wins; the others take the sandbox default for the
     * region in {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} (us-east-1 if neither is set).
     */
    public static ResourceNames fromEnvironment(Map<String, String> env) {
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        ResourceNames d = sandboxDefaults(region);
        return new ResourceNames(
                firstNonBlank(env.get(ENV_BUCKET), d.bucket()),
                firstNonBlank(env.get(ENV_STAFF_TABLE), d.staffTable()),
                firstNonBlank(env.get(ENV_CASE_TABLE), d.caseTable()),
                firstNonBlank(env.get(ENV_BATCH_QUEUE_URL), d.batchQueueUrl()),
                firstNonBlank(env.get(ENV_REPORT_QUEUE_URL), d.reportQueueUrl()),
                firstNonBlank(env.get(ENV_RELEASE_QUEUE_URL), d.releaseQueueUrl()),
                firstNonBlank(env.get(ENV_ALERTS_TOPIC_ARN), d.alertsTopicArn()),
                firstNonBlank(env.get(ENV_NOTICES_TOPIC_ARN), d.noticesTopicArn()));
    }

    /** The variables that reproduce these names, in a stable order (for {@code export} lines). */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ENV_BUCKET, bucket);
        env.put(ENV_STAFF_TABLE, staffTable);
        env.put(ENV_CASE_TABLE, caseTable);
        env.put(ENV_BATCH_QUEUE_URL, batchQueueUrl);
        env.put(ENV_REPORT_QUEUE_URL, reportQueueUrl);
        env.put(ENV_RELEASE_QUEUE_URL, releaseQueueUrl);
        env.put(ENV_ALERTS_TOPIC_ARN, alertsTopicArn);
        env.put(ENV_NOTICES_TOPIC_ARN, noticesTopicArn);
        return env;
    }

    public String topicArn(Topic topic) {
        return switch (topic) {
            case ALERTS -> alertsTopicArn;
            case NOTICES -> noticesTopicArn;
        };
    }

    public ResourceNames withQueuesAndTopics(String batchQueue, String reportQueue, String releaseQueue, String alerts,
                                             String notices) {
        return new ResourceNames(bucket, staffTable, caseTable, batchQueue, reportQueue, releaseQueue, alerts, notices);
    }

    /** The queue name is the last path segment of its URL. */
    public static String queueName(String queueUrl) {
        return lastSegment(queueUrl, '/');
    }

    /** The topic name is the last field of its ARN. */
    public static String topicName(String topicArn) {
        return lastSegment(topicArn, ':');
    }

    private static String lastSegment(String value, char separator) {
        String trimmed = value.endsWith(String.valueOf(separator)) ? value.substring(0, value.length() - 1) : value;
        return trimmed.substring(trimmed.lastIndexOf(separator) + 1);
    }

    private static void requireNonBlank(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " must name a resource, but it is empty");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
