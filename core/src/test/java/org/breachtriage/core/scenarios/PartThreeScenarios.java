package org.breachtriage.core.scenarios;

import static org.breachtriage.core.scenarios.ScenarioHarness.AWARE_AT;
import static org.breachtriage.core.scenarios.ScenarioHarness.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseNotices.Approve;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;

/**
 * A Norfolk & Suffolk-style breach, end to end on one backend, with the default policy: the sample in
 * {@code events/part3/} lists victims and witnesses (no pay number column, no regime stated), so the
 * incident is derived to be DPA 2018 Part 3. The ICO draft cites s.67, the notices s.68, one notice is
 * withheld under s.68(7) on a ground a person chose, the Federation summary has nobody in it, and the
 * staff table is never asked about anyone. Then a mixed manifest and a stated UK GDPR one.
 */
public abstract class PartThreeScenarios {
    static final Path SAMPLE = Path.of("..", "events", "part3", "norfolk-suffolk-2021.csv");
    private static final Approver ALICE = Approver.byName("Alice Dpo", "alice");
    private static final Approver BOB = Approver.byName("Bob Deputy", "bob");
    /** Twelve rows: seven victims, four witnesses (one listed twice), so eleven people. */
    private static final int SAMPLE_ROWS = 12;
    private static final int SAMPLE_PEOPLE = 11;

    protected abstract ScenarioHarness.Backend backend() throws Exception;

    /** The staff directory of the backend, recording every pay number anyone asks it about. */
    static final class AskedStaff implements StaffDirectory {
        private final StaffDirectory inner;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        AskedStaff(StaffDirectory inner) {
            this.inner = inner;
        }

        @Override
        public Map<String, StaffMember> findAll(Collection<String> payNumbers) {
            asked.addAll(payNumbers);
            return inner.findAll(payNumbers);
        }

        @Override
        public void putAll(Collection<StaffMember> members) {
            inner.putAll(members);
        }
    }

    private AskedStaff staff;

    private ScenarioHarness harness() throws Exception {
        ScenarioHarness.Backend b = backend();
        staff = new AskedStaff(b.staff());
        return new ScenarioHarness(new ScenarioHarness.Backend(b.objects(), staff, b.cases(), b.incidents(), b.persons(),
                b.publisher()), ScoringPolicy.loadDefault());
    }

