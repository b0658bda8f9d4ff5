package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.release.ReleaseFigures;
import org.junit.jupiter.api.Test;

/** The incident as `triage incident` shows it: each manifest's own rows, the figures given, the clock. */
class IncidentViewTest {
    private static final Instant T0 = Instant.parse("2023-08-24T09:00:00Z");

    private static CaseRecord caseOf(String id, long read, long accepted, long rejected, boolean art33Required) {
        CaseRecord c = ContractData.caseRecord(id, T0).withIngestTotals(1, Map.of(Counters.ROWS_READ, read,
                Counters.ROWS_ACCEPTED, accepted, Counters.ROWS_REJECTED, rejected)).withStatus(CaseStatus.REPORTED, null);
        return new CaseRecord(c.caseId(), c.incidentId(), c.source(), c.sourceVersion(), c.status(), null, c.incident(),
                c.regime(), c.openedAt(), c.art33Deadline(), art33Required, c.art33Reasoning(), c.policyVersion(),
                c.batchesQueued(), c.counters());
    }

    private static CaseRecord scoring(CaseRecord c) {
        return c.withStatus(CaseStatus.SCORING, null);
    }

    private static final ReleaseFigures NO_RELEASES = new ReleaseFigures(Map.of(), 0, 0, 0, 0, 0, 0, 0);

    private static IncidentRecord incident() {
        return IncidentRecord.open("IN-00000000000000e1", "Met", "INC-E", "Acme",
                        new IncidentManifest("BT-1", "a.csv", T0, T0, null), T0)
                .withManifest(new IncidentManifest("BT-2", "b.csv", T0, T0, null))
                .withManifest(new IncidentManifest("BT-3", "c.csv", T0, T0, null))
                .withSuperseded("BT-1", "BT-2");
    }

    @Test
    void eachManifestShowsItsOwnCaseAndOneWithoutACaseIsUnknown() {
        IncidentView view = IncidentView.of(incident(), List.of(caseOf("BT-1", 10, 9, 1, false), caseOf("BT-2", 20, 20, 0, false)),
                Map.of(Counters.PERSONS_TOTAL, 25L, Counters.PERSONS_MATCHED, 24L, Counters.PERSONS_UNMATCHED, 1L,
                        Counters.PERSONS_NO_LONGER_LISTED, 2L, Counters.NOTICES_INITIAL, 7L, Counters.NOTICES_ESCALATION, 1L,
                        Counters.band(org.breachtriage.core.model.Band.HIGH), 7L),
                new ReleaseFigures(Map.of(org.breachtriage.core.model.Band.HIGH, 2L), 1, 7, 1, 3, 4, 0, 5),
                T0.plus(Duration.ofHours(70)));

        assertEquals(List.of(
                new IncidentView.Manifest("BT-1", "a.csv", "REPORTED", true, "BT-2", 10, 9, 1),
                new IncidentView.Manifest("BT-2", "b.csv", "REPORTED", false, null, 20, 20, 0),
                new IncidentView.Manifest("BT-3", "c.csv", "UNKNOWN", false, null, 0, 0, 0)), view.manifests());
        assertEquals(new IncidentView.Persons(25, 24, 1, 2), view.persons());
        // Where the people stand comes from the scan of them (ReleaseFigures), every band present in order.
        assertEquals(new IncidentView.Notices(7, 1, Map.of("LOW", 0L, "MEDIUM", 0L, "HIGH", 2L, "VERY_HIGH", 0L), 3, 4, 1, 5,
                null), view.notices());
        assertEquals(List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH"), List.copyOf(view.notices().awaitingRelease().keySet()));
        assertEquals(Map.of("LOW", 0L, "MEDIUM", 0L, "HIGH", 7L, "VERY_HIGH", 0L), view.bands());
        assertEquals(2, view.art33().hoursLeft());
        // Every manifest is scored, so the verdict comes from the assessment: 7 people HIGH means the ICO is
        // told, whatever the manifests said at opening (the invariant: HIGH or above implies Art. 33 required).
        assertTrue(view.art33().required());
        assertFalse(view.art33().provisional());
        assertTrue(view.art33().reasoning().startsWith("7 of the 25 people are assessed HIGH or above"),
                view.art33().reasoning());
    }

    @Test
    void art33IsRequiredWhenAManifestStillListedSaysSoAndNotOnASupersededOnesWord() {
        IncidentRecord incident = incident();
        // While people are still being scored, the opening decisions of the manifests still listed stand.
        IncidentView.Art33 provisional = IncidentView.of(incident, List.of(scoring(caseOf("BT-1", 1, 1, 0, true)),
                scoring(caseOf("BT-2", 1, 1, 0, false))), Map.of(), NO_RELEASES, T0).art33();
        assertFalse(provisional.required(), "only the superseded manifest said so");
        assertTrue(provisional.provisional());
        assertTrue(provisional.reasoning().startsWith("Provisional"), provisional.reasoning());
        assertTrue(IncidentView.of(incident, List.of(scoring(caseOf("BT-1", 1, 1, 0, false)),
                scoring(caseOf("BT-2", 1, 1, 0, true))), Map.of(), NO_RELEASES, T0).art33().required());
    }

    @Test
    void hoursLeftCountWholeHoursTowardsTheDeadline() {
        Instant deadline = T0.plus(Duration.ofHours(72));
        assertEquals(71, IncidentView.hoursLeft(deadline, T0.plusSeconds(1)));
        assertEquals(0, IncidentView.hoursLeft(deadline, deadline.minusSeconds(1)));
        assertEquals(-3, IncidentView.hoursLeft(deadline, deadline.plus(Duration.ofMinutes(200))));
    }
}
