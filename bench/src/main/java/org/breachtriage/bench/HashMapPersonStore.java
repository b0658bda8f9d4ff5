package org.breachtriage.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.ports.PersonStore;

/**
 * The person store as a plain hash map of decoded records, with nothing written anywhere: what the people
 * of a run would cost if their state lived in the heap for free. An upper bound for "one state per person",
 * not a design: it is neither durable nor bounded (a million-row run holds 260,102 decoded records, about
 * 245 MB). Why not core's InMemoryPersonStore: that one keeps a sorted map under one lock, for tests, and its
 * own cost would be counted as the person state's.
 */
final class HashMapPersonStore implements PersonStore {
    private final Map<String, ConcurrentHashMap<String, IncidentPerson>> byIncident = new ConcurrentHashMap<>();

    private ConcurrentHashMap<String, IncidentPerson> people(String incidentId) {
        return byIncident.computeIfAbsent(incidentId, id -> new ConcurrentHashMap<>());
    }

    /** Every incident's people, for writing them to a real store after the run. */
    Map<String, List<IncidentPerson>> all() {
        Map<String, List<IncidentPerson>> all = new TreeMap<>();
        byIncident.forEach((incidentId, people) -> all.put(incidentId, new ArrayList<>(people.values())));
        return all;
    }

    @Override
    public Optional<IncidentPerson> putIfAbsent(IncidentPerson person) {
        return Optional.ofNullable(people(person.incidentId()).putIfAbsent(person.payNumber(), person));
    }

    @Override
    public boolean replace(IncidentPerson updated, int expectedVersion) {
        ConcurrentHashMap<String, IncidentPerson> people = people(updated.incidentId());
        IncidentPerson stored = people.get(updated.payNumber());
        return stored != null && stored.version() == expectedVersion && people.replace(updated.payNumber(), stored, updated);
    }

    @Override
    public Optional<IncidentPerson> find(String incidentId, String payNumber) {
        return Optional.ofNullable(people(incidentId).get(payNumber));
    }

    @Override
    public Optional<IncidentPerson> findLocally(String incidentId, String payNumber) {
        return find(incidentId, payNumber);
    }

    @Override
    public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
        new TreeMap<>(people(incidentId)).values().forEach(consumer);
    }

    @Override
    public void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
        new ArrayList<>(people(incidentId).values()).forEach(consumer);
    }

    @Override
    public boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at) {
        ConcurrentHashMap<String, IncidentPerson> people = people(incidentId);
        while (true) {
            IncidentPerson stored = people.get(payNumber);
            if (stored == null || stored.notice(noticeId).map(PersonNotice::published).orElse(true)) {
                return false;
            }
            if (people.replace(payNumber, stored, stored.withPublished(noticeId, at))) {
                return true;
            }
        }
    }
}
