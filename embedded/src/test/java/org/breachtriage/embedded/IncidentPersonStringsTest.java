package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.scoring.Art34Exemption;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person records name their repeated strings by number ({@link StringTable}): they read back equal,
 * after a reopen too, are several times smaller, share the table's strings, and a record of the
 * format before the table (every string inline) still reads.
 */
class IncidentPersonStringsTest {
    @TempDir
    Path stateDir;

    private static StringTable freshTable() {
        MVStore store = MVStore.open(null);
        return new StringTable(store.openMap("strings", new MVMap.Builder<Long, String>()
                .keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE)));
    }

    private static ByteBuffer written(IncidentPersonCodec type, IncidentPerson person) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, person);
        return buff.getBuffer().flip();
    }

    @Test
    void aRecordReadsBackEqualAndTheRepeatedStringsCostANumberEach() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000101", 4);
        StringTable table = freshTable();
        IncidentPersonCodec type = new IncidentPersonCodec(incident, table);

        int inline = written(type, person).remaining(); // nothing added yet: every string is written inline
        IncidentPersonCodec.addStrings(person, table);
        table.makeDurable(() -> { }); // as after a commit of the table's map
        ByteBuffer byNumber = written(type, person);
        int size = byNumber.remaining();

        assertEquals(person, type.read(byNumber));
        assertTrue(size * 2 < inline, "by number " + size + " bytes, inline " + inline);
    }

    @Test
    void aStringAddedButNotYetOnDiskIsWrittenInlineSoAFileWithoutItStillReadsTheRecord() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000106", 3);
        StringTable table = freshTable();
        IncidentPersonCodec.addStrings(person, table); // entries put, no commit has finished since
        assertTrue(table.hasPending());
        ByteBuffer bytes = written(new IncidentPersonCodec(incident, table), person);

        // A commit may save the record and not yet the table's entries (each map as it reaches it): a store
        // reopened from such a version has none of them, and the record must read all the same.
        assertEquals(person, new IncidentPersonCodec(incident, freshTable()).read(bytes));
        int[] commits = {0};
        table.makeDurable(() -> commits[0]++);
        table.makeDurable(() -> commits[0]++);
        assertEquals(1, commits[0], "one commit for the strings pending, none when nothing is");
    }

    @Test
    void aStringNotAddedIsWrittenInlineAndStillReads() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000102", 2);
        StringTable table = freshTable();
        IncidentPersonCodec type = new IncidentPersonCodec(incident, table);
        IncidentPersonCodec.addStrings(ContractData.matchedPerson(incident, "MP000103", 0), table); // some, not all

        assertEquals(person, type.read(written(type, person)));
    }

    @Test
    void recordsSurviveReopeningAndShareTheTablesStrings() {
        String incident = ContractData.uniqueId("incident");
        List<IncidentPerson> people = new ArrayList<>();
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            for (int i = 0; i < 50; i++) {
                IncidentPerson p = i % 2 == 0 ? ContractData.matchedPerson(incident, String.format("MP%06d", i), i % 5)
                        : ContractData.unmatchedPerson(incident, String.format("MP%06d", i), 0);
                people.add(p);
                state.personStore().putIfAbsent(p);
            }
            IncidentPerson changed = ContractData.matchedPerson(incident, "MP000000", 3);
            assertTrue(state.personStore().replace(changed, 0));
            people.set(0, changed);
        }
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            for (IncidentPerson p : people) {
                assertEquals(Optional.of(p), state.personStore().find(incident, p.payNumber()));
            }
            IncidentPerson a = state.personStore().find(incident, "MP000002").orElseThrow();
            IncidentPerson b = state.personStore().find(incident, "MP000004").orElseThrow();
            assertSame(a.assessment().reasons().getFirst(), b.assessment().reasons().getFirst(),
                    "one string in the heap for a reason thousands of people share");
        }
    }

    @Test
    void aRecordOfTheFormatBeforeTheTableStillReads() {
        String incident = ContractData.uniqueId("incident");
        Assessment assessment = new Assessment(1.5, 1.0, new CircumstancesOfBreach(0.5, 0, 0, 0.5), 2.5, Band.MEDIUM,
                List.of("Simple data is the most serious type exposed", "Malicious breach"), Art34Exemption.NONE);
        IncidentPerson expected = new IncidentPerson(incident, "MP000104", true, StaffType.OFFICER,
                "Metropolitan Police Service", Set.of(DataCategory.NAME, DataCategory.RANK), assessment, List.of(),
                List.of(), List.of(), List.of("look again"), null, 7);
        WriteBuffer v2 = new WriteBuffer();
        v2.put((byte) 2).put((byte) (1 | 2)); // format 2; matched, has CB
        Bin.putString(v2, "MP000104");
        Bin.putEnum(v2, StaffType.OFFICER);
        Bin.putString(v2, "Metropolitan Police Service");
        v2.putVarInt(org.breachtriage.core.model.Categories.mask(expected.exposed()));
        v2.putDouble(1.5).putDouble(1.0).putDouble(0.5).putDouble(0).putDouble(0).putDouble(0.5).putDouble(2.5);
        Bin.putEnum(v2, Band.MEDIUM);
        v2.putVarInt(2);
        Bin.putString(v2, "Simple data is the most serious type exposed");
        Bin.putString(v2, "Malicious breach");
        v2.putVarInt(0).putVarInt(0).putVarInt(0); // manifests, notices, changes
        v2.putVarInt(1);
        Bin.putString(v2, "look again");
        v2.put((byte) 0).putVarInt(7); // no hold; version

        ByteBuffer bytes = v2.getBuffer().flip();
        assertEquals(expected, new IncidentPersonCodec(incident, freshTable()).read(bytes.duplicate()));
        new IncidentPersonCodec(incident, freshTable()).skip(bytes);
        assertEquals(0, bytes.remaining(), "skip walks a format-2 record to its end");
    }

    /**
     * Finding where a record ends without decoding it ({@link IncidentPersonCodec#skip}, what reading a page
     * from disk does) must walk exactly the fields {@link IncidentPersonCodec#write} wrote: checked on records
     * of every shape the contract has (an assessment with and without its circumstances, an exemption, a
     * hold with and without a restriction, approvals, withdrawn notices, changes from nothing, notes), with
     * characters of one, two and three bytes, their strings inline and by number, and two records back to back.
     */
    @Test
    void skippingARecordEndsExactlyWhereItsWritingEnded() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson rich = ContractData.matchedPerson(incident, "MP000106", 9);
        Assessment noCb = new Assessment(2, 0.5, null, 1.0, Band.MEDIUM, List.of("Ó’Briain — a rare name: EI 0.5"),
                Art34Exemption.NONE);
        IncidentPerson accented = new IncidentPerson(incident, "MPÉ0107", true, StaffType.STAFF, "Heddlu Dyfed-Powys",
                rich.exposed(), noCb, rich.manifests(), rich.notices(), rich.changes(), List.of("Zoë €5 — review"), null, 3);
        List<IncidentPerson> people = List.of(rich, accented, ContractData.unmatchedPerson(incident, "MP000108", 0),
                ContractData.restrictedVictim(incident, "V-109", 2));
        for (boolean byNumber : new boolean[] {false, true}) {
            StringTable table = freshTable();
            if (byNumber) {
                people.forEach(p -> IncidentPersonCodec.addStrings(p, table));
                table.makeDurable(() -> { });
            }
            IncidentPersonCodec type = new IncidentPersonCodec(incident, table);
            for (IncidentPerson p : people) {
                WriteBuffer two = new WriteBuffer();
                type.write(two, p);
                int first = two.position();
                type.write(two, p);
                ByteBuffer bytes = two.getBuffer().flip();
                type.skip(bytes);
                assertEquals(first, bytes.position(), p.payNumber() + (byNumber ? ", strings by number" : ", inline"));
                type.skip(bytes);
                assertEquals(0, bytes.remaining(), p.payNumber() + ": the second record too");
                assertEquals(p, type.unpack(type.pack(p)), p.payNumber() + " packs and unpacks");
            }
        }
    }

    @Test
    void aNumberTheTableLacksIsNamedAsDamageNotMisread() {
        String incident = ContractData.uniqueId("incident");
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000105", 1);
        StringTable full = freshTable();
        IncidentPersonCodec.addStrings(person, full);
        full.makeDurable(() -> { });
        ByteBuffer bytes = written(new IncidentPersonCodec(incident, full), person);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new IncidentPersonCodec(incident, freshTable()).read(bytes));
        assertTrue(e.getMessage().contains("the state file is damaged"), e.getMessage());
    }
}
