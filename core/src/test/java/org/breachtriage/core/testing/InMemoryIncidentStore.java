package org.breachtriage.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.ports.IncidentStore;

/** {@link IncidentStore} in plain maps, for core's tests and the benchmark floor; passes the same contract. */
public final class InMemoryIncidentStore implements IncidentStore {
    private final Map<String, IncidentRecord> incidents = new HashMap<>();
    private final Map<String, List<DecisionEntry>> decisions = new HashMap<>();

    @Override
    public synchronized CreateOutcome create(IncidentRecord candidate) {
        IncidentRecord existing = incidents.putIfAbsent(candidate.incidentId(), candidate);
        return existing == null ? new CreateOutcome(candidate, true) : new CreateOutcome(existing, false);
    }

    @Override
    public synchronized Optional<IncidentRecord> find(String incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    @Override
    public synchronized List<IncidentRecord> list() {
        List<IncidentRecord> all = new ArrayList<>(incidents.values());
        all.sort(Comparator.comparing(IncidentRecord::openedAt).reversed().thenComparing(IncidentRecord::incidentId));
        return all;
    }

    @Override
    public synchronized boolean replace(IncidentRecord updated, int expectedVersion) {
        IncidentRecord stored = incidents.get(updated.incidentId());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        incidents.put(updated.incidentId(), updated);
        return true;
    }

    @Override
    public synchronized void appendDecision(String incidentId, DecisionEntry entry) {
        if (!incidents.containsKey(incidentId)) {
            throw new IllegalStateException("cannot log a decision: there is no incident " + incidentId);
        }
        decisions.computeIfAbsent(incidentId, id -> new ArrayList<>()).add(entry);
    }

    @Override
    public synchronized List<DecisionEntry> decisions(String incidentId) {
        return List.copyOf(decisions.getOrDefault(incidentId, List.of()));
    }
}
