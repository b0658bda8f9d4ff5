package org.breachtriage.core.scenarios;

import static org.breachtriage.core.scenarios.ScenarioHarness.AWARE_AT;
import static org.breachtriage.core.scenarios.ScenarioHarness.incident;
import static org.breachtriage.core.scenarios.ScenarioHarness.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.release.ReleaseFigures;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseNotices.Approve;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;

/**
 * The release step as a force lives it, on one backend, with the default policy: MEDIUM released
 * automatically, HIGH by one approver, VERY_HIGH by two different approvers, LOW covered by the
 * general staff communication. Holds, escalation under release, two approvers at the same moment,
 * letters written only once released, and everything run twice.
 *
 * <p>The people (see the harness), with the manifest {@link #firstList}: C1 VERY_HIGH (name and photo
 * of a covert officer), C2 HIGH (a counter-terrorism officer's name), S2 HIGH (an SC officer's name,
 * rank and home address), T1 MEDIUM (a member of staff's name and photo), T3 LOW (a pay number only).
 */
public abstract class ReleaseScenarios {
    private static final Approver ALICE = Approver.byName("Alice Dpo", "alice");
    private static final Approver BOB = Approver.byName("Bob Deputy", "bob");

    protected abstract ScenarioHarness.Backend backend() throws Exception;

    private ScenarioHarness harness() throws Exception {
        return new ScenarioHarness(backend(), ScoringPolicy.loadDefault());
    }

    private static String firstList(ScenarioHarness h, String ref) throws IOException {
        return h.upload("first.csv", incident(ref, AWARE_AT), row(h.c1, "name;photo"), row(h.c2, "name"),
                row(h.s2, "name;rank;home_address"), row(h.t1, "name;photo"), row(h.t3, "pay_number"));
    }

    private static ReleaseNotices.Approved approve(ScenarioHarness h, String incidentId, Approver who, Band band) {
        return h.pipeline().release().approve(new Approve(incidentId, who, band, "checked the list"));
    }

    private static ReleaseFigures figures(ScenarioHarness h, String incidentId) {
        return h.pipeline().release().figures(incidentId);
    }

    private static Set<String> told(ScenarioHarness h) {
        return h.noticesByPerson().keySet();
    }

    /** Every person counted is told, held, covered by the general communication or still waiting. */
    private static void assertEveryoneAccountedFor(ScenarioHarness h, String incidentId) {
        IncidentView view = h.view(incidentId);
        ReleaseFigures f = figures(h, incidentId);
        assertEquals(view.persons().total(), f.initial() + f.held() + f.generalCommunication() + f.waitingPeople(),
                "every person is somewhere: " + f);
    }

    @Test
    void scoringPublishesOnlyWhatIsReleasedAutomaticallyAndTheRestWaits() throws Exception {
        ScenarioHarness h = harness();
        CaseRecord c = h.runManifest(firstList(h, h.reference("auto")));
        String id = c.incidentId();

        assertEquals(Set.of(h.t1), told(h), "MEDIUM gets its information notice at once; nobody else yet");
        JsonNode info = Json.read(h.noticesByPerson().get(h.t1).getFirst().body(), JsonNode.class);
        assertEquals("MEDIUM", info.path("band").asText());
        assertEquals("initial", info.path("noticeKind").asText());
        assertFalse(info.path("art34").asBoolean(), "an information notice, not Art. 34");
        assertEquals(Messages.SCHEMA_VERSION, info.path("schemaVersion").asText());
        ReleaseFigures f = figures(h, id);
        assertEquals(Map.of(Band.HIGH, 2L, Band.VERY_HIGH, 1L), f.awaitingRelease());
        assertEquals(1, f.initial());
        assertEquals(1, f.generalCommunication(), "T3 (LOW) is covered by the general staff communication");
        assertEquals(1, h.published(Topic.NOTICES).stream()
                .filter(m -> Messages.STAFF_COMMUNICATION.equals(m.eventType())).count(), "sent once");
        assertEveryoneAccountedFor(h, id);
        assertEquals(3, h.alerts("case.summary").stream().map(m -> Json.read(m.body(), JsonNode.class)
                .path("noticesAwaitingRelease").asLong()).findFirst().orElseThrow(), "on-call sees what waits");
    }

