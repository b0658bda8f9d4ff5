package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.ReturnsItemOnConditionFailure;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.contract.ContractData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failed condition hands the stored item back on AWS ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}),
 * so the adapters send no read after it; dynalite does not, so they read it back with a GetItem that the
 * request counter counts apart, as an emulator fallback. Both paths on the wire: AWS's answer made by
 * {@link ReturnsItemOnConditionFailure}, dynalite's as it comes.
 */
@ExtendWith(EmulatorStackExtension.class)
class ConditionFailureAnswersTest {
    private final EmulatorStack stack;
    private final RequestCounter counter = new RequestCounter();
    private final ReturnsItemOnConditionFailure awsAnswers;
    private final AwsClients asOnAws;
    private final AwsClients asOnDynalite;
    private final String incident = TestData.uniqueId("incident");

    ConditionFailureAnswersTest(EmulatorStack stack) {
        this.stack = stack;
        this.awsAnswers = new ReturnsItemOnConditionFailure(stack.clients().dynamoDb());
        this.asOnAws = stack.newClients(awsAnswers, counter);
        this.asOnDynalite = stack.newClients(counter);
    }

    @AfterEach
    void closeClients() {
        asOnAws.close();
        asOnDynalite.close();
    }

    private DynamoPersonStore persons(AwsClients clients) {
        return new DynamoPersonStore(clients.dynamoDb(), stack.names().caseTable());
    }

    private DynamoCaseStore cases(AwsClients clients) {
        return new DynamoCaseStore(clients.dynamoDb(), stack.names().caseTable());
    }

    @Test
    void aPersonWrittenBeforeComesBackFromTheFailedPutWithoutARead() {
        IncidentPerson first = ContractData.matchedPerson(incident, "MP000101", 0);
        assertEquals(Optional.empty(), persons(asOnAws).putIfAbsent(first));
        counter.reset();

        Optional<IncidentPerson> stored = persons(asOnAws).putIfAbsent(ContractData.unmatchedPerson(incident, "MP000101", 0));

        assertEquals(Optional.of(first), stored, "the stored record, from the failed condition's answer");
        assertEquals(1, awsAnswers.spliced(), "the answer carried the item, as AWS's does");
        assertEquals(0, counter.calls("GetItem"), "no read after the failed condition: " + counter);
        assertEquals(1, counter.calls("PutItem"));
    }

    @Test
    void onDynaliteThePersonIsReadBackAndTheReadIsCountedAsAnEmulatorFallback() {
        IncidentPerson first = ContractData.matchedPerson(incident, "MP000102", 0);
        assertEquals(Optional.empty(), persons(asOnDynalite).putIfAbsent(first));
        counter.reset();

        Optional<IncidentPerson> stored = persons(asOnDynalite).putIfAbsent(ContractData.unmatchedPerson(incident, "MP000102", 0));

        assertEquals(Optional.of(first), stored);
        assertEquals(1, counter.calls("GetItem"), "dynalite returns no item, so it is read: " + counter);
        assertEquals(1, counter.emulatorFallbacks("GetItem"), "and the read is counted as the emulator's fallback");
        assertEquals(0, counter.emulatorFallbacks("PutItem"));
    }

    @Test
    void anOrdinaryReadIsNotAFallback() {
        IncidentPerson first = ContractData.matchedPerson(incident, "MP000103", 0);
        persons(asOnDynalite).putIfAbsent(first);
        counter.reset();

        assertEquals(Optional.of(first), persons(asOnDynalite).find(incident, "MP000103"));

        assertEquals(1, counter.calls("GetItem"));
        assertEquals(0, counter.emulatorFallbacks("GetItem"), "a read the caller asked for is one AWS is sent too");
    }

    @Test
    void aCaseOpenedBeforeComesBackFromTheFailedPutOnBothPaths() {
        String caseId = TestData.uniqueId("case");
        CaseRecord first = TestData.newCase(caseId, Instant.parse("2023-08-26T10:00:00Z"));
        assertTrue(cases(asOnAws).open(first).created());
        counter.reset();

        CaseStore.OpenOutcome onAws = cases(asOnAws).open(TestData.newCase(caseId, Instant.parse("2024-01-01T00:00:00Z")));
        assertFalse(onAws.created());
        assertEquals(first, onAws.stored());
        assertEquals(0, counter.calls("GetItem"), "AWS's answer carries the case: " + counter);

        CaseStore.OpenOutcome onDynalite = cases(asOnDynalite).open(TestData.newCase(caseId, Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(first, onDynalite.stored());
        assertEquals(1, counter.emulatorFallbacks("GetItem"), "dynalite's does not: read back, counted apart: " + counter);
    }

    @Test
    void aStatusMoveWhoseAnswerCarriesTheItemNeedsNoRead() {
        String caseId = TestData.uniqueId("case");
        cases(asOnAws).open(TestData.newCase(caseId, Instant.parse("2023-08-26T10:00:00Z")));
        counter.reset();

        assertFalse(cases(asOnAws).transition(caseId, CaseStatus.SCORING, CaseStatus.SCORED, null), "the case is INGESTING");

        assertEquals(0, counter.calls("GetItem"), counter.toString());
        assertTrue(awsAnswers.spliced() > 0);
    }
}
