package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.aws.testing.UnprocessedFaults;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoStaffDirectoryTest {

    private static final Backoff FAST = new Backoff(8, Duration.ofMillis(1), Duration.ofMillis(5));

    private final EmulatorStack stack;
    private final Map<String, StaffMember> members = new HashMap<>();
    private final List<String> knownKeys = new ArrayList<>();

    DynamoStaffDirectoryTest(EmulatorStack stack) {
        this.stack = stack;
    }

    /** One set of 230 members for the class; tests that change members use their own. */
    @BeforeAll
    void storeStaff() {
        String run = TestData.uniqueId("P");
        for (int i = 0; i < 230; i++) {
            StaffMember m = TestData.member(run + "-" + i, i);
            members.put(m.payNumber(), m);
            knownKeys.add(m.payNumber());
        }
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable()).putAll(members.values());
        }
        assertEquals(10, counter.calls("BatchWriteItem"), "230 members in writes of 25");
        assertEquals(25, counter.maxEntries("BatchWriteItem"));
    }

    @Test
    void findsAllKnownMembersInThreeRequestsAndLeavesUnknownOnesOut() {
        List<String> keys = new ArrayList<>(knownKeys);
        for (int i = 0; i < 20; i++) {
            keys.add(TestData.uniqueId("UNKNOWN"));
        }
        keys.add(knownKeys.get(0)); // a duplicate costs nothing and does not break the request
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            Map<String, StaffMember> found = new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable()).findAll(keys);

            assertEquals(members, found, "every stored field round-trips, unknown keys are absent");
            assertEquals(3, counter.calls("BatchGetItem"), "250 distinct keys in requests of at most 100");
            assertEquals(100, counter.maxEntries("BatchGetItem"));
        }
    }

    @Test
    void emptyLookupSendsNothing() {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            assertTrue(new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable()).findAll(List.of()).isEmpty());
            assertEquals(0, counter.callsTo("DynamoDb"));
        }
    }

    @Test
    void putAllReplacesExistingMembers() {
        StaffDirectory directory = new DynamoStaffDirectory(stack.clients().dynamoDb(), stack.names().staffTable());
        StaffMember before = TestData.member(TestData.uniqueId("R"), 7);
        directory.putAll(List.of(before));
        assertEquals(before, directory.findAll(List.of(before.payNumber())).get(before.payNumber()));
        StaffMember after = new StaffMember(before.payNumber(), before.forename(), "Married-Name", before.staffType(),
                "Sergeant", null, before.roleFlags(), null, before.contactChannel(), null, before.force(), before.nameRarity());
        directory.putAll(List.of(after));
        assertEquals(after, directory.findAll(List.of(before.payNumber())).get(before.payNumber()));
    }

    @Test
    void retriesUnprocessedKeysUntilEverythingIsRead() {
        UnprocessedFaults faults = new UnprocessedFaults("payNumber", 2, 0);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            Map<String, StaffMember> found = new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable(), FAST)
                    .findAll(knownKeys);

            assertEquals(members, found);
            assertEquals(2, faults.injected());
            // 3 chunks; the first comes back half unprocessed twice, so it takes 3 requests (100 → 50 → 25 → done).
            assertEquals(5, counter.calls("BatchGetItem"));
        }
    }

    @Test
    void givesUpAfterBoundedAttemptsAndSaysHowManyKeysAreLeft() {
        UnprocessedFaults faults = new UnprocessedFaults("payNumber", -1, 0);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            StaffDirectory directory = new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable(), FAST);
            IncompleteBatchException e = assertThrows(IncompleteBatchException.class,
                    () -> directory.findAll(knownKeys.subList(0, 40)));

            assertEquals(40, e.entriesLeft());
            assertTrue(e.getMessage().contains("left 40 of the keys unprocessed after 8 BatchGetItem attempts"), e.getMessage());
            assertTrue(e.getMessage().contains(stack.names().staffTable()), e.getMessage());
            assertFalse(e.getMessage().contains(knownKeys.get(0)), "no pay number in the message: " + e.getMessage());
            assertEquals(8, counter.calls("BatchGetItem"));
        }
    }

    @Test
    void retriesUnprocessedWrites() {
        UnprocessedFaults faults = new UnprocessedFaults("payNumber", 1, 7);
        RequestCounter counter = new RequestCounter();
        List<StaffMember> fresh = new ArrayList<>();
        String run = TestData.uniqueId("W");
        for (int i = 0; i < 30; i++) {
            fresh.add(TestData.member(run + "-" + i, i));
        }
        try (AwsClients clients = stack.newClients(faults, counter)) {
            StaffDirectory directory = new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable(), FAST);
            directory.putAll(fresh);
            assertEquals(1, faults.injected());
            assertEquals(3, counter.calls("BatchWriteItem"), "25 + 5, plus one retry of the 7 bounced writes");
            assertEquals(30, directory.findAll(fresh.stream().map(StaffMember::payNumber).toList()).size());
        }
    }

    @Test
    void unprocessedWritesThatNeverClearFailClearly() {
        UnprocessedFaults faults = new UnprocessedFaults("payNumber", -1, 0);
        try (AwsClients clients = stack.newClients(faults)) {
            StaffDirectory directory = new DynamoStaffDirectory(clients.dynamoDb(), stack.names().staffTable(), FAST);
            IncompleteBatchException e = assertThrows(IncompleteBatchException.class,
                    () -> directory.putAll(List.of(TestData.member(TestData.uniqueId("X"), 1))));
            assertEquals(1, e.entriesLeft());
            assertTrue(e.getMessage().contains("1 writes unprocessed after 8 BatchWriteItem attempts"), e.getMessage());
        }
    }
}
