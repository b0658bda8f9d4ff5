package org.breachtriage.aws.sandbox;

import java.time.Duration;
import java.util.Map;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.CaseTableSchema;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the resources the pipeline needs, with the names and keys the SAM template declares, in
 * an emulator (or any account you point it at). Safe to run twice: what exists is kept.
 *
 * <p>Besides the pipeline's own resources it subscribes two inspection queues, so a person (or a
 * test) can see what subscribers would get: one on the notices topic without a filter, and one on
 * the alerts topic with the Federation's filter policy {@code {"eventType":["case.reported"]}}.
 * Both use the SNS envelope (raw message delivery off), which carries the message attributes.
 */
public final class SandboxResources {

    public static final String BATCH_DLQ_SUFFIX = "-dlq";
    public static final String NOTICES_INSPECTION_QUEUE = "triage-inspect-notices";
    public static final String FEDERATION_INSPECTION_QUEUE = "triage-inspect-federation";
    public static final String FEDERATION_FILTER_POLICY = "{\"eventType\":[\"case.reported\"]}";
    /** A scoring Lambda gets 6 × its timeout; the sandbox scorer is a loop, so 2 minutes is ample. */
    static final int BATCH_VISIBILITY_SECONDS = 120;
    static final int MAX_RECEIVES_BEFORE_DLQ = 5;

    /** The names as created (queue URLs and topic ARNs as the service hands them out), plus the sandbox's own queues. */
    public record Created(ResourceNames names, String batchDlqUrl, String noticesInspectionQueueUrl,
                          String federationInspectionQueueUrl) {
    }

    private final AwsClients clients;

    public SandboxResources(AwsClients clients) {
        this.clients = clients;
    }

    public Created create(ResourceNames wanted) {
        createBucket(wanted.bucket());
        createStaffTable(wanted.staffTable());
        createCaseTable(wanted.caseTable());

        String dlqUrl = createQueue(ResourceNames.queueName(wanted.batchQueueUrl()) + BATCH_DLQ_SUFFIX, Map.of());
        String redrive = Json.write(Map.of("deadLetterTargetArn", queueArn(dlqUrl),
                "maxReceiveCount", Integer.toString(MAX_RECEIVES_BEFORE_DLQ)));
        String batchUrl = createQueue(ResourceNames.queueName(wanted.batchQueueUrl()), Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(BATCH_VISIBILITY_SECONDS),
                QueueAttributeName.REDRIVE_POLICY, redrive));
        String reportUrl = createQueue(ResourceNames.queueName(wanted.reportQueueUrl()), Map.of());
        String releaseUrl = createQueue(ResourceNames.queueName(wanted.releaseQueueUrl()), Map.of());

        String alertsArn = clients.sns().createTopic(b -> b.name(ResourceNames.topicName(wanted.alertsTopicArn()))).topicArn();
        String noticesArn = clients.sns().createTopic(b -> b.name(ResourceNames.topicName(wanted.noticesTopicArn()))).topicArn();

        String noticesInspection = createQueue(NOTICES_INSPECTION_QUEUE, Map.of());
        String federationInspection = createQueue(FEDERATION_INSPECTION_QUEUE, Map.of());
        subscribe(noticesArn, noticesInspection, null);
        subscribe(alertsArn, federationInspection, FEDERATION_FILTER_POLICY);

        ResourceNames created = wanted.withQueuesAndTopics(batchUrl, reportUrl, releaseUrl, alertsArn, noticesArn);
        return new Created(created, dlqUrl, noticesInspection, federationInspection);
    }

    private void createBucket(String bucket) {
        Region region = clients.settings().region();
        try {
            clients.s3().createBucket(b -> {
                b.bucket(bucket);
                // Outside us-east-1 S3 (and LocalStack) insist on a location constraint.
                if (region != null && !Region.US_EAST_1.equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region.id())));
                }
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // Created by an earlier run.
        }
    }

    private void createStaffTable(String table) {
        createTable(CreateTableRequest.builder().tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("payNumber"))
                .keySchema(key("payNumber", KeyType.HASH))
                .build());
    }

    private void createCaseTable(String table) {
        createTable(CreateTableRequest.builder().tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(CaseTableSchema.PK), stringAttribute(CaseTableSchema.SK),
                        stringAttribute(CaseTableSchema.CASE_LIST_PK), stringAttribute(CaseTableSchema.CASE_LIST_SK))
                .keySchema(key(CaseTableSchema.PK, KeyType.HASH), key(CaseTableSchema.SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(CaseTableSchema.CASE_LIST_INDEX)
                        .keySchema(key(CaseTableSchema.CASE_LIST_PK, KeyType.HASH), key(CaseTableSchema.CASE_LIST_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build());
    }

    private void createTable(CreateTableRequest request) {
        DynamoDbClient dynamo = clients.dynamoDb();
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException e) {
            // Created by an earlier run.
        }
        waitUntilActive(dynamo, request.tableName(), Duration.ofSeconds(30));
    }

    /** The SDK's waiter polls every 20 s; an emulator is ready at once and real DynamoDB in seconds. */
    private static void waitUntilActive(DynamoDbClient dynamo, String table, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableStatus status = dynamo.describeTable(b -> b.tableName(table)).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + table + " is still " + status + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + table, e);
            }
        }
    }

    private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return clients.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    private String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private void subscribe(String topicArn, String queueUrl, String filterPolicy) {
        String queueArn = queueArn(queueUrl);
        // Real SQS accepts messages from SNS only when the queue's policy allows that topic.
        String policy = Json.write(Map.of("Version", "2012-10-17", "Statement", java.util.List.of(Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", "sns.amazonaws.com"),
                "Action", "sqs:SendMessage",
                "Resource", queueArn,
                "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", topicArn))))));
        clients.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        Map<String, String> attributes = filterPolicy == null
                ? Map.of("RawMessageDelivery", "false")
                : Map.of("RawMessageDelivery", "false", "FilterPolicy", filterPolicy);
        clients.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(attributes)
                .returnSubscriptionArn(true));
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
