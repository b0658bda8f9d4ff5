package org.breachtriage.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SnapStart priming of the request paths: one request of each kind the adapters send (DynamoDB
 * GetItem, BatchGetItem, PutItem, UpdateItem, BatchWriteItem and Query; SQS SendMessage and
 * SendMessageBatch; SNS PublishBatch; S3 PutObject, HeadObject, GetObject and ListObjectsV2), each
 * marshalled, signed (SigV4, with fake static credentials) and its canned answer unmarshalled, on
 * clients of their own that answer from {@link CannedHttpClient} and are closed afterwards. The
 * adapters' own clients are built (so their construction is in the snapshot) but never called.
 *
 * <p>The values are made up (no person, no case); the resource names are the function's, so that the
 * endpoint rules run for the real bucket, tables, queues and topics.
 */
public final class RequestPriming {
    private RequestPriming() {
    }

    /** What priming sent: the operations answered, in order. */
    public record Report(List<String> operations) {
    }

    /** Builds {@code real}'s clients, then exercises every request kind on canned copies of them. */
    public static Report prime(AwsClients real, ResourceNames names) {
        real.s3();
        real.dynamoDb();
        real.sqs();
        real.sns();
        CannedHttpClient canned = new CannedHttpClient();
        try (AwsClients copies = real.withHttpClientForPriming(canned)) {
            dynamoDb(copies, names);
            sqs(copies, names);
            sns(copies, names);
            s3(copies, names);
        }
        return new Report(canned.operations());
    }

    private static void dynamoDb(AwsClients clients, ResourceNames names) {
        var dynamo = clients.dynamoDb();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"),
                "n", AttributeValue.fromN("1"), "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
                "m", AttributeValue.fromM(Map.of("b", AttributeValue.fromBool(true))));
        dynamo.getItem(b -> b.tableName(names.caseTable()).key(key).consistentRead(true));
        dynamo.batchGetItem(b -> b.requestItems(Map.of(names.staffTable(), KeysAndAttributes.builder()
                .keys(List.of(Map.of("payNumber", AttributeValue.fromS("PRIMING")))).build())));
        dynamo.putItem(b -> b.tableName(names.caseTable()).item(item).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        dynamo.updateItem(b -> b.tableName(names.caseTable()).key(key).updateExpression("ADD #n :one")
                .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW));
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(names.staffTable(),
                List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()))));
        dynamo.queryPaginator(b -> b.tableName(names.caseTable()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PRIMING")))).items().forEach(i -> { });
    }

    private static void sqs(AwsClients clients, ResourceNames names) {
        var sqs = clients.sqs();
        sqs.sendMessage(b -> b.queueUrl(names.releaseQueueUrl()).messageBody("{\"priming\":true}"));
        sqs.sendMessageBatch(b -> b.queueUrl(names.batchQueueUrl()).entries(
                SendMessageBatchRequestEntry.builder().id("0").messageBody("{\"priming\":0}").build(),
                SendMessageBatchRequestEntry.builder().id("1").messageBody("{\"priming\":1}").build()));
    }

    private static void sns(AwsClients clients, ResourceNames names) {
        clients.sns().publishBatch(b -> b.topicArn(names.noticesTopicArn()).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("0").message("{\"priming\":0}").messageGroupId("priming")
                        .messageDeduplicationId("priming-0").build()));
        clients.sns().publishBatch(b -> b.topicArn(names.alertsTopicArn()).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("0").message("{\"priming\":0}").build()));
    }

    private static void s3(AwsClients clients, ResourceNames names) {
        var s3 = clients.s3();
        s3.putObject(b -> b.bucket(names.bucket()).key("priming/object.json").contentType("application/json"),
                RequestBody.fromString("{\"priming\":true}"));
        s3.headObject(b -> b.bucket(names.bucket()).key("priming/object.json"));
        try (var object = s3.getObject(b -> b.bucket(names.bucket()).key("priming/object.json"))) {
            object.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("priming: reading the canned object failed", e);
        }
        s3.listObjectsV2Paginator(b -> b.bucket(names.bucket()).prefix("priming/")).forEach(page -> { });
    }
}
