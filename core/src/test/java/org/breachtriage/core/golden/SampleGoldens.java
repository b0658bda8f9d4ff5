package org.breachtriage.core.golden;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.DataCategory;

/**
 * The right answers for the bundled sample (events/, the ID-card incident INC-2023-0826), in one
 * place for every test that runs it (core, embedded, cli, functions).
 *
 * <p>Where they come from: the incident metadata below is the sidecars' text, typed in by hand; every
 * figure was worked out from the input files by {@link Rescoring} (each person's rows, roster record
 * and incident handed straight to the scorer) and {@code SampleGoldenTest} checks that it still is,
 * so a figure here can only change with the inputs or with the scoring rules. When scoring changes on
 * purpose, update these, and say why in the commit.
 *
 * <p>Notice counts are kept apart, in {@link Notices}: which people the policy assesses as needing an
 * Art. 34 notice is scoring; how many notices are published, and when, is the notice path (a release
 * step will hold some for approval), and those figures are expected to change on their own.
 */
public final class SampleGoldens {
    private SampleGoldens() {
    }

    /** {@code met-idcard-2023.csv.incident.json}, as written. */
    public static final IncidentMetadata MET_INCIDENT = new IncidentMetadata("Acme ID Cards Ltd (synthetic)",
            "INC-2023-0826", Instant.parse("2023-08-24T09:00:00Z"), true, Confidentiality.UNKNOWN_RECIPIENTS,
            Integrity.NONE, Availability.NONE, idCardFields(), List.of());
    /** {@code met-idcard-2023-found-later.csv.incident.json}: the same incident, learnt of a day later. */
    public static final IncidentMetadata MET_LATER_INCIDENT = new IncidentMetadata("Acme ID Cards Ltd (synthetic)",
            "INC-2023-0826", Instant.parse("2023-08-25T15:00:00Z"), true, Confidentiality.UNKNOWN_RECIPIENTS,
            Integrity.NONE, Availability.NONE, idCardFields(), List.of());

    /** The first list alone: 2,500 rows, none rejected. */
    public static final long MET_ROWS = 2_500;
    /** 2,500 rows name 2,492 people: 8 pay numbers are listed twice. */
    public static final long MET_PEOPLE = 2_492;
    public static final long MET_MATCHED = 2_467;
    /** Pay numbers past the end of the roster (MP003001 to MP003025): leavers, as far as the manifest goes. */
    public static final long MET_UNMATCHED = 25;
    /** The band each person gets from the first list alone (its case's own counts). */
    public static final Map<String, Long> MET_BANDS = bands(72, 2_148, 113, 159);
    /** People of the first list the policy assesses as needing an Art. 34 notice (HIGH and VERY_HIGH). */
    public static final long MET_ART34 = 113 + 159;

    /** The later list alone: 200 rows, 200 people, one of them off the roster. */
    public static final long LATER_ROWS = 200;
    public static final long LATER_UNMATCHED = 1;

    /** The incident after both lists: each person once, on everything either list exposed. */
    public static final long INCIDENT_PEOPLE = 2_527;
    public static final long INCIDENT_MATCHED = 2_502;
    public static final long INCIDENT_UNMATCHED = 25;
    public static final Map<String, Long> INCIDENT_BANDS = bands(66, 2_004, 292, 165);
    public static final long INCIDENT_ART34 = 292 + 165;

    /**
     * What the notice path publishes for the sample under the default policy (one notice per person
     * assessed HIGH or above, published at once, and one escalation per band risen to). The release
     * step of issue 11 changes these, not the scoring above.
     */
    public static final class Notices {
        private Notices() {
        }

        /** Published by the first list's batches. */
        public static final long MET_PUBLISHED = MET_ART34;
        /** Published by the later list's batches: 185 initial notices (people it first lifts to HIGH or above) and 3 escalations. */
        public static final long LATER_PUBLISHED = 188;
        public static final long INCIDENT_INITIAL = INCIDENT_ART34;
        /** People first told at HIGH whose band the later list raised to VERY_HIGH. */
        public static final long INCIDENT_ESCALATION = 3;
    }

    private static EnumSet<DataCategory> idCardFields() {
        return EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.VETTING_LEVEL,
                DataCategory.PAY_NUMBER);
    }

    /** A band table in the run summary's order, LOW to VERY_HIGH. */
    public static Map<String, Long> bands(long low, long medium, long high, long veryHigh) {
        Map<String, Long> table = new LinkedHashMap<>();
        table.put("LOW", low);
        table.put("MEDIUM", medium);
        table.put("HIGH", high);
        table.put("VERY_HIGH", veryHigh);
        return table;
    }
}
