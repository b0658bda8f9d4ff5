package org.breachtriage.core.ports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;

/**
 * One record per person per incident ({@link IncidentPerson}): their union exposure, assessment,
 * the manifests that named them and their notices. Every write that must happen once is conditional:
 * the first record is written only if absent, later ones replace a known version, so two manifests
 * of one incident scored at the same moment plan one notice, not two.
 */
public interface PersonStore {

    /**
     * Writes the record only if the incident has none for the pay number.
     *
     * @return empty if written; otherwise the record already stored
     */
    Optional<IncidentPerson> putIfAbsent(IncidentPerson person);

    /**
     * Replaces the record only if the stored one still has {@code expectedVersion};
     * {@code updated.version()} is the version it is stored with (the next one).
     *
     * @return true if replaced
     */
    boolean replace(IncidentPerson updated, int expectedVersion);

    Optional<IncidentPerson> find(String incidentId, String payNumber);

    /**
     * The stored records of these people, in the order first asked, each once; those the incident does not
     * have are left out. Read as {@link #find} reads (the latest write), for the release step, which is told
     * about up to a batch's people at a time; a store that reads many in one request overrides it.
     */
    default List<IncidentPerson> findAll(String incidentId, Collection<String> payNumbers) {
        List<IncidentPerson> found = new ArrayList<>();
        for (String payNumber : new LinkedHashSet<>(payNumbers)) {
            find(incidentId, payNumber).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The stored record if reading it costs no request (an embedded store reads its own file), else
     * empty. Scoring asks this first, so that a person already stored is folded once rather than
     * written blind, found present and folded again; where a read is a network request, scoring
     * writes first instead, and this default keeps that request away.
     */
    default Optional<IncidentPerson> findLocally(String incidentId, String payNumber) {
        return Optional.empty();
    }

    /** Every person of the incident, in pay-number order: for lists people read, and for a choice that must repeat. */
    void forEach(String incidentId, Consumer<IncidentPerson> consumer);

    /**
     * Every person of the incident once, in whatever order the store reads fastest: for counts and for
     * sweeps whose outcome does not depend on the order (figures, what is claimable, what is waiting). An
     * embedded store walks its file in the order the records were written, which reads each page once;
     * pay-number order reads them at random. Stores with nothing faster keep this default.
     */
    default void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
        forEach(incidentId, consumer);
    }

    /**
     * Marks one planned notice published and moves the record to its next version, so a writer
     * holding an older copy fails its compare-and-set and re-reads instead of overwriting the mark.
     *
     * @return true if this call marked it; false if there is no such person or notice, or it was
     *         already published
     */
    boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at);
}
