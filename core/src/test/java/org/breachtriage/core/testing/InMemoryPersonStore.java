package org.breachtriage.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.ports.PersonStore;

/** {@link PersonStore} in plain maps, for core's tests and the benchmark floor; passes the same contract. */
public final class InMemoryPersonStore implements PersonStore {
    private final Map<String, TreeMap<String, IncidentPerson>> persons = new HashMap<>();

    @Override
    public synchronized Optional<IncidentPerson> putIfAbsent(IncidentPerson person) {
        return Optional.ofNullable(persons.computeIfAbsent(person.incidentId(), id -> new TreeMap<>())
                .putIfAbsent(person.payNumber(), person));
    }

    @Override
    public synchronized boolean replace(IncidentPerson updated, int expectedVersion) {
        TreeMap<String, IncidentPerson> map = persons.get(updated.incidentId());
        IncidentPerson stored = map == null ? null : map.get(updated.payNumber());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        map.put(updated.payNumber(), updated);
        return true;
    }

    @Override
    public synchronized Optional<IncidentPerson> find(String incidentId, String payNumber) {
        return Optional.ofNullable(persons.getOrDefault(incidentId, new TreeMap<>()).get(payNumber));
    }

    @Override
    public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
        List<IncidentPerson> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(persons.getOrDefault(incidentId, new TreeMap<>()).values());
        }
        snapshot.forEach(consumer);
    }

    @Override
    public synchronized boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at) {
        TreeMap<String, IncidentPerson> map = persons.get(incidentId);
        IncidentPerson stored = map == null ? null : map.get(payNumber);
        if (stored == null || stored.notice(noticeId).map(PersonNotice::published).orElse(true)) {
            return false;
        }
        map.put(payNumber, stored.withPublished(noticeId, at));
        return true;
    }
}
