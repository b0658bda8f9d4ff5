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
    public static final Map<String, Long> MET_BANDS = bands(72, 1_881, 361, 178);
    /** People of the first list the policy assesses as needing an Art. 34 notice (HIGH and VERY_HIGH). */
    public static final long MET_ART34 = 361 + 178;

    /** The later list alone: 200 rows, 200 people, one of them off the roster. */
    public static final long LATER_ROWS = 200;
    public static final long LATER_UNMATCHED = 1;

    /** The incident after both lists: each person once, on everything either list exposed. */
    public static final long INCIDENT_PEOPLE = 2_527;
    public static final long INCIDENT_MATCHED = 2_502;
    public static final long INCIDENT_UNMATCHED = 25;
    public static final Map<String, Long> INCIDENT_BANDS = bands(66, 1_758, 492, 211);
    public static final long INCIDENT_ART34 = 492 + 211;

    /** {@code with-errors.csv.incident.json}, as written: a sample of what a manifest's bad rows look like. */
    public static final IncidentMetadata WITH_ERRORS_INCIDENT = new IncidentMetadata("Acme ID Cards Ltd (synthetic)",
            "INC-2023-0826-B", Instant.parse("2023-08-25T16:00:00Z"), true, Confidentiality.UNKNOWN_RECIPIENTS,
            Integrity.NONE, Availability.NONE, idCardFields(), List.of());
    /** The rows events/README.md says {@code with-errors.csv} must reject. */
    public static final long WITH_ERRORS_REJECTED = 4;

    /**
     * Where the sample's notices stand under the default policy (issue 11's release step): MEDIUM gets
     * an information notice released at once, HIGH and VERY_HIGH an Art. 34 notice that waits for one and
     * two approvers, LOW only the general staff communication. Each figure is what
     * {@link Rescoring#notices} plans from the inputs and the policy's rules (SampleGoldenTest checks it
     * still is), for a run whose release step follows each manifest's batches, as a local run's does.
     */
    public static final class Notices {
        private Notices() {
        }

        /**
         * Planned by the first list's batches: one for each person MEDIUM or above (1,881 + 361 + 178 =
         * 2,420), and 4 more: pay numbers listed twice whose later row lifted them past MEDIUM before
         * their information notice went out, so a HIGH or VERY_HIGH one replaced it.
         */
        public static final long MET_PLANNED = 2_424;
        /** MEDIUM's information notices, out by the end of the run. */
        public static final long MET_PUBLISHED = 1_881;
        /** Every HIGH and VERY_HIGH person's Art. 34 notice, waiting for approvers. */
        public static final long MET_AWAITING_RELEASE = MET_ART34;
        /** The 4 information notices replaced before they went out. */
        public static final long MET_WITHDRAWN = 4;

        /** Planned by the later list: people it lifts to HIGH or above (all of them wait for approvers). */
        public static final long LATER_PLANNED = 188;
        /** Of those, people whose information notice had gone out: their Art. 34 notice is an escalation. */
        public static final long LATER_ESCALATION = 123;

        /** People whose first notice is out: MEDIUM's information notices (nobody has released anything yet). */
        public static final long INCIDENT_PUBLISHED_INITIAL = 1_881;
        public static final long INCIDENT_AWAITING_HIGH = 492;
        public static final long INCIDENT_AWAITING_VERY_HIGH = 211;
        /** LOW: covered by the general staff communication alone. */
        public static final long INCIDENT_GENERAL_ONLY = 66;
        /** The first list's 4, and 24 waiting HIGH notices the later list replaced with VERY_HIGH ones. */
        public static final long INCIDENT_WITHDRAWN = 28;

        /** {@code with-errors.csv} run alone: its MEDIUM people's information notices, out by the run's end. */
        public static final long WITH_ERRORS_PUBLISHED = 15;
        /** Its HIGH and VERY_HIGH people's notices, waiting for approvers. */
        public static final long WITH_ERRORS_AWAITING_RELEASE = 9;
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
