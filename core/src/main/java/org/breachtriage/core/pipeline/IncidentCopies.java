package org.breachtriage.core.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.ports.IncidentStore;

/**
 * The incident records one scorer last read (a warm Lambda container, or one embedded run), so that
 * scoring does not read its incident once per batch.
 *
 * <p>A copy may be old, and only what cannot be undone is taken from it without reading again: a
 * manifest once joined stays joined, a manifest once superseded stays superseded, and the regime only
 * ever moves towards DPA 2018 Part 3 (never back). What a copy lacks (a manifest joined, superseded or a
 * regime stated since it was read) is read when a batch could act on it: a batch of a manifest the copy
 * does not list reads the incident before anything else, and {@link ScoreService} reads it before a
 * write that would plan a notice the copy's age could wrongly allow ({@link ScoreService#needsFreshIncident}).
 */
final class IncidentCopies {
    /** Incidents scored at once by one scorer are few; past this the copies are dropped, not evicted one by one. */
    private static final int MAX_COPIES = 64;

    private final IncidentStore incidents;
    private final Map<String, IncidentRecord> copies = new ConcurrentHashMap<>();

    IncidentCopies(IncidentStore incidents) {
        this.incidents = incidents;
    }

    /**
     * The copy held, if it already lists this manifest; else the incident read now (empty: no such incident).
     * Batches scored at the same moment that find no copy share one read (a warm handler's concurrent
     * invocations, the embedded run's workers): the first reads, the others wait for its copy.
     */
    Optional<IncidentRecord> listing(String incidentId, String caseId) {
        IncidentRecord copy = copies.get(incidentId);
        if (copy != null && copy.manifest(caseId).isPresent()) {
            return Optional.of(copy);
        }
        makeRoomFor(incidentId);
        IncidentRecord listed = copies.compute(incidentId, (id, held) -> held != null && held.manifest(caseId).isPresent()
                ? held : newer(held, incidents.find(id).orElse(null)));
        return Optional.ofNullable(listed);
    }

    private static IncidentRecord newer(IncidentRecord held, IncidentRecord read) {
        return read == null || held != null && held.version() > read.version() ? held : read;
    }

    /** The incident read now, kept as the copy unless a newer one is held already. */
    Optional<IncidentRecord> read(String incidentId) {
        Optional<IncidentRecord> found = incidents.find(incidentId);
        found.ifPresent(this::keep);
        return found;
    }

    private void keep(IncidentRecord read) {
        makeRoomFor(read.incidentId());
        copies.merge(read.incidentId(), read, (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
    }

    /** Drops every copy when a new incident would take the copies past {@link #MAX_COPIES}. */
    private void makeRoomFor(String incidentId) {
        if (copies.size() >= MAX_COPIES && !copies.containsKey(incidentId)) {
            copies.clear();
        }
    }
}
