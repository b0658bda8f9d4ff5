package org.breachtriage.aws.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.CaseTableSchema;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The extension has already run SandboxResources once; these tests check what it made. */
@ExtendWith(EmulatorStackExtension.class)
class SandboxResourcesTest {

    private final EmulatorStack stack;

    SandboxResourcesTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void tablesHaveTheKeysTheTemplateDeclares() {
        TableDescription staff = stack.clients().dynamoDb().describeTable(b -> b.tableName(ResourceNames.DEFAULT_STAFF_TABLE)).table();
        assertEquals(List.of(key("payNumber", KeyType.HASH)), staff.keySchema());

        TableDescription cases = stack.clients().dynamoDb().describeTable(b -> b.tableName(ResourceNames.DEFAULT_CASE_TABLE)).table();
        assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), cases.keySchema());
        assertEquals(1, cases.globalSecondaryIndexes().size());
        assertEquals(CaseTableSchema.CASE_LIST_INDEX, cases.globalSecondaryIndexes().get(0).indexName());
        assertEquals(List.of(key(CaseTableSchema.CASE_LIST_PK, KeyType.HASH), key(CaseTableSchema.CASE_LIST_SK, KeyType.RANGE)),
                cases.globalSecondaryIndexes().get(0).keySchema());
    }

    @Test
    void batchQueueSendsPoisonMessagesToItsDeadLetterQueue() {
        Map<QueueAttributeName, String> attributes = stack.clients().sqs().getQueueAttributes(b -> b
                .queueUrl(stack.names().batchQueueUrl()).attributeNames(QueueAttributeName.ALL)).attributes();
        JsonNode redrive = Json.read(attributes.get(QueueAttributeName.REDRIVE_POLICY), JsonNode.class);
        String dlqArn = stack.clients().sqs().getQueueAttributes(b -> b.queueUrl(stack.resources().batchDlqUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        assertEquals(dlqArn, redrive.path("deadLetterTargetArn").asText());
        assertEquals("5", redrive.path("maxReceiveCount").asText());
        assertEquals("120", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertTrue(stack.names().batchQueueUrl().endsWith("/" + ResourceNames.DEFAULT_BATCH_QUEUE), stack.names().batchQueueUrl());
    }

    @Test
    void inspectionQueuesAreSubscribedWithEnvelopesAndTheFederationFilter() {
        List<Subscription> alerts = stack.clients().sns().listSubscriptionsByTopic(b -> b.topicArn(stack.names().alertsTopicArn()))
                .subscriptions();
        assertEquals(1, alerts.size());
        Map<String, String> federation = stack.clients().sns()
                .getSubscriptionAttributes(b -> b.subscriptionArn(alerts.get(0).subscriptionArn())).attributes();
        assertEquals(Json.read(SandboxResources.FEDERATION_FILTER_POLICY, JsonNode.class),
                Json.read(federation.get("FilterPolicy"), JsonNode.class));
        assertEquals("false", federation.get("RawMessageDelivery"));
        assertTrue(alerts.get(0).endpoint().endsWith(":" + SandboxResources.FEDERATION_INSPECTION_QUEUE));

        List<Subscription> notices = stack.clients().sns().listSubscriptionsByTopic(b -> b.topicArn(stack.names().noticesTopicArn()))
                .subscriptions();
        assertEquals(1, notices.size());
        Map<String, String> inspection = stack.clients().sns()
                .getSubscriptionAttributes(b -> b.subscriptionArn(notices.get(0).subscriptionArn())).attributes();
        assertTrue(inspection.get("FilterPolicy") == null || inspection.get("FilterPolicy").isBlank(), "no filter on notices");
    }

    @Test
    void creatingAgainKeepsWhatExistsAndReturnsTheSameNames() {
        SandboxResources.Created again = new SandboxResources(stack.clients()).create(ResourceNames.sandboxDefaults(stack.state().region()));
        assertEquals(stack.resources(), again);
        assertEquals(1, stack.clients().sns().listSubscriptionsByTopic(b -> b.topicArn(stack.names().alertsTopicArn()))
                .subscriptions().size(), "subscribing again made no second subscription");
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
