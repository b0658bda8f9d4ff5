package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breachtriage.core.synthetic.SampleEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.breachtriage.cli.Cli.Result;

/**
 * The incident commands on the state directory, after the bundled incident's two manifests have run:
 * the run JSON's incident, {@code incidents}, {@code incident}, {@code person} and {@code report}
 * by incident or case id, {@code clock} and {@code ico submitted}.
 */
class IncidentCommandsTest {
    @TempDir
    Path tmp;
    private Path state;
    private Path events;
    private JsonNode first;
    private JsonNode later;


    private Result triage(String... args) {
        return new Cli(state).run(args);
    }

    @BeforeEach
    void runTheIncidentsTwoManifests() throws IOException {
        state = tmp.resolve("state");
        events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        assertEquals(0, triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Result one = triage("run", events.resolve(SampleEvents.MET_ID_CARD).toString(), "-o", "json");
        assertEquals(0, one.exit(), one.err());
        first = one.json();
        Result two = triage("run", events.resolve(SampleEvents.MET_ID_CARD_LATER).toString(), "-o", "json");
        assertEquals(0, two.exit(), two.err());
        later = two.json();
    }

    private String incidentId() {
        return first.path("incidentId").asText();
    }

    @Test
    void bothRunsNameTheSameIncidentAndSayWhatTheyPublished() {
        assertTrue(incidentId().startsWith("IN-"), incidentId());
        assertEquals(incidentId(), later.path("incidentId").asText(), "same force and reference: one incident");
        // The first list: MEDIUM's information notices go at once; HIGH and VERY_HIGH wait for people.
        JsonNode one = first.path("notices");
        assertEquals(2_424, one.path("planned").asLong(), "everyone MEDIUM and above, and 4 replaced within the file");
        assertEquals(1_881, one.path("published").asLong());
        assertEquals(1_881, one.path("publishedThisRun").asLong());
        assertEquals(539, one.path("awaitingRelease").asLong(), "361 HIGH + 178 VERY_HIGH");
        assertEquals(4, one.path("withdrawn").asLong(), "a pay number listed twice that rose past MEDIUM");
        JsonNode two = later.path("notices");
        assertEquals(188, two.path("planned").asLong(), "the later manifest's own notices");
        assertEquals(188, two.path("awaitingRelease").asLong(), "all HIGH or above: they wait");
        assertEquals(0, two.path("publishedThisRun").asLong());
        JsonNode incident = later.path("incident");
        assertEquals(2527, incident.path("persons").path("total").asLong(), "2,492 + 200 − those in both");
        JsonNode notices = incident.path("notices");
        assertEquals(1_881, notices.path("initial").asLong());
        assertEquals(0, notices.path("escalation").asLong(), "no escalation is out until someone releases it");
        assertEquals(492, notices.path("awaitingRelease").path("HIGH").asLong());
        assertEquals(211, notices.path("awaitingRelease").path("VERY_HIGH").asLong());
        assertEquals(66, notices.path("generalCommunication").asLong(), "LOW: the general staff communication");
        assertEquals(28, notices.path("withdrawn").asLong(), "4 within the first list, 24 waiting HIGH notices replaced by VERY_HIGH ones");
    }

    @Test
    void incidentPrintsItsJsonContract() throws IOException {
        Result shown = triage("incident", incidentId(), "-o", "json");

        assertEquals(0, shown.exit(), shown.err());
        JsonNode json = shown.json();
        assertEquals(incidentId(), json.path("incidentId").asText());
        assertEquals("INC-2023-0826", json.path("reference").asText());
        assertEquals(2, json.path("manifests").size());
        JsonNode manifest = json.path("manifests").get(0);
        assertEquals(first.path("caseId").asText(), manifest.path("caseId").asText());
        assertEquals("met-idcard-2023.csv", manifest.path("source").asText());
        assertEquals("REPORTED", manifest.path("status").asText());
        assertFalse(manifest.path("superseded").asBoolean());
        JsonNode persons = json.path("persons");
        assertEquals(persons.path("total").asLong(), persons.path("matched").asLong() + persons.path("unmatched").asLong());
        assertEquals(0, persons.path("noLongerListed").asLong());
        long banded = 0;
        for (String band : List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH")) {
            banded += json.path("bands").path(band).asLong();
        }
        assertEquals(persons.path("total").asLong(), banded, "each person in one band");
        assertEquals("2023-08-27T09:00:00Z", json.path("art33").path("deadline").asText(), "72 h from the earliest awareness");
        assertTrue(json.path("art33").has("hoursLeft"));
        assertTrue(json.path("art33").path("submittedAt").isNull());
        assertTrue(json.path("art33").path("icoReference").isNull());

        Result listed = triage("incidents");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains(incidentId()) && listed.out().contains("INC-2023-0826"), listed.out());
    }

    @Test
    void personByIncidentShowsTheUnionAndByCaseSaysWhatThatManifestAloneSays() throws IOException {
        String payNumber = Files.readAllLines(events.resolve(SampleEvents.MET_ID_CARD_LATER)).get(1).split(",")[0];

        Result byIncident = triage("person", incidentId(), payNumber, "-o", "json");
        assertEquals(0, byIncident.exit(), byIncident.err());
        JsonNode p = byIncident.json();
        assertEquals(incidentId(), p.path("incidentId").asText());
        assertTrue(p.path("caseId").isNull());
        assertTrue(p.path("exposedFields").asText().contains("home_address"), "the later manifest's home address is in");
        for (String field : List.of("payNumber", "matched", "band", "score", "dpc", "ei", "cb", "reasons", "manifests",
                "notices", "art34")) {
            assertTrue(p.has(field), "person JSON has " + field);
        }

        Result byCase = triage("person", later.path("caseId").asText(), payNumber);
        assertEquals(0, byCase.exit(), byCase.err());
        assertTrue(byCase.out().contains("(this case)"), byCase.out());

        String onlyInFirst = onlyInTheFirstManifest();
        Result notInThatCase = triage("person", later.path("caseId").asText(), onlyInFirst);
        assertEquals(ExitCodes.INVALID_INPUT, notInThatCase.exit());
        assertTrue(notInThatCase.err().contains("not in case"), notInThatCase.err());
        assertEquals(0, triage("person", incidentId(), onlyInFirst).exit());
    }

