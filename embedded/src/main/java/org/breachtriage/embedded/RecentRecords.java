package org.breachtriage.embedded;

import org.breachtriage.core.incident.IncidentPerson;

/**
 * The person each of the last few thousand packed records this process read or wrote decodes to, so that a
 * record read and then written back at once is not decoded twice. That is the common case, not a corner: a
 * scorer reads a person, folds the sighting and replaces the record (the replace decodes what is stored to
 * check its version); the release walks its people, claims each (decoded again) and then marks each notice
 * published (decoded a third time, from the claim it wrote a moment before).
 *
 * <p>Why it is exact: an entry answers only for the very {@link PackedPerson} object it was made from, found
 * by identity, and a packed record is never changed once made. A page that MVStore dropped from its cache
 * and read again holds new objects, which miss and are decoded as before; so does every record another
 * incident's map holds, or that this process has not touched lately. An entry made from a write holds the
 * person that was packed, which decodes to an equal person ({@code IncidentPersonCodec} round-trips every
 * field; with Java assertions on, as in the tests, every answer is checked against a fresh decode).
 *
 * <p>Why direct-mapped and this small: a slot per sequence number modulo the table's size keeps no lists and
 * takes no lock (an entry is immutable and one reference wide, so a racing reader sees a whole entry or
 * another), and {@value #SIZE} entries cover what a release sweep reads before it writes (a thousand people
 * found among at most a few thousand records) at a few megabytes of heap. An earlier copy of every slot's
 * latest record cost more in GC than it saved (docs/benchmarks.md).
 */
final class RecentRecords {
    static final int SIZE = 4096;

    private record Recent(long seq, PackedPerson packed, IncidentPerson person) {
    }

    private final Recent[] entries = new Recent[SIZE];
    private final IncidentPersonCodec codec;

    RecentRecords(IncidentPersonCodec codec) {
        this.codec = codec;
    }

    /** The person the record at {@code seq} decodes to: from this table when it holds that very object. */
    IncidentPerson decode(long seq, PackedPerson packed) {
        int at = slot(seq);
        Recent recent = entries[at];
        if (recent != null && recent.packed == packed && recent.seq == seq) {
            assert recent.person.equals(codec.unpack(packed)) : "a remembered record differs from its decoding";
            return recent.person;
        }
        IncidentPerson person = codec.unpack(packed);
        entries[at] = new Recent(seq, packed, person);
        return person;
    }

    /** Remembers that {@code packed}, about to be stored at {@code seq}, was packed from {@code person}. */
    void wrote(long seq, PackedPerson packed, IncidentPerson person) {
        entries[slot(seq)] = new Recent(seq, packed, person);
    }

    private static int slot(long seq) {
        return (int) (seq & (SIZE - 1));
    }
}
