package org.breachtriage.core.cases;

import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;

/**
 * Names of the counters kept on a case. Counters are a flat name → number map so that every store
 * can add to them atomically (DynamoDB {@code ADD}, an MVStore map merge).
 */
public final class Counters {
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";
    public static final String PERSONS_TOTAL = "persons.total";
    public static final String PERSONS_MATCHED = "persons.matched";
    public static final String PERSONS_UNMATCHED = "persons.unmatched";
    /**
     * People outside the workforce (victims, witnesses, suspects, others), keyed by subject_ref and never
     * looked up in the staff table: {@code persons.total = persons.matched + persons.unmatched + persons.nonStaff},
     * and matched and unmatched count staff rows only.
     */
    public static final String PERSONS_NON_STAFF = "persons.nonStaff";
    /** Notices this manifest's batches planned (each waits for its release, or was released at once). */
    public static final String NOTICES_PLANNED = "notices.planned";
    public static final String BATCHES_DONE = "batches.done";
    /** Incident figures only: people named only in superseded manifests, and manifests in and superseded. */
    public static final String PERSONS_NO_LONGER_LISTED = "persons.noLongerListed";
    public static final String MANIFESTS_TOTAL = "manifests.total";
    public static final String MANIFESTS_SUPERSEDED = "manifests.superseded";
    /** Incident figures: notices planned of each kind, less those withdrawn before they went out. */
    public static final String NOTICES_INITIAL = "notices.initial";
    public static final String NOTICES_ESCALATION = "notices.escalation";
    /** Report figures only: where the people stand on being told when the report was made (a scan of them). */
    public static final String NOTICES_PUBLISHED = "notices.published";
    public static final String NOTICES_AWAITING_RELEASE = "notices.awaitingRelease";
    public static final String PEOPLE_HELD = "people.held";
    /** Prefix of the incident-level counters a case carries (see {@link #incident}). */
    public static final String INCIDENT_PREFIX = "incident.";

    private Counters() {
    }

    /**
     * The incident's counter of this name, as kept on each of its cases. Every change to a person
     * adds the difference it made to the incident's figures here, on the case whose batch made it,
     * once per batch; summing a counter over the incident's cases gives the incident's figure with
     * every person counted once (see {@code IncidentFigures}).
     */
    public static String incident(String name) {
        return INCIDENT_PREFIX + name;
    }

    /** Notices of one kind ("initial", "escalation"). */
    public static String notices(String kind) {
        return "notices." + kind;
    }

    public static String band(Band band) {
        return "band." + band.name();
    }

    /** People with this category exposed: the ICO draft's categories and approximate numbers. */
    public static String category(DataCategory category) {
        return "category." + category.name();
    }

    /**
     * Non-staff subjects by type × band: the ICO draft counts them, the Federation summary (the workforce's)
     * never does.
     */
    public static String subjectTypeBand(SubjectType type, Band band) {
        return "subjectType." + type.name() + "." + band.name();
    }

    /** Federation aggregates: staff type × band; unmatched people count under "UNKNOWN". */
    public static String staffTypeBand(StaffType type, Band band) {
        return "staffType." + (type == null ? "UNKNOWN" : type.name()) + "." + band.name();
    }
}