    /** The sample and its sidecar, under this harness's own reference so scenarios can share a table. */
    static String uploadSample(ScenarioHarness h, String name) throws IOException {
        JsonNode sidecar = Json.read(Files.readString(Path.of(SAMPLE + ".incident.json")), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) sidecar).put("reference", h.reference(name));
        return h.uploadText(name + ".csv", Json.write(sidecar), Files.readString(SAMPLE));
    }

    private static List<DecisionEntry> incidentLog(ScenarioHarness h, String incidentId) {
        return h.backend().incidents().decisions(incidentId);
    }

    private static String object(ScenarioHarness h, String key) throws IOException {
        try (InputStream in = h.backend().objects().open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<JsonNode> personNotices(ScenarioHarness h) {
        return h.published(Topic.NOTICES).stream().filter(m -> "person.notice".equals(m.eventType()))
                .map(m -> Json.read(m.body(), JsonNode.class)).toList();
    }

    private static List<IncidentPerson> people(ScenarioHarness h, String incidentId) {
        List<IncidentPerson> all = new ArrayList<>();
        h.backend().persons().forEach(incidentId, all::add);
        return all;
    }

    @Test
    void victimsAndWitnessesRunEndToEndUnderPartThreeWithOneS687Restriction() throws Exception {
        ScenarioHarness h = harness();
        CaseRecord c = h.runManifest(uploadSample(h, "norfolk"));
        String id = c.incidentId();

        // Counts: nobody is staff, so everyone is outside the workforce, and the staff table was not asked.
        assertEquals(SAMPLE_ROWS, c.counter(Counters.ROWS_ACCEPTED));
        assertEquals(SAMPLE_PEOPLE, c.counter(Counters.PERSONS_TOTAL));
        assertEquals(SAMPLE_PEOPLE, c.counter(Counters.PERSONS_NON_STAFF));
        assertEquals(0, c.counter(Counters.PERSONS_MATCHED) + c.counter(Counters.PERSONS_UNMATCHED));
        IncidentView view = h.view(id);
        assertEquals(new IncidentView.Persons(SAMPLE_PEOPLE, 0, 0, 0, SAMPLE_PEOPLE), view.persons());
        assertEquals(List.of(), staff.asked, "the staff directory is never asked about a victim or witness");
        assertEquals(java.util.Optional.of(false), h.backend().incidents().find(id).orElseThrow().listsWorkforce(),
                "ingest marked no manifest as listing the workforce, and the backend kept the mark");

        // The regime was derived, and both decision logs say why.
        IncidentRecord incident = h.backend().incidents().find(id).orElseThrow();
        assertEquals(new IncidentRegime(Regime.DPA_2018_PART_3, true, IncidentRegime.DERIVED_REASON), incident.regime());
        assertTrue(h.backend().cases().decisions(c.caseId()).stream().anyMatch(d -> d.decision().equals("regime")
                && d.reason().contains(IncidentRegime.DERIVED_REASON)), "the case's log says the regime is derived");
        assertTrue(incidentLog(h, id).stream().anyMatch(d -> d.decision().equals("regime")
                && d.reason().contains(IncidentRegime.DERIVED_REASON)));

        // The regulator's draft cites s.67, never Art. 33, and names no victim.
        String draft = object(h, "reports/" + id + "/ico-art33-draft.md");
        assertTrue(draft.contains("section 67"), draft);
        assertTrue(draft.contains("DPA 2018 s.67(4)(a)"), draft);
        assertFalse(draft.contains("GDPR") || draft.contains("Art. 33"), "a Part 3 draft cites s.67, not UK GDPR: " + draft);
        assertFalse(draft.contains("workforce data"), "the data is not the workforce's: " + draft);
        assertTrue(draft.contains("DPA 2018 s.68"), "the draft says the people are told under s.68");
        assertNoSubjectNamed(draft);

        // The Federation summary is the workforce's: nobody in it.
        List<JsonNode> federation = h.alerts(FederationSummary.EVENT_TYPE).stream()
                .map(m -> Json.read(m.body(), JsonNode.class)).toList();
        assertEquals(1, federation.size());
        JsonNode summary = federation.getFirst();
        assertEquals("0", summary.path("peopleAffected").asText());
        summary.path("byBand").forEach(n -> assertEquals("0", n.asText(), "no victim in any band: " + summary));
        assertFalse(summary.toString().contains("VICTIM") || summary.toString().contains("WITNESS"), summary.toString());
        assertNoSubjectNamed(summary.toString());
        assertEquals("NONE", h.alerts(FederationSummary.EVENT_TYPE).getFirst().attributes().get("severity"));

        // Nothing went during the run, not even MEDIUM's notices (released automatically for staff): every notice
        // to a victim or witness waits for an approver, so a person can restrict it under s.68(7) first.
        List<IncidentPerson> people = people(h, id);
        assertEquals(SAMPLE_PEOPLE, people.size());
        assertTrue(people.stream().allMatch(p -> !p.matched() && p.payNumber().matches("(VICTIM|WITNESS):NS-[VW]-\\d{4}")));
        assertEquals(List.of(), personNotices(h), "no notice to a victim or witness is published before a release");
        assertTrue(people.stream().anyMatch(p -> p.band() == org.breachtriage.core.model.Band.MEDIUM), bands(people));
        for (IncidentPerson p : people) {
            for (PersonNotice n : p.notices()) {
                assertTrue(n.awaitingRelease() && n.approvalsNeeded() >= 1, p.payNumber() + " " + n);
            }
        }
        List<IncidentPerson> waiting = people.stream().filter(p -> p.notices().stream()
                .anyMatch(PersonNotice::awaitingRelease)).toList();
        assertTrue(waiting.size() >= 2, "some victims are HIGH or above and wait for a person: " + bands(people));

        // s.68(7): a person withholds one victim's notice, on a ground they choose; it is in the decision log.
        IncidentPerson restricted = waiting.stream().filter(p -> p.subjectType().name().equals("VICTIM")).findFirst()
                .orElseThrow();
        ReleaseNotices.HoldOutcome held = h.pipeline().release().hold(new ReleaseNotices.HoldPerson(id,
                restricted.payNumber(), "Dana Dpo", "dana", "the suspect has not yet been arrested", S68Restriction.CRIME));
        assertTrue(held.changed());
        DecisionEntry logged = incidentLog(h, id).stream().filter(d -> d.decision().equals("s.68(7) restriction"))
                .findFirst().orElseThrow();
        assertTrue(logged.reason().contains("DPA 2018 s.68(7)(b)"), logged.reason());
        assertTrue(logged.reason().contains("to avoid prejudicing the prevention, detection, investigation or prosecution"
                + " of criminal offences"), logged.reason());
        assertTrue(logged.reason().contains("the suspect has not yet been arrested"), logged.reason());
        assertEquals(S68Restriction.CRIME, h.backend().persons().find(id, restricted.payNumber()).orElseThrow()
                .hold().restriction());

        // Two approvers release everything else; the restricted notice stays back.
        h.pipeline().release().approve(new Approve(id, ALICE, null, "checked the list"));
        h.pipeline().release().approve(new Approve(id, BOB, null, "second approver"));
        h.releaseRequested();
        Set<String> told = personNotices(h).stream().map(n -> n.path("subjectType").asText() + ":"
                + n.path("subjectRef").asText()).collect(Collectors.toSet());
        assertFalse(told.contains(restricted.payNumber()), "a restriction blocks publication until it is lifted");
        assertTrue(told.containsAll(waiting.stream().map(IncidentPerson::payNumber)
                .filter(k -> !k.equals(restricted.payNumber())).toList()), "everyone else waiting is released");
        for (JsonNode notice : personNotices(h)) {
            assertTrue(notice.path("payNumber").isNull(), "a subject has no pay number: " + notice);
            assertEquals("DPA 2018 s.68", notice.path("provision").asText(), notice.toString());
            String letter = object(h, notice.path("letterKey").asText());
            assertFalse(letter.contains("Article 34") || letter.contains("Art. 34"), letter);
            assertFalse(letter.contains("colleague") || letter.contains("line manager"), "not written as to staff: " + letter);
            if (notice.path("art34").asBoolean()) {
                assertTrue(letter.contains("section 68 of the Data Protection Act 2018") || letter.contains("s.68 notice"),
                        letter);
            }
        }

        // Nobody of the workforce is affected: no "to everyone who works for the force" communication, and the
        // victims and witnesses with no individual notice are counted apart, not as covered by it.
        assertTrue(h.published(Topic.NOTICES).stream().noneMatch(m -> m.eventType().equals(
                org.breachtriage.core.pipeline.Messages.STAFF_COMMUNICATION)), "no general staff communication");
        assertNull(h.backend().incidents().find(id).orElseThrow().generalCommunication());
        IncidentView.Notices figures = h.view(id).notices();
        assertFalse(figures.generalCommunicationApplies());
        assertEquals(0, figures.generalCommunication());
        assertEquals(SAMPLE_PEOPLE, figures.initial() + figures.held() + figures.generalCommunication() + figures.noIndividualNotice(),
                figures.toString());

        // A restriction placed on someone already told says so, rather than "nothing is published to them".
        IncidentPerson toldAlready = waiting.stream().filter(p -> !p.payNumber().equals(restricted.payNumber()))
                .findFirst().orElseThrow();
        ReleaseNotices.HoldOutcome late = h.pipeline().release().hold(new ReleaseNotices.HoldPerson(id,
                toldAlready.payNumber(), "Dana Dpo", "dana", "a suspect was identified", S68Restriction.INQUIRY));
        assertNotNull(late.alreadyPublishedAt(), "their notice was published: " + late);
        DecisionEntry lateLog = incidentLog(h, id).stream().filter(d -> d.decision().equals("s.68(7) restriction")
                && d.reason().contains(org.breachtriage.core.manifest.PersonKeys.ref(toldAlready.payNumber())))
                .findFirst().orElseThrow();
        assertTrue(lateLog.reason().contains("already published at " + late.alreadyPublishedAt()
                + "; the restriction applies to any later notice"), lateLog.reason());
        assertFalse(lateLog.reason().contains("nothing is published to them"), lateLog.reason());

        // Lifting the restriction is logged too, and the notice then waits for a fresh release.
        assertTrue(h.pipeline().release().unhold(new ReleaseNotices.LiftHold(id, restricted.payNumber(), "Dana Dpo",
                "dana")).changed());
        assertTrue(incidentLog(h, id).stream().anyMatch(d -> d.decision().equals("s.68(7) restriction lifted")));
        assertEquals(List.of(), staff.asked, "nor is it asked while letters are written");
    }

    @Test
    void aS687RestrictionIsRefusedForStaffAndUnderUkGdpr() throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference("mixed");
        String mixed = h.uploadText("mixed.csv", incident(ref, AWARE_AT),
                "subject_type,pay_number,subject_ref,exposed_fields\n"
                        + "STAFF," + h.c1 + ",,name;photo\n"
                        + "," + h.leaver + ",,name\n"
                        + "VICTIM,," + h.leaver + ",name;home_address;date_of_birth\n"
                        + "OTHER,,OT-1,name;home_address;date_of_birth\n");
        // Every batch delivered twice: the counts, the subjects' among them, are added once.
        String caseId = h.ingest(mixed).caseRecord().caseId();
        for (var batch : h.takeBatches()) {
            h.score(batch, false);
            h.score(batch, true);
        }
        h.releaseRequested();
        h.reportRequested();
        CaseRecord c = h.backend().cases().find(caseId).orElseThrow();
        String id = c.incidentId();
        assertEquals(new IncidentView.Persons(4, 1, 1, 0, 2), h.view(id).persons(), "total = matched + unmatched + nonStaff");

        // Staff are counted and looked up as before; the victim whose subject_ref is spelled like a pay number
        // nobody has is a person apart from that pay number.
        assertEquals(4, c.counter(Counters.PERSONS_TOTAL));
        assertEquals(1, c.counter(Counters.PERSONS_MATCHED));
        assertEquals(1, c.counter(Counters.PERSONS_UNMATCHED));
        assertEquals(2, c.counter(Counters.PERSONS_NON_STAFF));
        assertEquals(Set.of(h.c1, h.leaver), Set.copyOf(staff.asked), "only pay numbers are looked up");
        assertTrue(h.backend().persons().find(id, h.leaver).isPresent());
        assertTrue(h.backend().persons().find(id, "VICTIM:" + h.leaver).isPresent());
        assertEquals(Regime.DPA_2018_PART_3, h.backend().incidents().find(id).orElseThrow().reportingRegime());

        // OTHER's notice cites Art. 34 here (the regime is derived from the victim): s.68(7) cannot restrict it.
        IllegalArgumentException otherRefused = assertThrows(IllegalArgumentException.class, () -> h.pipeline().release()
                .hold(new ReleaseNotices.HoldPerson(id, "OTHER:OT-1", "Dana Dpo", "dana", "investigation",
                        S68Restriction.INQUIRY)));
        assertTrue(otherRefused.getMessage().contains("cites UK GDPR Art. 34, not DPA 2018 s.68"), otherRefused.getMessage());
        assertNull(h.backend().persons().find(id, "OTHER:OT-1").orElseThrow().hold(), "nothing was held");

        IllegalArgumentException staffRefused = assertThrows(IllegalArgumentException.class, () -> h.pipeline().release()
                .hold(new ReleaseNotices.HoldPerson(id, h.c1, "Dana Dpo", "dana", "investigation", S68Restriction.INQUIRY)));
        assertTrue(staffRefused.getMessage().contains("not to staff"), staffRefused.getMessage());
        assertNull(h.backend().persons().find(id, h.c1).orElseThrow().hold(), "nothing was held");

        // The Federation counts the two staff only: fewer than 5, so withheld, and never the victim.
        JsonNode summary = Json.read(h.alerts(FederationSummary.EVENT_TYPE).getFirst().body(), JsonNode.class);
        assertEquals("<5", summary.path("peopleAffected").asText(), summary.toString());

        // Each notice cites what applies to its reader: Art. 34 for the officer, s.68 for the victim, and
        // Art. 34 for OTHER, since the regime was derived from the victim, not stated.
        h.pipeline().release().approve(new Approve(id, ALICE, null, "checked"));
        h.pipeline().release().approve(new Approve(id, BOB, null, "checked"));
        h.releaseRequested();
        for (JsonNode notice : personNotices(h)) {
            String letter = object(h, notice.path("letterKey").asText());
            String type = notice.path("subjectType").asText("STAFF");
            if (type.equals("VICTIM")) {
                assertEquals("DPA 2018 s.68", notice.path("provision").asText());
                assertFalse(letter.contains("Art. 34") || letter.contains("Article 34"), letter);
            } else {
                assertFalse(letter.contains("s.68") || letter.contains("section 68"), type + ": " + letter);
            }
        }

        // A stated UK GDPR incident of members of the public only: no s.68(7).
        String gdprRef = h.reference("stated");
        JsonNode sidecar = Json.read(incident(gdprRef, AWARE_AT), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) sidecar).put("regime", "UK_GDPR");
        CaseRecord stated = h.runManifest(h.uploadText("stated.csv", Json.write(sidecar),
                "subject_type,subject_ref,exposed_fields\nOTHER,O-9,name;home_address;date_of_birth\n"));
        assertEquals(Regime.UK_GDPR, stated.regime());
        IncidentRecord gdpr = h.backend().incidents().find(stated.incidentId()).orElseThrow();
        assertEquals(Regime.UK_GDPR, gdpr.reportingRegime());
        assertFalse(gdpr.regime().derived());
        IllegalArgumentException gdprRefused = assertThrows(IllegalArgumentException.class, () -> h.pipeline().release()
                .hold(new ReleaseNotices.HoldPerson(stated.incidentId(), "OTHER:O-9", "Dana Dpo", "dana", "investigation",
                        S68Restriction.INQUIRY)));
        assertTrue(gdprRefused.getMessage().contains("UK_GDPR, not DPA 2018 Part 3"), gdprRefused.getMessage());
        assertTrue(object(h, "reports/" + stated.incidentId() + "/ico-art33-draft.md").contains("Art. 33(3)(a)"));
    }

    @Test
    void aStatedUkGdprNeverDowngradesVictimsDataWhicheverManifestComesFirst() throws Exception {
        IncidentRecord staffFirst = staffAndVictims(true);
        IncidentRecord victimsFirst = staffAndVictims(false);
        assertEquals(new IncidentRegime(Regime.DPA_2018_PART_3, true, IncidentRegime.DERIVED_REASON), staffFirst.regime());
        assertEquals(staffFirst.regime(), victimsFirst.regime(), "the outcome does not depend on manifest order");
    }

    /** A staff manifest stating UK_GDPR and a victims manifest stating nothing, in one incident, in this order. */
    private IncidentRecord staffAndVictims(boolean staffFirst) throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference(staffFirst ? "staff-first" : "victims-first");
        JsonNode gdpr = Json.read(incident(ref, AWARE_AT), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) gdpr).put("regime", "UK_GDPR");
        String staffKey = h.uploadText("staff.csv", Json.write(gdpr), "pay_number,exposed_fields\n" + h.c1
                + ",name;home_address;date_of_birth\n");
        String victimsKey = h.uploadText("victims.csv", incident(ref, AWARE_AT),
                "subject_type,subject_ref,exposed_fields\nVICTIM,V-1,name;home_address;date_of_birth\n");
        CaseRecord first = h.runManifest(staffFirst ? staffKey : victimsKey);
        CaseRecord second = h.runManifest(staffFirst ? victimsKey : staffKey);
        String id = first.incidentId();
        assertEquals(id, second.incidentId());
        IncidentRecord incident = h.backend().incidents().find(id).orElseThrow();
        assertEquals(Regime.DPA_2018_PART_3, incident.reportingRegime(), "order " + (staffFirst ? "staff first" : "victims first"));

        String warning = "states UK_GDPR, but the incident holds victims/witnesses/suspects: kept DPA 2018 Part 3";
        assertTrue(incidentLog(h, id).stream().anyMatch(d -> d.reason().contains(warning)), incidentLog(h, id).toString());
        CaseRecord staffCase = staffFirst ? first : second;
        CaseRecord victimsCase = staffFirst ? second : first;
        assertTrue(h.backend().cases().decisions(staffFirst ? victimsCase.caseId() : staffCase.caseId()).stream()
                .anyMatch(d -> d.decision().equals("regime")), "the case that met the other says which regime stands");

        // The victim's notice cites s.68 and can be restricted; the officer's cites Art. 34.
        ReleaseNotices.HoldOutcome held = h.pipeline().release().hold(new ReleaseNotices.HoldPerson(id, "VICTIM:V-1",
                "Dana Dpo", "dana", "the suspect has not yet been arrested", S68Restriction.CRIME));
        assertTrue(held.changed());
        assertTrue(h.pipeline().release().unhold(new ReleaseNotices.LiftHold(id, "VICTIM:V-1", "Dana Dpo", "dana"))
                .changed());
        h.pipeline().release().approve(new Approve(id, ALICE, null, "checked"));
        h.pipeline().release().approve(new Approve(id, BOB, null, "checked"));
        h.releaseRequested();
        List<JsonNode> notices = personNotices(h);
        assertTrue(notices.stream().anyMatch(n -> n.path("subjectType").asText().equals("VICTIM")
                && n.path("provision").asText().equals("DPA 2018 s.68")), notices.toString());
        assertTrue(notices.stream().filter(n -> !n.path("subjectType").asText("STAFF").equals("VICTIM"))
                .noneMatch(n -> n.path("provision").asText().contains("s.68")), notices.toString());
        if (!staffFirst) {
            // Staff first: the draft written then was the UK GDPR one of a staff-only incident (see the report).
            String draft = object(h, "reports/" + id + "/ico-art33-draft.md");
            assertTrue(draft.contains("section 67"), draft);
        }
        return h.backend().incidents().find(id).orElseThrow();
    }

    /**
     * A member of the public (OTHER) in a manifest that states no regime, and another manifest of the
     * incident that states DPA 2018 Part 3: their notice cites s.68, so it waits for an approver (s.68(7)
     * must be decidable first), whether the statement came before their manifest was ingested or while its
     * batches waited, after the scorer's copy of the incident was read (a third manifest filled it).
     */
    @Test
    void aPartThreeStatedByAnotherManifestMakesAMemberOfThePublicsNoticeWaitWhicheverCameFirst() throws Exception {
        PersonNotice statedFirst = otherSubjectsNotice(true);
        PersonNotice statedMeanwhile = otherSubjectsNotice(false);
        assertEquals(1, statedFirst.approvalsNeeded(), statedFirst.toString());
        assertTrue(statedFirst.awaitingRelease(), statedFirst.toString());
        assertEquals(List.of(statedFirst.kind(), statedFirst.band(), statedFirst.approvalsNeeded(), statedFirst.awaitingRelease()),
                List.of(statedMeanwhile.kind(), statedMeanwhile.band(), statedMeanwhile.approvalsNeeded(),
                        statedMeanwhile.awaitingRelease()), "the outcome does not depend on the order");
    }

    /** OTHER:O-1's notice, after every release the scoring asked for; their s.68(7) restriction is then accepted. */
    private PersonNotice otherSubjectsNotice(boolean statedFirst) throws Exception {
        ScenarioHarness h = harness();
        String ref = h.reference(statedFirst ? "stated-first" : "stated-meanwhile");
        String statedKey = h.uploadText("stated.csv", ScenarioHarness.incidentStating(ref, AWARE_AT, "DPA2018_PART3"),
                ScenarioHarness.subjects("OTHER,O-2,name"));
        String plainKey = h.uploadText("plain.csv", incident(ref, AWARE_AT), ScenarioHarness.subjects("OTHER,O-1,name;photo"));
        String id;
        if (statedFirst) {
            id = h.runManifest(statedKey).incidentId();
            h.runManifest(plainKey);
        } else {
            id = h.ingest(plainKey).caseRecord().incidentId();
            List<org.breachtriage.core.cases.RowBatch> waiting = h.takeBatches();
            h.runManifest(h.uploadText("staff.csv", incident(ref, AWARE_AT), "pay_number,exposed_fields\n" + h.t1
                    + ",name;photo\n")); // the scorer's copy: the incident lists the plain manifest, under no regime
            h.ingest(statedKey);
            List<org.breachtriage.core.cases.RowBatch> statedBatches = h.takeBatches();
            waiting.forEach(b -> h.score(b, false));
            statedBatches.forEach(b -> h.score(b, false));
            h.releaseRequested();
            h.reportRequested();
        }
        IncidentRecord incident = h.backend().incidents().find(id).orElseThrow();
        assertEquals(Regime.DPA_2018_PART_3, incident.reportingRegime());
        assertFalse(incident.regime().derived(), incident.regime().toString());
        assertTrue(personNotices(h).stream().noneMatch(n -> n.path("subjectRef").asText().equals("O-1")),
                "nothing went out to OTHER:O-1 before anyone could restrict it");
        PersonNotice notice = h.backend().persons().find(id, "OTHER:O-1").orElseThrow().notices().getLast();
        assertFalse(notice.published(), notice.toString());
        assertTrue(h.pipeline().release().hold(new ReleaseNotices.HoldPerson(id, "OTHER:O-1", "Dana Dpo", "dana",
                "an arrest is planned", S68Restriction.INQUIRY)).changed(), "a s.68(7) restriction applies to them");
        return notice;
    }

    @Test
    void theOldSpellingOfTheRegimeIsStatedToo() throws Exception {
        ScenarioHarness h = harness();
        JsonNode sidecar = Json.read(incident(h.reference("old-spelling"), AWARE_AT), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) sidecar).put("regime", "DPA_2018_PART_3");
        CaseRecord c = h.runManifest(h.uploadText("old.csv", Json.write(sidecar),
                "subject_type,subject_ref,exposed_fields\nOTHER,O-1,name;home_address;date_of_birth\n"));
        IncidentRecord incident = h.backend().incidents().find(c.incidentId()).orElseThrow();
        assertEquals(Regime.DPA_2018_PART_3, c.regime());
        assertEquals(Regime.DPA_2018_PART_3, incident.reportingRegime());
        assertFalse(incident.regime().derived(), "stated, not derived: " + incident.regime());
        assertNotNull(h.backend().persons().find(c.incidentId(), "OTHER:O-1").orElseThrow());
        assertTrue(object(h, "reports/" + c.incidentId() + "/ico-art33-draft.md").contains("section 67"));
        assertTrue(h.backend().cases().decisions(c.caseId()).stream().anyMatch(d -> d.decision().equals("regime")
                && d.reason().contains("stated by this manifest's incident metadata")));

        // A later manifest of the incident that states another regime is noted, not applied.
        ((com.fasterxml.jackson.databind.node.ObjectNode) sidecar).put("regime", "UK_GDPR");
        CaseRecord later = h.runManifest(h.uploadText("later.csv", Json.write(sidecar),
                "subject_type,subject_ref,exposed_fields\nOTHER,O-2,name\n"));
        assertEquals(c.incidentId(), later.incidentId());
        assertEquals(Regime.DPA_2018_PART_3, h.backend().incidents().find(c.incidentId()).orElseThrow().reportingRegime());
        assertTrue(h.backend().cases().decisions(later.caseId()).stream().anyMatch(d -> d.decision().equals("regime")
                && d.reason().contains("the incident's regime was stated earlier as DPA_2018_PART_3")),
                h.backend().cases().decisions(later.caseId()).toString());
    }

    private static String bands(List<IncidentPerson> people) {
        return people.stream().map(p -> p.payNumber() + "=" + p.band()).collect(Collectors.joining(", "));
    }

    /** No subject_ref, forename or surname of the sample in a report. */
    private static void assertNoSubjectNamed(String text) throws IOException {
        for (String line : Files.readAllLines(SAMPLE).subList(1, SAMPLE_ROWS + 1)) {
            String[] cells = line.split(",");
            for (int i = 1; i <= 3; i++) {
                assertFalse(text.contains(cells[i]), "a report names a subject's " + i + ": " + text);
            }
        }
    }
}
