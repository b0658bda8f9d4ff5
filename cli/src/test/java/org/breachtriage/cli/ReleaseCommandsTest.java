package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.embedded.LocalPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.breachtriage.cli.Cli.Result;

/**
 * pending, release, hold, unhold and letter on the state directory, after the ID-card incident's two
 * manifests: MEDIUM told at once, 492 HIGH and 211 VERY_HIGH notices waiting.
 */
class ReleaseCommandsTest {
    @TempDir
    Path tmp;
    private Path state;
    private String incidentId;


    private Result triage(String... args) {
        return new Cli(state).run(args);
    }

    @BeforeEach
    void runTheIncidentsTwoManifests() throws IOException {
        state = tmp.resolve("state");
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        assertEquals(0, triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Result one = triage("run", events.resolve(SampleEvents.MET_ID_CARD).toString(), "-o", "json");
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, triage("run", events.resolve(SampleEvents.MET_ID_CARD_LATER).toString()).exit());
        incidentId = one.json().path("incidentId").asText();
    }

    /** The pay numbers waiting, from pending --people, with their notice's band. */
    private List<JsonNode> waiting() throws IOException {
        Result pending = triage("pending", incidentId, "--people", "-o", "json");
        assertEquals(0, pending.exit(), pending.err());
        List<JsonNode> people = new ArrayList<>();
        pending.json().path("people").forEach(people::add);
        return people;
    }

    private long noticeLines() throws IOException {
        return Files.readAllLines(state.resolve("topics/notices.jsonl")).size();
    }

    @Test
    void pendingPrintsItsJsonContract() throws IOException {
        Result pending = triage("pending", incidentId, "-o", "json");
        assertEquals(0, pending.exit(), pending.err());
        JsonNode json = pending.json();
        assertEquals(incidentId, json.path("incidentId").asText());
        assertEquals(492, json.path("awaitingRelease").path("HIGH").asLong());
        assertEquals(211, json.path("awaitingRelease").path("VERY_HIGH").asLong());
        assertEquals(0, json.path("held").asLong());
        assertFalse(json.has("people"), "pay numbers only with --people");
        assertEquals(492 + 211, waiting().size());
        assertFalse(triage("pending", incidentId).out().contains("MP0"), "no pay number without --people");
    }

    @Test
    void oneApproverReleasesHighASecondVeryHighAndTheSameOneTwiceCountsOnce() throws IOException {
        long before = noticeLines();
        Result first = triage("release", incidentId, "--by", "Alice Dpo", "--reason", "list checked", "-o", "json");
        assertEquals(0, first.exit(), first.err());
        assertEquals(492, first.json().path("published").asLong());
        assertEquals(0, first.json().path("awaitingRelease").path("HIGH").asLong());
        assertEquals(211, first.json().path("awaitingRelease").path("VERY_HIGH").asLong());

        Result again = triage("release", incidentId, "--by", "alice dpo", "-o", "json");
        assertEquals(0, again.json().path("published").asLong(), "the same approver twice counts once");
        assertEquals(0, again.json().path("counted").asLong());

        Result second = triage("release", incidentId, "--by", "Bob Deputy", "-o", "json");
        assertEquals(211, second.json().path("published").asLong());
        assertEquals(before + 492 + 211, noticeLines());

        JsonNode incident = triage("incident", incidentId, "-o", "json").json();
        JsonNode n = incident.path("notices");
        assertEquals(incident.path("persons").path("total").asLong(),
                n.path("initial").asLong() + n.path("held").asLong() + n.path("generalCommunication").asLong(),
                "everything released: initial + held + general communication = persons");
        String log = triage("incident", incidentId, "--log").out();
        assertTrue(log.contains("Approval " + first.json().path("approvalId").asText() + " by Alice Dpo (identity os-user:"),
                log);
        assertTrue(log.contains("because: list checked. It covers the 703 notice(s) waiting"), log);
        assertTrue(log.contains("by Bob Deputy"), log);
    }

    @Test
    void aHoldSurvivesBothReleasesAndUnholdPutsThePersonBackInTheQueue() throws IOException {
        String covert = waiting().stream().filter(p -> p.path("noticeBand").asText().equals("VERY_HIGH")).findFirst()
                .orElseThrow().path("payNumber").asText();
        Result held = triage("hold", incidentId, covert, "--by", "Alice Dpo", "--reason", "to be told by their handler");
        assertEquals(0, held.exit(), held.err());
        assertTrue(held.out().startsWith("Held " + covert), held.out());
        assertTrue(triage("hold", incidentId, covert, "--by", "Alice Dpo", "--reason", "again").out()
                .startsWith("Already held:"));

        triage("release", incidentId, "--by", "Alice Dpo");
        triage("release", incidentId, "--by", "Bob Deputy");
        JsonNode pending = triage("pending", incidentId, "-o", "json").json();
        assertEquals(1, pending.path("held").asLong());
        assertEquals(0, pending.path("awaitingRelease").path("VERY_HIGH").asLong(), "held people are not awaiting");
        Result person = triage("person", incidentId, covert);
        assertTrue(person.out().contains("Hold        held by Alice Dpo"), person.out());
        assertTrue(person.out().contains("to be told by their handler"), person.out());
        assertTrue(person.out().contains(": HELD"), person.out());

        Result lifted = triage("unhold", incidentId, covert, "--by", "Alice Dpo");
        assertEquals(0, lifted.exit(), lifted.err());
        assertTrue(lifted.out().contains("their notices wait for release"), lifted.out());
        assertEquals(1, triage("pending", incidentId, "-o", "json").json().path("awaitingRelease").path("VERY_HIGH").asLong());
        assertEquals(0, triage("release", incidentId, "--by", "Alice Dpo", "-o", "json").json().path("published").asLong(),
                "one approver is not enough for VERY_HIGH");
        assertEquals(1, triage("release", incidentId, "--by", "Bob Deputy", "-o", "json").json().path("published").asLong());
    }

