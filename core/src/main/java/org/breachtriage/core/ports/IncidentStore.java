package org.breachtriage.core.ports;

import java.util.List;
import java.util.Optional;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentRecord;

/**
 * Incidents: the breach as a whole, its manifests, reports, clock reminders and ICO submission, and
 * its own decision log. Writes are rare (a manifest joining, a report, a reminder) and each is a
 * whole-record compare-and-set, so concurrent writers never lose each other's change; no
 * transactions are needed.
 */
public interface IncidentStore {

    /** Creates the incident unless one with the same id exists; either way returns the stored one. */
    CreateOutcome create(IncidentRecord candidate);

    record CreateOutcome(IncidentRecord stored, boolean created) {
    }

    Optional<IncidentRecord> find(String incidentId);

    /** All incidents, most recently opened first. */
    List<IncidentRecord> list();

    /**
     * Replaces the incident only if the stored one still has {@code expectedVersion};
     * {@code updated.version()} is the version it is stored with (the next one).
     *
     * @return true if replaced
     */
    boolean replace(IncidentRecord updated, int expectedVersion);

    void appendDecision(String incidentId, DecisionEntry entry);

    /** The incident's decision log, in append order. */
    List<DecisionEntry> decisions(String incidentId);
}
