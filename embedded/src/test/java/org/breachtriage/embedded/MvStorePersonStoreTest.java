package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.ports.contract.PersonStoreContract;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person-store contract on the MVStore file, and that records survive closing and reopening it. */
class MvStorePersonStoreTest extends PersonStoreContract {
    @TempDir
    Path stateDir;
    private EmbeddedState state;

    @Override
    protected PersonStore newPersonStore() {
        state = EmbeddedState.open(stateDir);
        return state.personStore();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    @Test
    void anIndexEntryLeftDanglingByACrashReadsAsAbsentAndIsReused() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson alice = ContractData.matchedPerson(incident, "MP-ALICE", 0);
        state.personStore().putIfAbsent(alice);
        state.close();
        // A crash between the two writes of putIfAbsent can persist the index entry without its record;
        // with sequence numbers reused after restart, it could even name another person's record.
        try (var raw = MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            var index = raw.openMap("incident.personIndex/" + incident, new MVMap.Builder<String, Long>()
                    .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
            index.put("MP-GONE", 12345L);
            index.put("MP-BOB", index.get("MP-ALICE"));
        }
        state = EmbeddedState.open(stateDir);
        PersonStore store = state.personStore();

        assertEquals(Optional.empty(), store.find(incident, "MP-GONE"));
        assertEquals(Optional.empty(), store.find(incident, "MP-BOB"), "never another person's record");
        assertFalse(store.replace(ContractData.matchedPerson(incident, "MP-BOB", 1), 0));
        assertFalse(store.markPublished(incident, "MP-BOB", alice.notices().get(1).noticeId(), Instant.EPOCH));
        List<String> listed = new ArrayList<>();
        store.forEach(incident, p -> listed.add(p.payNumber()));
        assertEquals(List.of("MP-ALICE"), listed);
        List<String> walked = new ArrayList<>();
        store.forEachAnyOrder(incident, p -> walked.add(p.payNumber()));
        assertEquals(List.of("MP-ALICE"), walked, "the log walk counts Alice once, under her own entry only");

        IncidentPerson bob = ContractData.unmatchedPerson(incident, "MP-BOB", 0);
        assertEquals(Optional.empty(), store.putIfAbsent(bob));
        assertEquals(Optional.empty(), store.putIfAbsent(ContractData.unmatchedPerson(incident, "MP-GONE", 0)));
        assertEquals(Optional.of(bob), store.find(incident, "MP-BOB"));
        assertEquals(Optional.of(alice), store.find(incident, "MP-ALICE"));
        listed.clear();
        store.forEach(incident, p -> listed.add(p.payNumber()));
        assertEquals(List.of("MP-ALICE", "MP-BOB", "MP-GONE"), listed);
        walked.clear();
        store.forEachAnyOrder(incident, p -> walked.add(p.payNumber()));
        assertEquals(List.of("MP-ALICE", "MP-BOB", "MP-GONE"), walked.stream().sorted().toList());
    }

    @Test
    void aRecordACrashLeftWithoutItsIndexEntryIsNotWalkedNorOneTwoEntriesName() {
        String incident = ContractData.uniqueId("incident");
        state.personStore().putIfAbsent(ContractData.matchedPerson(incident, "MP-ALICE", 0));
        state.close();
        // putIfAbsent writes the log first: a crash before the index entry leaves a record nobody owns.
        try (var raw = MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            StringTable strings = new StringTable(raw.openMap("incident.personStrings/" + incident,
                    new MVMap.Builder<Long, String>().keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE)));
            IncidentPersonCodec codec = new IncidentPersonCodec(incident, strings);
            var log = raw.openMap("incident.persons/" + incident, new MVMap.Builder<Long, PackedPerson>()
                    .keyType(LongDataType.INSTANCE).valueType(new PackedPersonType(codec)));
            log.put(log.lastKey() + 1, codec.pack(ContractData.unmatchedPerson(incident, "MP-ORPHAN", 0)));
            // And a dangling entry that sorts before Alice's own and names her slot.
            var index = raw.openMap("incident.personIndex/" + incident, new MVMap.Builder<String, Long>()
                    .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
            index.put("MP-AAA", index.get("MP-ALICE"));
        }
        state = EmbeddedState.open(stateDir);

        List<String> walked = new ArrayList<>();
        state.personStore().forEachAnyOrder(incident, p -> walked.add(p.payNumber()));
        assertEquals(List.of("MP-ALICE"), walked, "Alice once, under her own entry; the orphan not at all");
        assertEquals(Optional.empty(), state.personStore().find(incident, "MP-ORPHAN"));
        assertEquals(Optional.empty(), state.personStore().find(incident, "MP-AAA"));
    }

    @Test
    void readingAnUnknownIncidentCreatesNothingInTheFile() {
        String incident = ContractData.uniqueId("missing");
        state.personStore().forEach(incident, p -> { });
        state.personStore().find(incident, "MP1");
        state.personStore().markPublished(incident, "MP1", "x", Instant.EPOCH);
        state.incidentStore().find(incident);
        state.incidentStore().decisions(incident);
        state.close();
        try (var raw = MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            assertTrue(raw.getMapNames().stream().noneMatch(name -> name.contains(incident)), raw.getMapNames().toString());
        }
        state = EmbeddedState.open(stateDir); // for closeState
    }

    @Test
    void aPersonSurvivesClosingAndReopeningTheStateDir() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000321", 2);
        state.personStore().putIfAbsent(person);
        state.close();

        state = EmbeddedState.open(stateDir);

        assertEquals(Optional.of(person), state.personStore().find(incident, "MP000321"));
    }
}
