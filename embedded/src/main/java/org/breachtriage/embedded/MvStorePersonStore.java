package org.breachtriage.embedded;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.ports.PersonStore;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link PersonStore} on an MVStore file: per incident, a log of person records (sequence number →
 * record, appended in the order people arrive) and a pay-number index (pay number → sequence).
 *
 * <p>Why a log plus an index rather than one map keyed by pay number: manifests arrive in no
 * particular pay-number order, and MVStore is a copy-on-write B-tree, so random inserts of
 * person-sized values dirty a different page each time and every commit rewrites most of the map.
 * Measured on a million rows that was several times slower (and GC-bound) than appending the records
 * and inserting only small pay-number → sequence entries at random. A record is only taken as the
 * person's if its own pay number matches, so an index entry left dangling by a crash between the two
 * writes reads as absent and is reused.
 *
 * <p>The log holds each record as its encoded bytes ({@link PackedPerson}), packed by the writer and
 * decoded by the reader, so that a quarter of a million people fit the page cache and a commit copies
 * records rather than encoding them again.
 *
 * <p>Every conditional write is one {@link MVMap#operate} on one entry, which MVStore applies
 * atomically, so scorer threads need no lock of ours.
 */
public final class MvStorePersonStore implements PersonStore {
    private static final String LOG_PREFIX = "incident.persons/";
    private static final String INDEX_PREFIX = "incident.personIndex/";
    private static final String STRINGS_PREFIX = "incident.personStrings/";

    /** Heap one entry of {@link People#seenSlots} takes: measured 123 bytes for a million 9-character pay numbers. */
    static final long SLOT_BYTES = 123;

    private final StoreMaps maps;
    private final Map<String, People> byIncident = new ConcurrentHashMap<>();
    private final int slotsKeptPerIncident;

    /**
     * Keeps the slots seen in at most an eighth of the heap per incident (at a 512 MB heap about 545,000 people,
     * twice the benchmark's million-row incident). Why a bound: the roster bounds the heap bin/triage gives a run
     * ({@link HeapHint}), but not the people of an incident who are not on it; a manifest of a million and a half
     * victims over a small staff table would otherwise fill the heap with this map alone.
     */
    MvStorePersonStore(StoreMaps maps) {
        this(maps, slotsKeptPerIncident(Runtime.getRuntime().maxMemory(), System.getProperty(SLOTS_KEPT_PROPERTY)));
    }

    /**
     * Sets the number of slots kept per incident in place of the heap's eighth. It is for tests. A kill test
     * runs a child triage with room for a few hundred slots, so that the kill lands with the map full and the
     * resumed run fills it again (CrashResumeTest). An operator has no use for it.
     */
    public static final String SLOTS_KEPT_PROPERTY = "breachtriage.store.slotsKeptPerIncident";

    static int slotsKeptPerIncident(long maxHeapBytes, String override) {
        if (override != null) {
            try {
                int slots = Integer.parseInt(override.trim());
                if (slots >= 0) {
                    return slots;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("system property " + SLOTS_KEPT_PROPERTY + " must be a whole number"
                    + " of 0 or more, not \"" + override + "\"");
        }
        return (int) Math.min(Integer.MAX_VALUE, maxHeapBytes / 8 / SLOT_BYTES);
    }

    /** With this many slots kept per incident; past it, people not kept are looked up in the index. */
    MvStorePersonStore(StoreMaps maps, int slotsKeptPerIncident) {
        this.maps = maps;
        this.slotsKeptPerIncident = Math.max(0, slotsKeptPerIncident);
    }

    /**
     * An incident's log, index and string table, opened together, and the slots this process has seen in
     * the index. Why that copy: a run asks for a person once per row, and a lookup in the index (a B-tree
     * of strings) cost more than reading the record itself. Why it cannot go stale: an index entry is
     * written only once its record is in the log, and only replaced when the slot it names holds nobody's
     * record but a crash's leftovers, so an entry seen in this process names its person's slot for good.
     * A slot not seen yet is asked of the index, unless the index was empty when this process opened it:
     * then every entry in it was written here, and seen as it was written ({@link #indexed}), so a person
     * not seen is not there. That spares a run on a new incident one B-tree search per new person (a
     * million-row run has a quarter of a million); only this process writes while it holds the state dir.
     * At most {@code slotsKept} slots are kept (see the constructor); once a slot is not, a person not kept is
     * asked of the index, whatever the index held at open. {@code recent} spares a record read and then written
     * back at once its second decoding ({@link RecentRecords}).
     */
    private record People(MVMap<Long, PackedPerson> log, MVMap<String, Long> index, StringTable strings,
                          IncidentPersonCodec codec, AtomicLong nextSeq, Map<String, Long> seenSlots, int slotsKept,
                          AtomicBoolean allSeen, RecentRecords recent) {
        IncidentPerson at(long seq, String payNumber) {
            PackedPerson packed = log.get(seq);
            return packed != null && packed.isOf(payNumber) ? recent.decode(seq, packed) : null;
        }

        /** The person's slot, or null if the index has none. */
        Long slotOf(String payNumber) {
            Long seq = seenSlots.get(payNumber);
            if (seq == null && !allSeen.get()) {
                seq = index.get(payNumber);
                if (seq != null) {
                    remember(payNumber, seq);
                }
            }
            return seq;
        }

        /** The person's record, or null. */
        IncidentPerson find(String payNumber) {
            Long seq = slotOf(payNumber);
            return seq == null ? null : at(seq, payNumber);
        }

        /** Records an index entry this process has just written. */
        void indexed(String payNumber, long seq) {
            remember(payNumber, seq);
        }

        /**
         * Keeps the slot, unless the map is full: then it is not kept, and a person not in the map may no longer
         * be taken as absent, so lookups that miss go to the index. A lookup racing the entry's write may still
         * find nobody, as it may before the map is full (the entry is written before it is kept): the write that
         * follows it finds the entry when it takes its own ({@link #putIfAbsent}).
         */
        private void remember(String payNumber, long seq) {
            if (seenSlots.replace(payNumber, seq) != null) {
                return; // kept already (a dangling entry taken over): the map must name the slot the index now names
            }
            if (seenSlots.size() < slotsKept) {
                seenSlots.put(payNumber, seq);
            } else {
                allSeen.set(false);
            }
        }

        /**
         * An update's record, its strings stored in the table first, then packed: inside a map update no
         * commit can run, so its new strings go inline until the record next changes. Null stays null (an
         * update that declined).
         */
        PackedPerson packed(long seq, IncidentPerson person) {
            if (person == null) {
                return null;
            }
            IncidentPersonCodec.addStrings(person, strings);
            return packAt(seq, person);
        }

        /** The record as it will be stored at {@code seq}, remembered as packed from {@code person}. */
        PackedPerson packAt(long seq, IncidentPerson person) {
            PackedPerson packed = codec.pack(person);
            recent.wrote(seq, packed, person);
            return packed;
        }

        /**
         * After a write that added strings, a commit, so that records name them by number from now on (see
         * {@link StringTable}). Never from inside a map update: a commit waits for those to finish.
         */
        void stringsToDisk(MVStore store) {
            if (strings.hasPending()) {
                strings.makeDurable(store::commit);
            }
        }
    }

    @Override
    public Optional<IncidentPerson> putIfAbsent(IncidentPerson person) {
        String payNumber = requirePayNumber(person.payNumber());
        People people = people(person.incidentId(), true);
        // Most rows name someone already stored (a million rows name a quarter of a million people):
        // answer those from the index, without appending a record only to take it back.
        IncidentPerson stored = people.find(payNumber);
        if (stored != null) {
            return Optional.of(stored);
        }
        // Log first, index second: once the index names a sequence number, its record is there.
        long seq = people.nextSeq.getAndIncrement();
        IncidentPersonCodec.addStrings(person, people.strings);
        people.stringsToDisk(maps.store()); // before packing, so that its new strings are written by number
        people.log.put(seq, people.packAt(seq, person));
        while (true) {
            Long taken = people.index.putIfAbsent(payNumber, seq);
            if (taken == null || taken == seq) { // == seq: a crash-dangling entry that happens to name our slot
                people.indexed(payNumber, seq);
                return Optional.empty();
            }
            IncidentPerson existing = people.at(taken, payNumber);
            if (existing != null) {
                people.log.remove(seq);
                return Optional.of(existing);
            }
            if (people.index.replace(payNumber, taken, seq)) { // dangling entry: take it over
                people.indexed(payNumber, seq);
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean replace(IncidentPerson updated, int expectedVersion) {
        return update(updated.incidentId(), requirePayNumber(updated.payNumber()),
                stored -> stored.version() == expectedVersion ? updated : null);
    }

    @Override
    public Optional<IncidentPerson> find(String incidentId, String payNumber) {
        requirePayNumber(payNumber);
        People people = people(incidentId, false);
        if (people == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(people.find(payNumber));
    }

    @Override
    public Optional<IncidentPerson> findLocally(String incidentId, String payNumber) {
        return find(incidentId, payNumber);
    }

    @Override
    public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
        People people = people(incidentId, false);
        if (people == null) {
            return;
        }
        maps.readingOneVersion(() -> {
            Cursor<String, Long> cursor = people.index.cursor(null);
            while (cursor.hasNext()) {
                String payNumber = cursor.next();
                IncidentPerson person = people.at(cursor.getValue(), payNumber);
                if (person != null) {
                    consumer.accept(person);
                }
            }
        });
    }

    /**
     * The log in sequence order, each page read once. A record counts only if the index names its slot
     * for its pay number: that leaves out a record left by a crash before its index entry was written, and
     * one a racing first write took back. The index is read first, in one pass, into who owns each slot:
     * asking it about every record was costlier than reading the records.
     */
    @Override
    public void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
        People people = people(incidentId, false);
        if (people == null) {
            return;
        }
        maps.readingOneVersion(() -> {
            SlotOwners owners = SlotOwners.of(people.index, people.nextSeq.get());
            Cursor<Long, PackedPerson> cursor = people.log.cursor(null);
            while (cursor.hasNext()) {
                long seq = cursor.next();
                PackedPerson packed = cursor.getValue();
                if (owners.owns(seq, packed.payNumber())) {
                    consumer.accept(people.recent.decode(seq, packed));
                }
            }
        });
    }

    /**
     * Which pay number's index entry names each log slot. Two entries can name one slot only after a
     * crash (an entry left dangling, then its slot reused): those few are kept apart.
     */
    private record SlotOwners(String[] bySeq, Map<Long, Set<String>> shared) {
        static SlotOwners of(MVMap<String, Long> index, long slots) {
            String[] bySeq = new String[Math.toIntExact(slots)];
            Map<Long, Set<String>> shared = new HashMap<>();
            Cursor<String, Long> cursor = index.cursor(null);
            while (cursor.hasNext()) {
                String payNumber = cursor.next();
                long seq = cursor.getValue();
                if (seq < 0 || seq >= bySeq.length) {
                    continue; // dangling past the log's end: no record to own
                }
                int slot = (int) seq;
                if (bySeq[slot] == null) {
                    bySeq[slot] = payNumber;
                } else {
                    shared.computeIfAbsent(seq, s -> new HashSet<>()).add(payNumber);
                }
            }
            return new SlotOwners(bySeq, shared);
        }

        boolean owns(long seq, String payNumber) {
            if (seq < 0 || seq >= bySeq.length) {
                return false;
            }
            return payNumber.equals(bySeq[(int) seq]) || shared.getOrDefault(seq, Set.of()).contains(payNumber);
        }
    }

    @Override
    public boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at) {
        return update(incidentId, requirePayNumber(payNumber), stored ->
                stored.notice(noticeId).map(PersonNotice::published).orElse(true) ? null : stored.withPublished(noticeId, at));
    }

    /**
     * Drops every claim on an unpublished notice of the incident ({@link IncidentPerson#withDeadClaimsDropped}):
     * only for a store reopened after the process holding it died, when no claimer can be alive.
     *
     * @return the people whose record changed
     */
    int dropDeadClaims(String incidentId) {
        People people = people(incidentId, false);
        if (people == null) {
            return 0;
        }
        int changed = 0;
        Cursor<String, Long> cursor = people.index.cursor(null); // iterates a snapshot: safe to write under it
        while (cursor.hasNext()) {
            String payNumber = cursor.next();
            IncidentPerson person = people.at(cursor.getValue(), payNumber);
            if (person != null && person.withDeadClaimsDropped() != person
                    && update(incidentId, payNumber, stored -> {
                        IncidentPerson dropped = stored.withDeadClaimsDropped();
                        return dropped == stored ? null : dropped;
                    })) {
                changed++;
            }
        }
        return changed;
    }

    /** Atomically rewrites a stored record; {@code change} returns null to leave it. @return true if rewritten */
    private boolean update(String incidentId, String payNumber, UnaryOperator<IncidentPerson> change) {
        People people = people(incidentId, false);
        Long seq = people == null ? null : people.slotOf(payNumber);
        if (seq == null) {
            return false;
        }
        boolean written = AtomicUpdate.apply(people.log, seq, stored -> stored == null || !stored.isOf(payNumber) ? null
                : people.packed(seq, change.apply(people.recent.decode(seq, stored)))).isPresent();
        people.stringsToDisk(maps.store());
        return written;
    }

    private People people(String incidentId, boolean create) {
        if (incidentId == null || incidentId.isEmpty()) {
            throw new IllegalArgumentException("incident id is missing");
        }
        People people = byIncident.get(incidentId);
        if (people != null) {
            return people;
        }
        if (!create && !maps.store().hasMap(INDEX_PREFIX + incidentId)) {
            return null;
        }
        return byIncident.computeIfAbsent(incidentId, id -> {
            StringTable strings = new StringTable(maps.store().openMap(STRINGS_PREFIX + id,
                    new MVMap.Builder<Long, String>().keyType(LongDataType.INSTANCE)
                            .valueType(StringDataType.INSTANCE)));
            IncidentPersonCodec codec = new IncidentPersonCodec(id, strings);
            MVMap<Long, PackedPerson> log = maps.store().openMap(LOG_PREFIX + id,
                    new MVMap.Builder<Long, PackedPerson>().keyType(LongDataType.INSTANCE)
                            .valueType(new PackedPersonType(codec)));
            MVMap<String, Long> index = maps.store().openMap(INDEX_PREFIX + id, new MVMap.Builder<String, Long>()
                    .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
            Long last = log.lastKey();
            return new People(log, index, strings, codec, new AtomicLong(last == null ? 0 : last + 1), new ConcurrentHashMap<>(),
                    slotsKeptPerIncident, new AtomicBoolean(index.sizeAsLong() == 0), new RecentRecords(codec));
        });
    }

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