    private String onlyInTheFirstManifest() throws IOException {
        List<String> later = Files.readAllLines(events.resolve(SampleEvents.MET_ID_CARD_LATER)).stream()
                .map(l -> l.split(",")[0]).toList();
        return Files.readAllLines(events.resolve(SampleEvents.MET_ID_CARD)).stream().skip(1).map(l -> l.split(",")[0])
                .filter(pay -> !later.contains(pay)).findFirst().orElseThrow();
    }

    @Test
    void reportByIncidentIsItsLatestReportAndByCaseTheOneThatCaseProduced() throws IOException {
        Result latest = triage("report", incidentId(), "--format", "md");
        assertEquals(0, latest.exit(), latest.err());
        assertTrue(latest.out().contains("follow-up 1"), "the second manifest's report is follow-up 1");
        assertTrue(latest.out().contains("What changed since report 1"), latest.out());

        Result initial = triage("report", first.path("caseId").asText(), "--format", "json");
        assertEquals(0, initial.exit(), initial.err());
        assertEquals("initial", initial.json().path("icoArt33Draft").path("phase").asText());
        assertEquals(1, initial.json().path("federationSummary").path("reportNumber").asInt());
        assertTrue(Files.exists(state.resolve("objects/reports/" + incidentId() + "/ico-art33-draft.md")));
        assertTrue(Files.exists(state.resolve("objects/reports/" + incidentId() + "/followup-1/federation-summary.json")));
    }

    @Test
    void theClockRemindsOnceAndTheIcoSubmissionStopsIt() throws IOException {
        Result overdue = triage("clock", "--now", "2023-08-27T10:00:00Z", "-o", "json");
        assertEquals(0, overdue.exit(), overdue.err());
        assertEquals(1, overdue.json().path("incidentsChecked").asInt());
        assertEquals(1, overdue.json().path("sent").size());
        assertEquals("OVERDUE", overdue.json().path("sent").get(0).path("threshold").asText());
        Result again = triage("clock", "--now", "2023-08-27T11:00:00Z", "-o", "json");
        assertEquals(0, again.json().path("sent").size(), "sent once");

        Result noReason = triage("ico", "submitted", incidentId(), "--ico-reference", "ICO-42",
                "--at", "2023-08-28T09:00:00Z");
        assertEquals(ExitCodes.INVALID_INPUT, noReason.exit());
        assertTrue(noReason.err().contains("--late-reason"), noReason.err());
        Result recorded = triage("ico", "submitted", incidentId(), "--ico-reference", "ICO-42",
                "--at", "2023-08-28T09:00:00Z", "--late-reason", "the supplier's list arrived after the deadline");
        assertEquals(0, recorded.exit(), recorded.err());
        assertTrue(recorded.out().startsWith("Recorded for incident " + incidentId()), recorded.out());
        Result twice = triage("ico", "submitted", incidentId(), "--ico-reference", "ICO-42",
                "--at", "2023-08-28T09:00:00Z", "--late-reason", "the supplier's list arrived after the deadline");
        assertTrue(twice.out().startsWith("Already recorded"), twice.out());
        Result other = triage("ico", "submitted", incidentId(), "--ico-reference", "ICO-43");
        assertEquals(ExitCodes.INVALID_INPUT, other.exit(), "a different submission is not overwritten");

        JsonNode incident = triage("incident", incidentId(), "-o", "json").json();
        assertEquals("ICO-42", incident.path("art33").path("icoReference").asText());
        assertEquals(0, triage("clock", "--now", "2023-09-10T10:00:00Z", "-o", "json").json().path("incidentsChecked").asInt(),
                "nothing left to watch");

        // A third manifest after the late submission: its follow-up draft carries the reason for the delay.
        Path third = events.resolve("manifests/met-idcard-2023-third.csv");
        Files.write(third, Files.readAllLines(events.resolve(SampleEvents.MET_ID_CARD)).subList(0, 11));
        Files.copy(events.resolve(SampleEvents.MET_ID_CARD + ".incident.json"), third.resolveSibling(third.getFileName() + ".incident.json"));
        assertEquals(0, triage("run", third.toString()).exit());
        Result draft = triage("report", incidentId(), "--format", "md");
        assertTrue(draft.out().contains("follow-up 2"), draft.out());
        assertTrue(draft.out().contains("the supplier's list arrived after the deadline"), "the late reason is in the draft: " + draft.out());
    }

    @Test
    void badIdsAndTimesGetOneLineAndExitThree() {
        for (String[] args : List.of(new String[] {"incident", "BT-0123456789abcdef"},
                new String[] {"incident", "IN-0123456789abcdef"},
                new String[] {"person", "nonsense", "MP1"},
                new String[] {"report", "IN-0123456789abcdef", "--format", "md"},
                new String[] {"clock", "--now", "yesterday"},
                new String[] {"ico", "submitted", "IN-0123456789abcdef", "--ico-reference", "X"})) {
            Result bad = triage(args);
            assertEquals(ExitCodes.INVALID_INPUT, bad.exit(), String.join(" ", args) + ": " + bad.err());
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
        }
        assertEquals(ExitCodes.USAGE, triage("ico").exit());
    }
}
