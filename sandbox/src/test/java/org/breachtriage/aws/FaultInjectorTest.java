package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.FaultInjector;
import org.breachtriage.aws.testing.FaultInjector.Kind;
import org.breachtriage.aws.testing.FaultInjector.Point;
import org.breachtriage.aws.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The fault injector the handlers' fault tests rely on, checked against the SDK's own retries on the
 * wire to dynalite: a throttle and a 500 are retried by the SDK and the write lands once; a lost answer
 * is retried after the write landed, so a conditional write trips over its own first attempt; a crash
 * is not retried.
 */
@ExtendWith(EmulatorStackExtension.class)
class FaultInjectorTest {
    private static final Point CASE_PUT = new Point("the test's PutItem", "PutItem",
            r -> ((PutItemRequest) r).item().get(CaseTableSchema.PK).s().startsWith("FAULT#"));

    private final EmulatorStack stack;

    FaultInjectorTest(EmulatorStack stack) {
        this.stack = stack;
    }

    private Map<String, AttributeValue> item(String pk) {
        return Map.of(CaseTableSchema.PK, AttributeValue.fromS(pk), CaseTableSchema.SK, AttributeValue.fromS("META"),
                "n", AttributeValue.fromN("1"));
    }

    private void conditionalPut(AwsClients clients, String pk) {
        clients.dynamoDb().putItem(b -> b.tableName(stack.names().caseTable()).item(item(pk))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", CaseTableSchema.PK)));
    }

    private boolean stored(String pk) {
        return stack.clients().dynamoDb().getItem(b -> b.tableName(stack.names().caseTable()).consistentRead(true)
                .key(Map.of(CaseTableSchema.PK, AttributeValue.fromS(pk), CaseTableSchema.SK, AttributeValue.fromS("META"))))
                .hasItem();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdkAndTheWriteLandsOnce() {
        for (Kind kind : new Kind[] {Kind.THROTTLE, Kind.SERVER_ERROR}) {
            String pk = "FAULT#" + TestData.uniqueId(kind.name());
            FaultInjector faults = new FaultInjector(CASE_PUT, kind, 0, 1);
            try (AwsClients clients = stack.newClients(faults)) {
                conditionalPut(clients, pk); // a second landing would fail its condition
            }
            assertEquals(1, faults.injected(), kind.name());
            assertTrue(stored(pk), kind.name());
        }
    }

    @Test
    void aLostAnswerIsRetriedAfterTheWriteLandedSoAConditionalWriteFindsItself() {
        String pk = "FAULT#" + TestData.uniqueId("lost");
        FaultInjector faults = new FaultInjector(CASE_PUT, Kind.RESPONSE_LOST, 0, 1);
        try (AwsClients clients = stack.newClients(faults)) {
            assertThrows(ConditionalCheckFailedException.class, () -> conditionalPut(clients, pk));
        }
        assertEquals(1, faults.injected());
        assertTrue(stored(pk), "the first attempt landed");
    }

    @Test
    void aCrashIsNotRetriedAndLandsOnlyWhenItComesAfterTheRequest() {
        String before = "FAULT#" + TestData.uniqueId("before");
        String after = "FAULT#" + TestData.uniqueId("after");
        try (AwsClients clients = stack.newClients(new FaultInjector(CASE_PUT, Kind.CRASH_BEFORE, 0, 1))) {
            assertInstanceOf(FaultInjector.InjectedCrash.class, assertThrows(RuntimeException.class, () -> conditionalPut(clients, before)));
        }
        try (AwsClients clients = stack.newClients(new FaultInjector(CASE_PUT, Kind.CRASH_AFTER, 0, 1))) {
            assertInstanceOf(FaultInjector.InjectedCrash.class, assertThrows(RuntimeException.class, () -> conditionalPut(clients, after)));
        }
        assertEquals(false, stored(before));
        assertTrue(stored(after));
    }
}