    @Test
    void releaseByBandReleasesThatBandOnly() throws IOException {
        Result high = triage("release", incidentId, "--by", "Alice Dpo", "--band", "very-high", "-o", "json");
        assertEquals(0, high.exit(), high.err());
        assertEquals(0, high.json().path("published").asLong(), "VERY_HIGH needs two; HIGH was not approved");
        assertEquals(492, high.json().path("awaitingRelease").path("HIGH").asLong());
        assertEquals(211, triage("release", incidentId, "--by", "Bob Deputy", "--band", "VERY_HIGH", "-o", "json")
                .json().path("published").asLong());
    }

    @Test
    void letterRendersOnePersonsNoticeInTextOrHtml() throws IOException {
        String covert = waiting().stream().filter(p -> p.path("noticeBand").asText().equals("VERY_HIGH")).findFirst()
                .orElseThrow().path("payNumber").asText();
        Result brief = triage("letter", incidentId, covert);
        assertEquals(0, brief.exit(), brief.err());
        assertTrue(brief.out().startsWith("Brief for telling "), brief.out());
        assertTrue(brief.out().contains("in person"), brief.out());
        Result html = triage("letter", incidentId, covert, "--format", "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out());
        assertFalse(html.out().contains("<b>"), "text is escaped, not markup");
        Result none = triage("letter", incidentId, covert, "--stored");
        assertEquals(ExitCodes.INVALID_INPUT, none.exit(), "rendering a waiting notice stored nothing: " + none.out());
        assertEquals("triage: invalid input: pay number " + covert + " has no published notice in incident " + incidentId + ", so no letter"
                + " was stored; without --stored this renders what they would get", none.err().strip());
    }

    @Test
    void letterStoredPrintsTheCopyThePublishedNoticeCarries() throws IOException {
        String covert = waiting().stream().filter(p -> p.path("noticeBand").asText().equals("VERY_HIGH")).findFirst()
                .orElseThrow().path("payNumber").asText();
        triage("release", incidentId, "--by", "Alice Dpo");
        triage("release", incidentId, "--by", "Bob Deputy");
        Result stored = triage("letter", incidentId, covert, "--stored");
        assertEquals(0, stored.exit(), stored.err());
        assertEquals(triage("letter", incidentId, covert).out(), stored.out(),
                "nothing changed since it was published, so the stored copy is what a fresh rendering gives");
        assertFalse(Files.exists(state.resolve("objects/letters")), "letters are in the state file, not files");
        String key = "letters/" + incidentId + "/" + incidentId + "-notice-" + covert + "-initial-VERY_HIGH.txt";
        assertTrue(Files.readString(state.resolve("topics/notices.jsonl")).contains("\"letterKey\":\"" + key + "\""),
                "the notice names the letter stored");
        assertTrue(triage("letter", incidentId, covert, "--stored", "--format", "html").out().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void letterStoredForSomeoneWithNoNoticeOfTheirOwnIsTheGeneralCommunication() throws IOException {
        String covered;
        try (LocalPipeline pipeline = LocalPipeline.open(state)) {
            List<String> found = new ArrayList<>();
            pipeline.persons().forEach(incidentId, p -> {
                if (p.subjectType().staff() && p.notices().stream().noneMatch(PersonNotice::live)) {
                    found.add(p.payNumber());
                }
            });
            assertFalse(found.isEmpty(), "the sample incident has staff the general communication alone covers");
            covered = found.getFirst();
        }
        Result stored = triage("letter", incidentId, covered, "--stored");
        assertEquals(0, stored.exit(), stored.err());
        assertTrue(stored.out().startsWith("To everyone who works for "), stored.out());
        assertTrue(Files.readString(state.resolve("topics/notices.jsonl")).contains("\"letterKey\":\"letters/" + incidentId
                + "/general-communication.txt\""), "the communication published names the letter stored");
        assertEquals(triage("letter", incidentId, covered).out(), stored.out(), "as rendered, since nothing changed");
    }

    @Test
    void badInputGetsOneLineAndExitThree() {
        for (String[] args : List.of(
                new String[] {"hold", "IN-0123456789abcdef", "MP1", "--by", "A", "--reason", "x"},
                new String[] {"hold", incidentId, "MP999999", "--by", "A", "--reason", "x"},
                new String[] {"hold", incidentId, "MP000001", "--by", "A", "--reason", "  "},
                new String[] {"release", incidentId, "--by", "A", "--band", "SEVERE"},
                new String[] {"release", incidentId, "--by", " "},
                new String[] {"unhold", incidentId, "MP999999", "--by", "A"},
                new String[] {"letter", incidentId, "MP999999"},
                new String[] {"pending", "BT-0123456789abcdef"})) {
            Result bad = triage(args);
            assertEquals(ExitCodes.INVALID_INPUT, bad.exit(), String.join(" ", args) + ": " + bad.err());
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
        }
        assertEquals(ExitCodes.USAGE, triage("release", incidentId).exit(), "--by is required");
        assertEquals(ExitCodes.USAGE, triage("hold", incidentId, "MP000001", "--by", "A").exit(), "--reason is required");
    }
}