    @Test
    void oneApproverReleasesHighAndVeryHighNeedsASecondDifferentOne() throws Exception {
        ScenarioHarness h = harness();
        String id = h.runManifest(firstList(h, h.reference("approvers"))).incidentId();

        ReleaseNotices.Approved first = approve(h, id, ALICE, null);
        assertEquals(3, first.covered());
        assertEquals(2, first.released(), "C2 and S2 (HIGH) need one approver");
        assertEquals(2, first.published());
        assertEquals(Set.of(h.t1, h.c2, h.s2), told(h));

        ReleaseNotices.Approved again = approve(h, id, Approver.byName("  alice   DPO ", "alice"), null);
        assertEquals(1, again.covered(), "only C1's notice still waits");
        assertEquals(0, again.counted(), "the same approver twice counts once");
        assertEquals(0, again.published());

        ReleaseNotices.Approved second = approve(h, id, BOB, null);
        assertEquals(1, second.released());
        assertEquals(1, second.published());
        assertEquals(Set.of(h.t1, h.c2, h.s2, h.c1), told(h));
        IncidentPerson c1 = h.backend().persons().find(id, h.c1).orElseThrow();
        PersonNotice inPerson = c1.notices().getFirst();
        assertEquals(List.of("Alice Dpo", "Bob Deputy"), inPerson.approvals().stream().map(a -> a.name()).toList());

        ReleaseFigures f = figures(h, id);
        assertEquals(0, f.awaitingTotal());
        assertEquals(h.view(id).persons().total(), f.initial() + f.held() + f.generalCommunication(),
                "everything released: initial + held + general communication = persons");
        assertEquals(3, h.backend().incidents().find(id).orElseThrow().approvals().size(), "each approval recorded");
    }

    @Test
    void anApprovalCoversTheNoticesWaitingWhenItIsGivenNeverOnesPlannedLater() throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference("moment");
        String id = h.runManifest(h.upload("a.csv", incident(ref, AWARE_AT), row(h.c1, "name;photo"))).incidentId();
        approve(h, id, ALICE, null);
        h.runManifest(h.upload("b.csv", incident(ref, AWARE_AT), row(h.c2, "name")));

