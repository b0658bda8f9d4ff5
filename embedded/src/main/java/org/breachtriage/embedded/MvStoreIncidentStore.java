package org.breachtriage.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.ports.IncidentStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link IncidentStore} on an MVStore file: one {@code incidents} map (id → incident), and per
 * incident a decisions map (sequence → entry). Compare-and-set is one {@link MVMap#operate} on the
 * incident's entry.
 */
public final class MvStoreIncidentStore implements IncidentStore {
    private static final String INCIDENTS = "incidents";
    private static final String DECISIONS_PREFIX = "incident.decisions/";
    private static final Comparator<IncidentRecord> NEWEST_FIRST = Comparator
            .comparing(IncidentRecord::openedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IncidentRecord::incidentId);

    private final StoreMaps maps;
    private final MVMap<String, IncidentRecord> incidents;
    private final StoreMaps.PerOwner<Long, DecisionEntry> decisions;

    MvStoreIncidentStore(StoreMaps maps) {
        this.maps = maps;
        this.incidents = maps.store().openMap(INCIDENTS, new MVMap.Builder<String, IncidentRecord>()
                .keyType(StringDataType.INSTANCE).valueType(IncidentRecordType.INSTANCE));
        this.decisions = maps.perOwner(DECISIONS_PREFIX, id -> new MVMap.Builder<Long, DecisionEntry>()
                .keyType(LongDataType.INSTANCE).valueType(DecisionEntryType.INSTANCE));
    }

    @Override
    public CreateOutcome create(IncidentRecord candidate) {
        IncidentRecord existing = incidents.putIfAbsent(requireId(candidate.incidentId()), candidate);
        return existing == null ? new CreateOutcome(candidate, true) : new CreateOutcome(existing, false);
    }

    @Override
    public Optional<IncidentRecord> find(String incidentId) {
        return Optional.ofNullable(incidents.get(requireId(incidentId)));
    }

    @Override
    public List<IncidentRecord> list() {
        List<IncidentRecord> all = new ArrayList<>();
        maps.forEachValue(incidents, all::add);
        all.sort(NEWEST_FIRST);
        return all;
    }

    @Override
    public boolean replace(IncidentRecord updated, int expectedVersion) {
        return AtomicUpdate.apply(incidents, requireId(updated.incidentId()), stored ->
                stored == null || stored.version() != expectedVersion ? null : updated).isPresent();
    }

    @Override
    public void appendDecision(String incidentId, DecisionEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!incidents.containsKey(requireId(incidentId))) {
            throw new IllegalStateException("cannot log a decision: there is no incident " + incidentId);
        }
        MVMap<Long, DecisionEntry> map = decisions.get(incidentId, true);
        // Decisions are rare (a few per incident); a monitor is the simplest way to hand out sequence numbers.
        synchronized (map) {
            Long last = map.lastKey();
            map.put(last == null ? 0L : last + 1, entry);
        }
    }

    @Override
    public List<DecisionEntry> decisions(String incidentId) {
        List<DecisionEntry> entries = new ArrayList<>();
        maps.forEachValue(decisions.get(incidentId, false), entries::add);
        return entries;
    }

    private static String requireId(String incidentId) {
        if (incidentId == null || incidentId.isEmpty()) {
            throw new IllegalArgumentException("incident id is missing");
        }
        return incidentId;
    }
}
