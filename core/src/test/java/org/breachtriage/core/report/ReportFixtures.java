package org.breachtriage.core.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;

/**
 * An ID-card supplier breach like the 2023 one, at small scale: 2,514 people, aware at
 * 2023-08-24T09:00Z, so the ICO deadline is 2023-08-27T09:00Z.
 */
final class ReportFixtures {
    static final Instant AWARE_AT = Instant.parse("2023-08-24T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2023-08-27T09:00:00Z");
    /** 31 h 20 min before the deadline. */
    static final Instant GENERATED_IN_TIME = Instant.parse("2023-08-26T01:40:00Z");
    static final Instant GENERATED_LATE = Instant.parse("2023-08-27T14:30:00Z");
    static final String FORCE = "Metropolitan Police Service";

    /** Rows: StaffType order then UNKNOWN; columns: VERY_HIGH, HIGH, MEDIUM, LOW. */
    static final long[][] CELLS = {
            {30, 90, 700, 1000},  // OFFICER
            {6, 20, 150, 400},    // STAFF
            {0, 2, 10, 40},       // SPECIAL: 2 HIGH is small
            {0, 0, 8, 20},        // PCSO
            {2, 0, 1, 5},         // CONTRACTOR: 2 VERY_HIGH and 1 MEDIUM are small
            {0, 0, 10, 20},       // UNKNOWN
    };
    static final List<Band> BANDS = List.of(Band.VERY_HIGH, Band.HIGH, Band.MEDIUM, Band.LOW);

    private ReportFixtures() {
    }

    static IncidentMetadata incident(String supplier) {
        return new IncidentMetadata(supplier, "INC-2023-0824", AWARE_AT, true, Confidentiality.UNKNOWN_RECIPIENTS,
                Integrity.NONE, Availability.NONE,
                Set.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.VETTING_LEVEL,
                        DataCategory.PAY_NUMBER),
                List.of("Malicious intent assumed: the supplier did not say.",
                        "Recipients assumed unknown: the supplier did not say."));
    }

    static ReportSubject idCardCase() {
        return caseWith(CELLS, "Acme ID Cards Ltd", Regime.UK_GDPR);
    }

    static ReportSubject caseWith(long[][] cells, String supplier, Regime regime) {
        return ReportSubject.ofCase(caseRecordWith(cells, supplier, regime));
    }

    static CaseRecord caseRecordWith(long[][] cells, String supplier, Regime regime) {
        Map<String, Long> counters = new HashMap<>();
        long people = 0;
        long unknown = 0;
        for (int r = 0; r < cells.length; r++) {
            StaffType type = r < StaffType.values().length ? StaffType.values()[r] : null;
            for (int c = 0; c < BANDS.size(); c++) {
                counters.put(Counters.staffTypeBand(type, BANDS.get(c)), cells[r][c]);
                counters.merge(Counters.band(BANDS.get(c)), cells[r][c], Long::sum);
                people += cells[r][c];
                if (type == null) {
                    unknown += cells[r][c];
                }
            }
        }
        counters.put(Counters.ROWS_READ, people + 6);
        counters.put(Counters.ROWS_ACCEPTED, people);
        counters.put(Counters.ROWS_REJECTED, 6L);
        counters.put(Counters.PERSONS_TOTAL, people);
        counters.put(Counters.PERSONS_MATCHED, people - unknown);
        counters.put(Counters.PERSONS_UNMATCHED, unknown);
        counters.put(Counters.NOTICES_INITIAL, counters.get(Counters.band(Band.VERY_HIGH))
                + counters.get(Counters.band(Band.HIGH)));
        // Where the people stood when the report was made: 110 told, 40 waiting for a release, 2 held.
        counters.put(Counters.NOTICES_PUBLISHED, counters.get(Counters.NOTICES_INITIAL) - 40);
        counters.put(Counters.NOTICES_AWAITING_RELEASE, 40L);
        counters.put(Counters.PEOPLE_HELD, 2L);
        return new CaseRecord("BT-ab12", "IN-00000000000000ab", "manifests/acme/staff.csv", "v1", CaseStatus.SCORED, null,
                incident(supplier), regime, AWARE_AT, DEADLINE, true,
                "Workforce data including vetting levels exposed to unknown recipients: risk to staff.",
                "policy-2023.1", 26, counters);
    }

    static ReportContext context(Instant generatedAt) {
        return ReportContext.defaults(FORCE, generatedAt, "policy-2023.1");
    }
}
