package org.breachtriage.core.release;

import static org.breachtriage.core.scenarios.ScenarioHarness.AWARE_AT;
import static org.breachtriage.core.scenarios.ScenarioHarness.incident;
import static org.breachtriage.core.scenarios.ScenarioHarness.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentApproval;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.ReleaseNotices.Approve;
import org.breachtriage.core.release.ReleaseNotices.HoldPerson;
import org.breachtriage.core.release.ReleaseNotices.LiftHold;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReleaseService} on the in-memory fakes, for what the release scenarios leave out: the exact
 * figures of each approval, the approvals recorded on the incident in order, and the incident's log of
 * every release decision (who, under which identity, why, and what it did), which is what an auditor
 * reads afterwards. Default policy, a malicious breach to unknown recipients (CB 1.0); the harness's
 * people: C1 VERY_HIGH (covert, name and photo: 4 x 1.0 + 1.0), C2 HIGH (counter-terrorism, name: 4 x
 * 0.5 + 1.0), T1 MEDIUM (staff, name and photo: 1 x 1.0 + 1.0), T3 LOW (pay number only: 1 x 0.25 + 1.0).
 */
class ReleaseServiceTest {
    private static final Approver ALICE = Approver.byName("Alice Dpo", "alice");
    private static final Approver BOB = Approver.byName("Bob Deputy", "bob");

    private final InMemoryIncidentStore incidents = new InMemoryIncidentStore();
    private final ScenarioHarness h = new ScenarioHarness(new ScenarioHarness.Backend(new InMemoryObjectStore(),
            new InMemoryStaff(), new InMemoryCaseStore(), incidents, new InMemoryPersonStore(), new RecordingPublisher()),
            ScoringPolicy.loadDefault());
    private String id;

    @BeforeEach
    void runTheList() throws IOException {
        id = h.runManifest(h.upload("list.csv", incident(h.reference("release"), AWARE_AT), row(h.c1, "name;photo"),
                row(h.c2, "name"), row(h.t1, "name;photo"), row(h.t3, "pay_number"))).incidentId();
    }

    private ReleaseNotices release() {
        return h.pipeline().release();
    }

    private List<String> log(String decision) {
        return incidents.decisions(id).stream().filter(d -> d.decision().equals(decision)).map(DecisionEntry::reason)
                .toList();
    }

    @Test
    void eachApprovalIsNumberedRecordedAndLoggedWithWhatItCoveredCountedAndReleased() {
        ReleaseNotices.Approved first = release().approve(new Approve(id, ALICE, null, "  checked the list "));
        assertEquals(id + "/approval/1", first.approvalId());
        assertEquals(List.of(2, 2, 1, 1), List.of(first.covered(), first.counted(), first.released(), first.published()),
                "C1 and C2 waited; Alice's yes counts on both, meets C2's rule (one) and not C1's (two)");

        ReleaseNotices.Approved again = release().approve(new Approve(id, ALICE, Band.VERY_HIGH, null));
        assertEquals(id + "/approval/2", again.approvalId());
        assertEquals(List.of(1, 0, 0, 0), List.of(again.covered(), again.counted(), again.released(), again.published()),
                "the same approver again counts nowhere");

        ReleaseNotices.Approved second = release().approve(new Approve(id, BOB, Band.VERY_HIGH, "second pair of eyes"));
        assertEquals(id + "/approval/3", second.approvalId());
        assertEquals(List.of(1, 1, 1, 1), List.of(second.covered(), second.counted(), second.released(), second.published()));
        assertEquals(0, second.after().awaitingTotal());

        List<IncidentApproval> recorded = incidents.find(id).orElseThrow().approvals();
        assertEquals(List.of(id + "/approval/1", id + "/approval/2", id + "/approval/3"),
                recorded.stream().map(IncidentApproval::approvalId).toList());
        assertEquals(List.of(2, 1, 1), recorded.stream().map(IncidentApproval::covered).toList());
        assertEquals(List.of("name:alice dpo", "name:alice dpo", "name:bob deputy"),
                recorded.stream().map(IncidentApproval::approverKey).toList());
        String counted = " (the others already had this approver's yes or had changed since) and met the release rule of ";
        assertEquals(List.of(
                "Approval " + id + "/approval/1 by Alice Dpo (identity alice), because: checked the list. It covers the 2"
                        + " notice(s) waiting for release when it was given; it counted on 2" + counted + "1.",
                "Approval " + id + "/approval/2 by Alice Dpo (identity alice) for band VERY_HIGH. It covers the 1"
                        + " notice(s) waiting for release when it was given; it counted on 0" + counted + "0.",
                "Approval " + id + "/approval/3 by Bob Deputy (identity bob) for band VERY_HIGH, because: second pair of"
                        + " eyes. It covers the 1 notice(s) waiting for release when it was given; it counted on 1"
                        + counted + "1."), log("release approved"));
    }

    @Test
    void aHoldAndItsLiftAreLoggedOnceEachWithWhoAndWhy() {
        ReleaseNotices.HoldOutcome held = release().hold(new HoldPerson(id, h.c1, "Alice Dpo", "alice", " handler tells them "));
        assertEquals(new ReleaseNotices.HoldOutcome(true, 0, 0), held);
        assertEquals(new ReleaseNotices.HoldOutcome(false, 0, 0),
                release().hold(new HoldPerson(id, h.c1, "Bob Deputy", "bob", "again")), "already held: nothing changes");
        assertEquals(List.of("Notices of pay number " + h.c1 + " held by Alice Dpo (identity alice), because: handler"
                + " tells them."), log("person held"), "held once, logged once");
        assertTrue(h.backend().persons().find(id, h.c1).orElseThrow().held());

        assertEquals(new ReleaseNotices.HoldOutcome(true, 0, 0), release().unhold(new LiftHold(id, h.c1, "Bob Deputy", "bob")),
                "C1's notice needs approvers: nothing goes when the hold is lifted");
        assertEquals(new ReleaseNotices.HoldOutcome(false, 0, 0), release().unhold(new LiftHold(id, h.c1, "Bob Deputy", "bob")),
                "not held any more");
        assertEquals(List.of("The hold on pay number " + h.c1 + " was lifted by Bob Deputy (identity bob); notices whose"
                + " band is released automatically go now, the others wait for a fresh release."), log("hold lifted"));
        assertFalse(h.backend().persons().find(id, h.c1).orElseThrow().held());
    }

    @Test
    void theGeneralStaffCommunicationIsSentOnceAndLogged() {
        release().approve(new Approve(id, ALICE, null, null));
        release().publishReleased(ReleaseRequest.forIncident(id));
        assertEquals(1, log("general communication").size(), "the run's release step sent it; nothing since");
        assertTrue(log("general communication").get(0).startsWith("The general staff communication (template"
                + " general-staff-v1) was published on the notices topic; it covers everyone the policy sends no"
                + " individual notice. Text: "), log("general communication").toString());
        assertTrue(incidents.find(id).orElseThrow().generalCommunication().sent());
    }
}
