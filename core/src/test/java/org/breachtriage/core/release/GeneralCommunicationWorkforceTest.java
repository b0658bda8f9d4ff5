package org.breachtriage.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.letters.LetterSettings;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.testing.DelegatingPersonStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

/**
 * Whether the general staff communication is due is read from the manifests ingest marked as listing the
 * workforce, not from a walk over every person: for an incident of victims and witnesses only that walk
 * came with every release call. Only an incident opened before manifests were marked is still walked.
 */
class GeneralCommunicationWorkforceTest {
    private static final String FORCE = "Metropolitan Police Service";

    /** Counts the walks over an incident's people. */
    private static final class WalkCounting extends DelegatingPersonStore {
        final AtomicInteger walks = new AtomicInteger();

        WalkCounting() {
            super(new InMemoryPersonStore());
        }

        @Override
        public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
            walks.incrementAndGet();
            super.forEach(incidentId, consumer);
        }

        @Override
        public void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
            walks.incrementAndGet();
            super.forEachAnyOrder(incidentId, consumer);
        }
    }

    private final MutableClock clock = new MutableClock(ContractData.AWARE_AT.plusSeconds(60));
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final IncidentService incidents = new IncidentService(store, clock);
    private final WalkCounting persons = new WalkCounting();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final ScoringPolicy policy = ScoringPolicy.loadDefault();
    private final NoticeDispatch dispatch = new NoticeDispatch(persons, new InMemoryStaff(), new InMemoryObjectStore(),
            publisher, incidents, Letters.checked(LetterSettings.defaults(FORCE), FORCE, policy),
            policy.generalCommunicationTemplate(), clock);

    private String openIncident(String name, Set<String> workforceManifests) {
        String id = ContractData.uniqueId(name);
        IncidentRecord opened = IncidentRecord.open(id, FORCE, "INC-" + name, "Acme", new IncidentManifest("BT-1",
                "manifests/" + name + ".csv", ContractData.AWARE_AT, clock.instant(), null), clock.instant());
        store.create(new IncidentRecord(opened.incidentId(), opened.force(), opened.reference(), opened.supplier(),
                opened.openedAt(), opened.earliestAwareAt(), opened.manifests(), opened.reports(), opened.reminders(),
                opened.icoSubmission(), opened.approvals(), opened.generalCommunication(), 0, opened.regime(),
                workforceManifests));
        return id;
    }

    @Test
    void anIncidentWhoseManifestsListNoStaffSendsNoneAndReadsNobody() {
        String id = openIncident("victims", Set.of());

        for (int call = 0; call < 5; call++) {
            assertFalse(dispatch.ensureGeneralCommunication(id));
        }

        assertEquals(0, persons.walks.get(), "no walk over the incident's people, however many release calls");
        assertNull(store.find(id).orElseThrow().generalCommunication());
        assertEquals(0, publisher.all().size());
    }

    @Test
    void aManifestMarkedAsListingStaffSendsItOnceWithoutReadingAnyone() {
        String id = openIncident("staff", Set.of());
        incidents.markWorkforceManifest(id, "BT-1");
        incidents.markWorkforceManifest(id, "BT-1");
        assertEquals(Set.of("BT-1"), store.find(id).orElseThrow().workforceManifests());

        assertTrue(dispatch.ensureGeneralCommunication(id));
        assertFalse(dispatch.ensureGeneralCommunication(id), "once");

        assertEquals(0, persons.walks.get());
        assertNotNull(store.find(id).orElseThrow().generalCommunication().sentAt());
    }

    @Test
    void onlyTheStaffOfAManifestSupersededSinceDoNotCount() {
        IncidentRecord marked = IncidentRecord.open("IN-1", FORCE, "INC-1", "Acme", new IncidentManifest("BT-1",
                "a.csv", ContractData.AWARE_AT, ContractData.AWARE_AT, "BT-2"), ContractData.AWARE_AT)
                .withWorkforceManifest("BT-1");
        assertEquals(Optional.of(false), marked.listsWorkforce(), "BT-1 was superseded");
        assertEquals(Optional.of(true), marked.withWorkforceManifest("BT-2").listsWorkforce());
    }

    @Test
    void anIncidentOpenedBeforeManifestsWereMarkedIsReadAsBefore() {
        String id = openIncident("older", null);
        incidents.markWorkforceManifest(id, "BT-1");
        assertNull(store.find(id).orElseThrow().workforceManifests(), "its earlier manifests are unknown: not marked");

        assertFalse(dispatch.ensureGeneralCommunication(id), "nobody of the workforce among its people");
        assertEquals(1, persons.walks.get(), "its people are read to know");
    }
}
