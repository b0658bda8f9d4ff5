package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.GeneralCommunication;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.ports.contract.ContractData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state directory reopened after its holder died: the claims that process held are dropped (only
 * one process can hold the directory, so they are dead), and a clean close leaves nothing to recover.
 * A crash is imitated by copying the committed store file while it is still open, which is what a
 * SIGKILL leaves on disk; CrashResumeTest in cli kills real processes.
 */
class CrashRecoveryTest {
    private static final String INCIDENT = "IN-00000000000000c7";
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aCleanCloseLeavesNothingToRecover() {
        Path dir = tmp.resolve("clean");
        try (EmbeddedState state = EmbeddedState.open(dir)) {
            assertFalse(state.recovered().uncleanEnd(), "a new state directory");
        }
        try (EmbeddedState state = EmbeddedState.open(dir)) {
            assertEquals(CrashRecovery.Recovered.CLEAN, state.recovered());
        }
    }

    @Test
    void claimsAndAPlannedGeneralCommunicationOfADeadProcessAreFreedAndLogged() throws IOException {
        Path crashed = tmp.resolve("crashed");
        IncidentPerson claimed = person("MP000001", claimedNotice("MP000001", "dead-token"));
        IncidentPerson untouched = person("MP000002", publishedNotice("MP000002"));
        try (EmbeddedState state = EmbeddedState.open(tmp.resolve("live"))) {
            IncidentRecord incident = ContractData.bareIncidentRecord(INCIDENT, AT);
            state.incidentStore().create(incident.withGeneralCommunication(new GeneralCommunication("general-staff-v1",
                    "letters/" + INCIDENT + "/general-communication.txt", "dead-token", AT, null)));
            state.personStore().putIfAbsent(claimed);
            state.personStore().putIfAbsent(untouched);
            state.commit();
            Files.createDirectories(crashed);
            Files.copy(tmp.resolve("live").resolve(EmbeddedState.STORE_FILE), crashed.resolve(EmbeddedState.STORE_FILE));
        }

        try (EmbeddedState state = EmbeddedState.open(crashed)) {
            assertEquals(new CrashRecovery.Recovered(true, 1, 1), state.recovered());
            PersonNotice freed = state.personStore().find(INCIDENT, "MP000001").orElseThrow().notices().get(0);
            assertEquals(NoticeState.RELEASED, freed.state());
            assertNull(freed.claimedBy());
            assertTrue(freed.claimable(AT), "claimable at once, not after the lease");
            assertEquals(untouched, state.personStore().find(INCIDENT, "MP000002").orElseThrow(),
                    "a published notice is left as it is");
            assertNull(state.incidentStore().find(INCIDENT).orElseThrow().generalCommunication(),
                    "the plan is dropped, so the next dispatch plans and sends it");
            List<DecisionEntry> log = state.incidentStore().decisions(INCIDENT);
            assertEquals("recovered after a crash", log.get(log.size() - 1).decision());
            assertTrue(log.get(log.size() - 1).reason().contains("1 people's notices"), log.get(log.size() - 1).reason());
        }
        try (EmbeddedState state = EmbeddedState.open(crashed)) {
            assertEquals(CrashRecovery.Recovered.CLEAN, state.recovered(), "recovered once, then closed cleanly");
        }
    }

    private static IncidentPerson person(String payNumber, PersonNotice notice) {
        IncidentPerson base = ContractData.unmatchedPerson(INCIDENT, payNumber, 0);
        return new IncidentPerson(INCIDENT, payNumber, base.matched(), base.staffType(), base.force(), base.exposed(),
                base.assessment(), base.manifests(), List.of(notice), base.changes(), base.reviewNotes(), null, 0);
    }

    private static PersonNotice claimedNotice(String payNumber, String token) {
        return PersonNotice.planned(PersonNotice.idFor(INCIDENT, payNumber, NoticeKind.INITIAL, Band.MEDIUM),
                NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "info-medium-v1", false, "BT-00000000000000b1", 0,
                AT, 0, false).claimed(token, AT);
    }

    private static PersonNotice publishedNotice(String payNumber) {
        return claimedNotice(payNumber, "live-token").publishedAt(AT.plusSeconds(1));
    }
}