        assertEquals(Map.of(Band.HIGH, 1L, Band.VERY_HIGH, 1L), figures(h, id).awaitingRelease(),
                "Alice's yes did not reach C2's notice, planned after it");
        assertEquals(Set.of(), told(h));
        approve(h, id, ALICE, Band.HIGH);
        assertEquals(Set.of(h.c2), told(h), "a yes for band HIGH releases HIGH only");
        assertEquals(Map.of(Band.VERY_HIGH, 1L), figures(h, id).awaitingRelease());
    }

    @Test
    void aHeldPersonIsNeverPublishedByAReleaseAndAnUnholdPutsThemBack() throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference("hold");
        h.ingest(firstList(h, ref));
        for (RowBatch batch : h.takeBatches()) {
            h.score(batch, false);
        }
        String id = h.backend().incidents().list().stream().filter(i -> ref.equals(i.reference())).findFirst()
                .orElseThrow().incidentId();
        ReleaseNotices release = h.pipeline().release();
        // T1's MEDIUM notice is released but not yet published; C1 waits for approvers. Hold both.
        assertTrue(release.hold(new ReleaseNotices.HoldPerson(id, h.t1, "Alice Dpo", "alice", "told by manager")).changed());
        assertTrue(release.hold(new ReleaseNotices.HoldPerson(id, h.c1, "Alice Dpo", "alice",
                "to be told by their handler")).changed());
        assertFalse(release.hold(new ReleaseNotices.HoldPerson(id, h.c1, "Bob", "bob", "again")).changed(),
                "already held");
        h.releaseRequested();
        h.reportRequested();
        approve(h, id, ALICE, null);
        approve(h, id, BOB, null);

        assertEquals(Set.of(h.c2, h.s2), told(h), "the holds survived the automatic release and two approvals");
        ReleaseFigures f = figures(h, id);
        assertEquals(2, f.held());
        assertEquals(0, f.awaitingTotal(), "people held are not counted as awaiting release");
        assertEveryoneAccountedFor(h, id);
        IncidentPerson c1 = h.backend().persons().find(id, h.c1).orElseThrow();
        assertEquals("to be told by their handler", c1.hold().reason());

        assertEquals(1, release.unhold(new ReleaseNotices.LiftHold(id, h.t1, "Alice Dpo", "alice")).published(),
                "T1's notice needs no approver: it goes when the hold is lifted");
        assertEquals(0, release.unhold(new ReleaseNotices.LiftHold(id, h.c1, "Alice Dpo", "alice")).published(),
                "C1's waits for a fresh release");
        assertEquals(Map.of(Band.VERY_HIGH, 1L), figures(h, id).awaitingRelease());
        approve(h, id, ALICE, null);
        approve(h, id, BOB, null);
        assertEquals(Set.of(h.c2, h.s2, h.t1, h.c1), told(h));
        assertEquals(1, h.noticesByPerson().get(h.c1).size());
    }

    @Test
    void anEscalationFollowsTheReleaseRuleOfItsNewBand() throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference("escalate");
        String id = h.runManifest(h.upload("a.csv", incident(ref, AWARE_AT), row(h.t1, "name;photo"),
                row(h.c2, "name"))).incidentId();
        assertEquals(Set.of(h.t1), told(h), "T1 told at MEDIUM");
        // Later records: T1's home address too (up to HIGH), and C2's photo (up to VERY_HIGH) before anyone released C2.
        h.runManifest(h.upload("b.csv", incident(ref, AWARE_AT), row(h.t1, "name;photo;home_address"),
                row(h.c2, "name;photo")));

        IncidentPerson t1 = h.backend().persons().find(id, h.t1).orElseThrow();
        assertEquals(Band.HIGH, t1.band());
        PersonNotice escalation = t1.notices().getLast();
        assertEquals(NoticeKind.ESCALATION, escalation.kind());
        assertEquals(NoticeState.PLANNED, escalation.state(), "HIGH waits for one approver");
        IncidentPerson c2 = h.backend().persons().find(id, h.c2).orElseThrow();
        assertEquals(List.of(NoticeState.WITHDRAWN, NoticeState.PLANNED), c2.notices().stream().map(PersonNotice::state)
                .toList(), "C2's HIGH letter never went: the VERY_HIGH notice replaced it");
        assertEquals(NoticeKind.INITIAL, c2.notices().getLast().kind());
        assertEquals(1, h.noticesByPerson().get(h.t1).size());

        approve(h, id, ALICE, null);
        assertEquals(2, h.noticesByPerson().get(h.t1).size(), "T1's escalation released by one approver");
        assertFalse(h.noticesByPerson().containsKey(h.c2), "C2's VERY_HIGH needs a second approver");
        approve(h, id, BOB, null);
        assertEquals(1, h.noticesByPerson().get(h.c2).size());
        assertEquals(1, figures(h, id).withdrawn());
    }

    @Test
    void twoApproversAtTheSameMomentPublishEachNoticeOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                ScenarioHarness h = harness();
                String id = h.runManifest(firstList(h, h.reference("race-" + round))).incidentId();
                approve(h, id, ALICE, null); // HIGH out; C1 has one of its two
                List<Approver> racing = List.of(BOB, Approver.byName("Carol Third", "carol"), BOB,
                        Approver.byName("Dan Fourth", "dan"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReleaseNotices.Approved>> running = new ArrayList<>();
                for (Approver who : racing) {
                    running.add(pool.submit(() -> {
                        start.await();
                        return approve(h, id, who, null);
                    }));
                }
                start.countDown();
                int published = 0;
                for (Future<ReleaseNotices.Approved> f : running) {
                    published += f.get(60, TimeUnit.SECONDS).published();
                }
                assertEquals(1, published, "round " + round + ": C1's notice published by exactly one of them");
                List<OutboundMessage> c1 = h.noticesByPerson().get(h.c1);
                assertEquals(1, c1.size(), "round " + round + ": told once");
                List<String> ids = h.published(Topic.NOTICES).stream().map(OutboundMessage::id).toList();
                assertEquals(ids.stream().distinct().toList(), ids, "round " + round + ": no message twice");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lettersAreWrittenUnderLettersOnlyOnceReleasedAndSayOnlyWhatTheirChannelMay() throws Exception {
        ScenarioHarness h = harness();
        String id = h.runManifest(firstList(h, h.reference("letters"))).incidentId();
        IncidentPerson t1 = h.backend().persons().find(id, h.t1).orElseThrow();
        IncidentPerson c1 = h.backend().persons().find(id, h.c1).orElseThrow();
        String t1Letter = Letters.noticeKey(id, t1.notices().getFirst().noticeId());
        String c1Letter = Letters.noticeKey(id, c1.notices().getFirst().noticeId());

        assertEquals(Set.of(t1Letter, Letters.generalKey(id)), Set.copyOf(h.backend().objects().list("letters/" + id + "/")),
                "the released notice's letter and the general communication; none for notices still waiting");
        String email = read(h, t1Letter);
        assertTrue(email.contains("Dear Sam,"), email);
        assertFalse(email.contains("Finance"), "an e-mail never names the unit");
        JsonNode message = Json.read(h.noticesByPerson().get(h.t1).getFirst().body(), JsonNode.class);
        assertEquals(t1Letter, message.path("letterKey").asText(), "the message points at the letter");
        assertFalse(message.toString().contains("Dear"), "and does not carry its text");
        String general = read(h, Letters.generalKey(id));
        assertFalse(general.contains(h.t1) || general.contains("Sam") || general.contains("Smith"),
                "the general communication names nobody");

        approve(h, id, ALICE, null);
        approve(h, id, BOB, null);
        String brief = read(h, c1Letter);
        assertTrue(brief.contains("Brief for telling Alex Smith in person"), brief);
        assertTrue(brief.contains("covert"), "the in-person brief says why, for the officer who tells them");
    }

    @Test
    void runningEverythingAgainPublishesNothingTwice() throws Exception {
        ScenarioHarness h = harness();
        String key = firstList(h, h.reference("again"));
        h.ingest(key);
        List<RowBatch> batches = h.takeBatches();
        batches.forEach(b -> h.score(b, false));
        List<ReleaseRequest> requests = h.releaseRequested();
        h.reportRequested();
        String id = batches.getFirst().incidentId();
        approve(h, id, ALICE, null);
        approve(h, id, BOB, null);
        int notices = h.published(Topic.NOTICES).size();
        ReleaseFigures before = figures(h, id);

        assertTrue(h.ingest(key).alreadyIngested());
        batches.forEach(b -> h.score(b, true));
        h.releaseRequested();
        requests.forEach(r -> h.pipeline().release().publishReleased(r));
        h.pipeline().release().publishReleased(ReleaseRequest.forIncident(id));
        approve(h, id, ALICE, null);
        approve(h, id, BOB, null);
        h.reportRequested();

        assertEquals(notices, h.published(Topic.NOTICES).size(), "no notice and no general communication twice");
        assertEquals(before, figures(h, id));
    }

    private static String read(ScenarioHarness h, String key) throws IOException {
        try (InputStream in = h.backend().objects().open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
