package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.UnprocessedFaults;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.contract.ContractData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DynamoPersonStore#findAll} on the wire: one BatchGetItem per 100 people of the case table, the
 * keys DynamoDB hands back unprocessed (as it does when throttled; the emulator never does, so
 * {@link UnprocessedFaults} rewrites its answers) asked for again until every person is read, and a clear
 * failure, naming no person, when they never clear.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoPersonStoreBatchReadTest {
    private static final Backoff FAST = new Backoff(8, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final List<String> CASE_TABLE_KEY = List.of(CaseTableSchema.PK, CaseTableSchema.SK);

    private final EmulatorStack stack;

    DynamoPersonStoreBatchReadTest(EmulatorStack stack) {
        this.stack = stack;
    }

    /** 150 people of a fresh incident, stored; their pay numbers in the order stored. */
    private List<String> storePeople(String incident) {
        DynamoPersonStore store = new DynamoPersonStore(stack.clients().dynamoDb(), stack.names().caseTable());
        List<String> payNumbers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String pay = String.format("BR%06d", i);
            payNumbers.add(pay);
            store.putIfAbsent(ContractData.unmatchedPerson(incident, pay, 0));
        }
        return payNumbers;
    }

    @Test
    void readsABatchsPeopleInOneRequestPer100AndRetriesTheKeysHandedBack() {
        String incident = ContractData.uniqueId("batch-read");
        List<String> payNumbers = storePeople(incident);
        UnprocessedFaults faults = new UnprocessedFaults(CASE_TABLE_KEY, 2, 0);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            List<IncidentPerson> found = new DynamoPersonStore(clients.dynamoDb(), stack.names().caseTable(), null, FAST)
                    .findAll(incident, payNumbers);

            assertEquals(payNumbers, found.stream().map(IncidentPerson::payNumber).toList());
            assertEquals(2, faults.injected());
            // 2 chunks (100 + 50); the first comes back half unprocessed twice: 100 → 50 → 25 → done.
            assertEquals(4, counter.calls("BatchGetItem"));
            assertEquals(100, counter.maxEntries("BatchGetItem"));
            assertEquals(0, counter.calls("GetItem"), "no read of one person");
        }
    }

    @Test
    void givesUpAfterBoundedAttemptsAndNamesNoPerson() {
        String incident = ContractData.uniqueId("batch-read-stuck");
        List<String> payNumbers = storePeople(incident).subList(0, 40);
        UnprocessedFaults faults = new UnprocessedFaults(CASE_TABLE_KEY, -1, 0);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            DynamoPersonStore store = new DynamoPersonStore(clients.dynamoDb(), stack.names().caseTable(), null, FAST);
            IncompleteBatchException e = assertThrows(IncompleteBatchException.class,
                    () -> store.findAll(incident, payNumbers));

            assertEquals(40, e.entriesLeft());
            assertTrue(e.getMessage().contains("left 40 of the keys unprocessed after 8 BatchGetItem attempts"), e.getMessage());
            assertFalse(e.getMessage().contains(payNumbers.getFirst()), "no pay number in the message: " + e.getMessage());
            assertEquals(8, counter.calls("BatchGetItem"));
        }
    }
}
