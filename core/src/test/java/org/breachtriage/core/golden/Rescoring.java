package org.breachtriage.core.golden;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * What each person should come out as, worked out from the inputs alone: their manifest row(s), their
 * roster record and the incident, handed straight to {@link SeverityScorer} and the policy. The
 * pipeline's stored people are checked against this, so a pipeline that loses an input on the way to
 * the scorer (the staff record, an echo, the incident's circumstances) is caught.
 *
 * <p>It knows nothing of the pipeline (no ledger, service or store) and folds rows by the manifest
 * contract only: a pay number listed twice, in one manifest or several, is one person exposed to the
 * union of the rows' fields; a row with no fields takes its incident's defaults; the first rank and
 * vetting-level echo given counts; a person the roster lacks is scored from the echoes. The union is
 * scored under the circumstances of each manifest that named the person and the highest score kept,
 * as no later manifest lowers a band.
 */
public final class Rescoring {

    /** One manifest: its incident metadata (as the supplier stated it) and its accepted rows, in order. */
    public record Listing(IncidentMetadata incident, List<ManifestRow> rows) {
    }

    /** One person as the inputs say they must be assessed, and what the policy then decides for them. */
    public record Expected(String payNumber, StaffMember member, Set<DataCategory> exposed, Assessment assessment,
                           NoticeDecision decision) {
        public Band band() {
            return assessment.band();
        }

        public boolean matched() {
            return member != null;
        }
    }

    private Rescoring() {
    }

    /** Every person the listings name, by pay number, in the order they were first named. */
    public static Map<String, Expected> of(ScoringPolicy policy, Map<String, StaffMember> roster, List<Listing> listings) {
        Map<String, Gathered> people = new LinkedHashMap<>();
        for (Listing listing : listings) {
            for (ManifestRow row : listing.rows()) {
                people.computeIfAbsent(row.payNumber(), Gathered::new).add(row, listing.incident());
            }
        }
        SeverityScorer scorer = new SeverityScorer(policy);
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (Gathered person : people.values()) {
            StaffMember member = roster.get(person.payNumber);
            Assessment best = null;
            for (IncidentMetadata incident : person.incidents) {
                Assessment a = scorer.assess(new ScoringInput(person.exposed, member, person.rank, person.vetting, incident));
                if (best == null || a.score() > best.score()) {
                    best = a;
                }
            }
            expected.put(person.payNumber, new Expected(person.payNumber, member, Set.copyOf(person.exposed), best,
                    policy.decide(best.band(), member)));
        }
        return expected;
    }

    /** People per band, every band present, as the run summary and incident view print them. */
    public static Map<String, Long> bandTable(Collection<Expected> people) {
        Map<String, Long> table = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            table.put(band.name(), people.stream().filter(p -> p.band() == band).count());
        }
        return table;
    }

    /** People the policy assesses as needing an Art. 34 notice. */
    public static long art34Required(Collection<Expected> people) {
        return people.stream().filter(p -> p.decision().required()).count();
    }

    private static final class Gathered {
        final String payNumber;
        final Set<DataCategory> exposed = EnumSet.noneOf(DataCategory.class);
        final List<IncidentMetadata> incidents = new ArrayList<>();
        String rank;
        String vetting;

        Gathered(String payNumber) {
            this.payNumber = payNumber;
        }

        void add(ManifestRow row, IncidentMetadata incident) {
            exposed.addAll(row.exposedFields().isEmpty() ? incident.defaultExposedFields() : row.exposedFields());
            rank = rank != null ? rank : echo(row.rank());
            vetting = vetting != null ? vetting : echo(row.vettingLevel());
            if (!incidents.contains(incident)) {
                incidents.add(incident);
            }
        }

        private static String echo(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }
}
