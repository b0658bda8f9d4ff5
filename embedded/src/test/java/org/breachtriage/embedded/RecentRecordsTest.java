package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.contract.ContractData;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;

/** The memo answers only for the very packed object it was made from, and otherwise decodes as before. */
class RecentRecordsTest {
    private final String incident = ContractData.uniqueId("incident");
    private final IncidentPersonCodec codec = new IncidentPersonCodec(incident, new StringTable(MVStore.open(null)
            .openMap("strings", new MVMap.Builder<Long, String>().keyType(LongDataType.INSTANCE)
                    .valueType(StringDataType.INSTANCE))));
    private final RecentRecords recent = new RecentRecords(codec);

    @Test
    void aRecordJustWrittenIsAnsweredWithThePersonItWasPackedFrom() {
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000101", 4);
        PackedPerson packed = codec.pack(person);
        recent.wrote(7, packed, person);

        assertSame(person, recent.decode(7, packed));
    }

    @Test
    void anEqualCopyOfTheBytesIsDecodedAfresh() {
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000101", 4);
        PackedPerson packed = codec.pack(person);
        recent.wrote(7, packed, person);
        PackedPerson reread = new PackedPerson(packed.bytes().clone()); // a page MVStore read again from disk

        IncidentPerson decoded = recent.decode(7, reread);

        assertNotSame(person, decoded);
        assertEquals(person, decoded);
    }

    @Test
    void anotherSlotSharingTheEntryIsNotAnsweredFromIt() {
        IncidentPerson first = ContractData.matchedPerson(incident, "MP000101", 4);
        IncidentPerson second = ContractData.matchedPerson(incident, "MP000202", 2);
        PackedPerson packedFirst = codec.pack(first);
        recent.wrote(3, packedFirst, first);
        PackedPerson packedSecond = codec.pack(second);
        recent.wrote(3 + RecentRecords.SIZE, packedSecond, second); // the same entry of the table

        assertEquals(first, recent.decode(3, packedFirst));
        assertEquals(second, recent.decode(3 + RecentRecords.SIZE, packedSecond));
    }

    @Test
    void aDecodedRecordIsRememberedForTheWriteThatFollows() {
        IncidentPerson person = ContractData.matchedPerson(incident, "MP000101", 4);
        PackedPerson packed = codec.pack(person);

        IncidentPerson read = recent.decode(11, packed);

        assertSame(read, recent.decode(11, packed));
    }
}
