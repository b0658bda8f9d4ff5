package org.breachtriage.core.cases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
        return prefixed(INCIDENT_PREFIX, name, INCIDENT_NAMES);
    }

    /** Notices of one kind ("initial", "escalation"). */
    public static String notices(String kind) {
        return prefixed("notices.", kind, NOTICE_NAMES);
    }

    public static String band(Band band) {
        return BAND_NAMES[band.ordinal()];
    }

    /** People with this category exposed: the ICO draft's categories and approximate numbers. */
    public static String category(DataCategory category) {
        return CATEGORY_NAMES[category.ordinal()];
    }

    /**
     * Non-staff subjects by type × band: the ICO draft counts them, the Federation summary (the workforce's)
     * never does.
     */
    public static String subjectTypeBand(SubjectType type, Band band) {
        return SUBJECT_TYPE_BAND_NAMES[type.ordinal()][band.ordinal()];
    }

    /** Federation aggregates: staff type × band; unmatched people count under "UNKNOWN". */
    public static String staffTypeBand(StaffType type, Band band) {
        return type == null ? UNKNOWN_STAFF_TYPE_BAND_NAMES[band.ordinal()]
                : STAFF_TYPE_BAND_NAMES[type.ordinal()][band.ordinal()];
    }

    // The names above are made once. Every change to a person adds its counter deltas by name, two figures of
    // about eight names each, and building each name again (a new string, hashed again in the map it goes
    // into) was most of what that cost in a million-row run.
    private static final Map<String, String> INCIDENT_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, String> NOTICE_NAMES = new ConcurrentHashMap<>();
    private static final String[] BAND_NAMES = names(Band.values(), b -> "band." + b.name());
    private static final String[] CATEGORY_NAMES = names(DataCategory.values(), c -> "category." + c.name());
    private static final String[] UNKNOWN_STAFF_TYPE_BAND_NAMES = names(Band.values(), b -> "staffType.UNKNOWN." + b.name());
    private static final String[][] STAFF_TYPE_BAND_NAMES = byBand("staffType.", StaffType.values());
    private static final String[][] SUBJECT_TYPE_BAND_NAMES = byBand("subjectType.", SubjectType.values());
    /** Far more names than the counters have: past it a name is built each time rather than kept. */
    private static final int MAX_KEPT_NAMES = 4_096;

    /** {@code prefix + name}, the same string each time for the same name. */
    private static String prefixed(String prefix, String name, Map<String, String> kept) {
        if (name == null) {
            return prefix + name;
        }
        String prefixed = kept.get(name);
        if (prefixed == null) {
            prefixed = prefix + name;
            if (kept.size() < MAX_KEPT_NAMES) {
                kept.putIfAbsent(name, prefixed);
            }
        }
        return prefixed;
    }

    private static <E extends Enum<E>> String[] names(E[] values, Function<E, String> name) {
        String[] names = new String[values.length];
        for (E value : values) {
            names[value.ordinal()] = name.apply(value);
        }
        return names;
    }

    /** {@code prefix + "X.BAND"} for every X and band, by the ordinals of both. */
    private static <E extends Enum<E>> String[][] byBand(String prefix, E[] types) {
        String[][] names = new String[types.length][];
        for (E type : types) {
            names[type.ordinal()] = names(Band.values(), b -> prefix + type.name() + "." + b.name());
        }
        return names;
    }
}
