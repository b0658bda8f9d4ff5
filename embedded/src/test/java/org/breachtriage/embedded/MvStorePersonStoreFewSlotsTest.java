package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

/**
 * The person-store contract with room for only two slots an incident in the heap, as a run over a small roster
 * whose incident names far more people than it holds: past the bound, people are looked up in the index, and
 * nobody is taken for absent, stored twice or given another's record.
 */
class MvStorePersonStoreFewSlotsTest extends PersonStoreContract {
    private static final int SLOTS = 2;

    @TempDir
    Path dir;
    private MVStore store;
    private PersonStore persons; // the contract's, which it keeps to itself

    @Override
    protected PersonStore newPersonStore() {
        store = MVStore.open(dir.resolve("few-slots.mv.db").toString());
        persons = new MvStorePersonStore(new StoreMaps(store), SLOTS);
        return persons;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void pastTheBoundEveryoneIsStillFoundOnceAndOnlyOnce() {
        String incident = ContractData.uniqueId("incident");
        int people = 25 * SLOTS;
        for (int i = 0; i < people; i++) {
            assertEquals(Optional.empty(), persons.putIfAbsent(ContractData.matchedPerson(incident, "MP-" + i, 0)));
        }
        for (int i = 0; i < people; i++) {
            String payNumber = "MP-" + i;
            IncidentPerson found = persons.find(incident, payNumber).orElseThrow(() -> new AssertionError("lost: " + payNumber));
            assertEquals(payNumber, found.payNumber(), "never another person's record");
            assertTrue(persons.putIfAbsent(ContractData.matchedPerson(incident, payNumber, 0)).isPresent(),
                    "a second put finds the first");
            assertTrue(persons.replace(ContractData.matchedPerson(incident, payNumber, 1), 0), "and can change it");
            assertEquals(1, persons.find(incident, payNumber).orElseThrow().version());
        }
        List<String> stored = new ArrayList<>();
        persons.forEach(incident, p -> stored.add(p.payNumber()));
        assertEquals(people, stored.size(), "one record each: " + stored);
        assertEquals(people, stored.stream().distinct().count());
    }

    /**
     * A crash's dangling index entry, kept in the heap map when a later process first looks it up; the map then fills; the person's
     * first write takes the entry over, and the map must follow it, or the person would read as absent for good.
     */
    @Test
    void aDanglingEntryTakenOverOnceTheMapIsFullIsFollowed() {
        String incident = ContractData.uniqueId("incident");
        persons.putIfAbsent(ContractData.matchedPerson(incident, "MP-FIRST", 0));
        store.close();
        newPersonStore(); // a later process: the index it opens is not empty, so every miss in the map asks it
        MVMap<String, Long> index = store.openMap("incident.personIndex/" + incident, new MVMap.Builder<String, Long>()
                .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
        index.put("MP-X", 99_999L); // names a slot nobody's record is in
        assertEquals(Optional.empty(), persons.find(incident, "MP-X"), "dangling: absent");
        for (int i = 0; i < 2 * SLOTS; i++) {
            persons.putIfAbsent(ContractData.matchedPerson(incident, "MP-FILL-" + i, 0));
        }
        assertEquals(Optional.empty(), persons.putIfAbsent(ContractData.matchedPerson(incident, "MP-X", 0)));
        assertEquals("MP-X", persons.find(incident, "MP-X").orElseThrow(() -> new AssertionError("lost")).payNumber());
    }

    /** The bound: an eighth of the heap, unless a test sets it; a setting that is not a count is refused by name. */
    @Test
    void theBoundIsAnEighthOfTheHeapUnlessATestSetsIt() {
        assertEquals(545_600, MvStorePersonStore.slotsKeptPerIncident(512L << 20, null));
        assertEquals(300, MvStorePersonStore.slotsKeptPerIncident(512L << 20, " 300 "));
        assertEquals(0, MvStorePersonStore.slotsKeptPerIncident(512L << 20, "0"));
        for (String bad : List.of("-1", "many", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MvStorePersonStore.slotsKeptPerIncident(512L << 20, bad));
            assertTrue(e.getMessage().contains(MvStorePersonStore.SLOTS_KEPT_PROPERTY), e.getMessage());
        }
    }
}
