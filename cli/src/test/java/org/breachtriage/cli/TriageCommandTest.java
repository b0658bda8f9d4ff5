package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.synthetic.SampleEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.breachtriage.cli.Cli.Result;

/** The CLI end to end on the bundled sample data, through the same entry point as bin/triage. */
class TriageCommandTest {

    @TempDir
    Path tmp;
    Path state;
    Path events;


    @BeforeEach
    void sampleData() throws IOException {
        state = tmp.resolve("state");
        events = tmp.resolve("events");
        SampleEvents.writeAll(events);
    }

    private Result triage(String... args) {
        return new Cli(state).run(args);
    }

    private String importRosterAndRunIdCardManifest() throws IOException {
        assertEquals(0, triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Result run = triage("run", events.resolve(SampleEvents.MET_ID_CARD).toString(), "--output", "json");
        assertEquals(0, run.exit(), run.err());
        return run.json().path("caseId").asText();
    }

    /**
     * The import says what the table will cost a run: the snapshot's heap as measured, and the heap bound bin/triage
     * will read from the hint the import's close writes, which must be the figure printed.
     */
    @Test
    void staffImportSaysWhatTheTableCostsARunsMemory() throws IOException {
        Result imported = triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString());
        assertEquals(0, imported.exit(), imported.err());
        String hint = Files.readAllLines(state.resolve("heap-hint")).getFirst();
        Matcher line = Pattern.compile("Run memory: a run holds the staff table's ([0-9,]+) people in ([0-9.]+) MB"
                + " of heap \\(measured\\); bin/triage gives commands on this state dir a ([0-9]+) MB heap").matcher(imported.out());
        assertTrue(line.find(), imported.out());
        long people = Long.parseLong(line.group(1).replace(",", ""));
        double snapshotMb = Double.parseDouble(line.group(2));
        assertEquals(hint, line.group(3) + "m", "the heap printed is the one bin/triage will give");
        // 228 bytes a person measured for the generated roster; anything far off is not the snapshot's size
        assertTrue(snapshotMb > people * 100 / 1e6 && snapshotMb < people * 1000 / 1e6, imported.out());

        Result json = triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString(), "--output", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode memory = json.json().path("runMemory");
        assertEquals(people, memory.path("staffTable").asLong());
        assertEquals(hint, memory.path("heapMb").asLong() + "m");
        long bytes = memory.path("snapshotBytes").asLong();
        assertTrue(bytes > people * 100 && bytes < people * 1000, json.out());
    }

    @Test
    void demoTriagesAnIncidentOfTwoManifestsAndSendsNothingTwiceWhenRunAgain() throws IOException {
        Result demo = triage("demo");
        assertEquals(0, demo.exit(), demo.err());
        String out = demo.out();
        assertTrue(out.contains("triaging incident INC-2023-0826, which arrives as 2 manifests"), out);
        assertTrue(out.contains("1. met-idcard-2023.csv: the supplier's first list"), out);
        assertTrue(out.contains("2. met-idcard-2023-found-later.csv: records the supplier found later"), out);
        assertTrue(out.contains("2,500 read = 2,500 accepted + 0 rejected"), out);
        assertTrue(out.contains("200 read = 200 accepted + 0 rejected"), out);
        assertTrue(out.contains("People      2,527 distinct = 2,502 matched + 25 not in the staff table"), out);
        assertTrue(out.contains("At once     1,881 published by these runs"), out);
        assertTrue(out.contains("Release 1   by A. Reviewer (demo): 492 notice(s) published"), out);
        assertTrue(out.contains("Release 2   by B. Second Reviewer (demo): 210 notice(s) published"), out);
        // Everyone ends with a published notice, the general communication, or a documented hold.
        assertTrue(out.contains("Told        2,460 people (initial notice published) + 123 escalation notices"), out);
        assertTrue(out.contains("Waiting     nothing awaits release; 1 person held"), out);
        assertTrue(out.contains("General     66 people covered by the general staff communication only (sent "), out);
        List<String> lines = Files.readAllLines(state.resolve("topics/notices.jsonl"));
        assertEquals(1_881 + 492 + 210 + 1, lines.size(), "the notices released, and the general communication once");

        Result again = triage("demo", "-o", "json");
        assertEquals(0, again.exit(), again.err());
        for (JsonNode manifest : again.json().path("manifests")) {
            assertEquals(0, manifest.path("notices").path("publishedThisRun").asLong(), "nothing sent twice");
        }
        JsonNode release = again.json().path("release");
        assertFalse(release.path("heldNow").asBoolean(), "the same hold, found again");
        assertEquals(0, release.path("first").path("published").asInt());
        assertEquals(0, release.path("second").path("published").asInt());
        JsonNode notices = again.json().path("incident").path("notices");
        assertEquals(SampleGoldens.INCIDENT_PEOPLE, notices.path("initial").asLong() + notices.path("held").asLong()
                + notices.path("generalCommunication").asLong(), "initial + held + general communication = people");
        assertEquals(lines, Files.readAllLines(state.resolve("topics/notices.jsonl")), "nothing sent again");
    }

    @Test
    void runPrintsTheJsonContract() throws IOException {
        assertEquals(0, triage("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Result run = triage("run", events.resolve(SampleEvents.MET_ID_CARD).toString(), "--output", "json");

        assertEquals(0, run.exit(), run.err());
        JsonNode json = run.json();
        assertTrue(json.path("caseId").asText().startsWith("BT-"));
        assertEquals("REPORTED", json.path("status").asText());
        long read = json.path("rows").path("read").asLong();
        assertEquals(read, json.path("rows").path("accepted").asLong() + json.path("rows").path("rejected").asLong());
        JsonNode persons = json.path("persons");
        assertEquals(persons.path("total").asLong(), persons.path("matched").asLong() + persons.path("unmatched").asLong());
        long banded = 0;
        for (String band : new String[] {"LOW", "MEDIUM", "HIGH", "VERY_HIGH"}) {
            banded += json.path("bands").path(band).asLong();
        }
        assertEquals(persons.path("total").asLong(), banded);
        assertEquals(new java.util.LinkedHashMap<>(SampleGoldens.MET_BANDS), Json.MAPPER.convertValue(json.path("bands"),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Long>>() { }));
        assertEquals(SampleGoldens.MET_PEOPLE, persons.path("total").asLong());
        assertEquals(SampleGoldens.MET_UNMATCHED, persons.path("unmatched").asLong());
        assertEquals(SampleGoldens.Notices.MET_PUBLISHED, json.path("notices").path("published").asLong());
        assertTrue(json.path("art33").path("required").asBoolean());
        assertEquals("2023-08-27T09:00:00Z", json.path("art33").path("deadline").asText());
    }

    @Test
    void statusPersonRejectsCasesAndReportReadTheStoredCase() throws IOException {
        String caseId = importRosterAndRunIdCardManifest();

        Result status = triage("status", caseId, "--output", "json");
        assertEquals(0, status.exit(), status.err());
        assertEquals(caseId, status.json().path("caseId").asText());
        // Opened on a complete sidecar (no assumptions), so: opened, the provisional Art. 33 decision, the incident
        // joined, ingested, the Art. 33 decision from the assessment, reported (scoring logs on the incident's people).
        java.util.List<String> decisions = new java.util.ArrayList<>();
        status.json().path("decisions").forEach(d -> decisions.add(d.path("decision").asText()));
        assertEquals(java.util.List.of("opened", "art33 notification required", "incident", "ingested",
                "art33 decided: notification required", "reported"), decisions);
        assertTrue(status.json().path("decisions").get(1).path("reason").asText().startsWith("Provisional"));
        assertTrue(status.json().path("decisions").get(4).path("reason").asText().startsWith("Decided from the"
                + " assessment of the incident's people (report 1): "), status.json().path("decisions").toString());
        assertEquals("REQUIRED", status.json().path("art33").path("verdict").asText());
        assertFalse(status.json().path("art33").path("provisional").asBoolean());

        String firstPayNumber = Files.readAllLines(events.resolve(SampleEvents.MET_ID_CARD)).get(1).split(",")[0];
        Result person = triage("person", caseId, firstPayNumber.toLowerCase(), "--output", "json");
        assertEquals(0, person.exit(), person.err());
        JsonNode p = person.json();
        for (String field : new String[] {"payNumber", "matched", "band", "score", "dpc", "ei", "cb", "reasons"}) {
            assertTrue(p.has(field), "person JSON has " + field);
        }
        assertEquals(firstPayNumber, p.path("payNumber").asText());
        Result unknownPerson = triage("person", caseId, "ZZ999999");
        assertEquals(ExitCodes.INVALID_INPUT, unknownPerson.exit());

        Result cases = triage("cases");
        assertEquals(0, cases.exit());
        assertTrue(cases.out().contains(caseId));

        Result html = triage("report", caseId, "--format", "html");
        assertEquals(0, html.exit(), html.err());
        assertTrue(html.out().contains("<svg"));
        assertFalse(html.out().contains("http://") || html.out().contains("https://"), "nothing fetched");
        Result md = triage("report", caseId, "--format", "md");
        assertTrue(md.out().contains("Art. 33"), md.out());
        Result json = triage("report", caseId, "--format", "json");
        assertTrue(json.json().has("icoArt33Draft"));
        assertFalse(md.out().contains(firstPayNumber), "no pay numbers in the ICO draft");
    }

    @Test
    void validateListsBadRowsAndExitsThree() {
        Result bad = triage("validate", events.resolve("manifests/with-errors.csv").toString());
        assertEquals(ExitCodes.INVALID_INPUT, bad.exit());
        assertTrue(bad.out().contains("row "), bad.out());
        assertTrue(bad.out().contains("pay_number"), bad.out());

        Result good = triage("validate", events.resolve(SampleEvents.MET_ID_CARD).toString());
        assertEquals(ExitCodes.OK, good.exit(), good.out());
    }

    @Test
    void runningAManifestWithBadRowsKeepsTheRejects() throws IOException {
        Result run = triage("run", events.resolve("manifests/with-errors.csv").toString(), "--output", "json");
        assertEquals(0, run.exit(), run.err());
        long rejected = run.json().path("rows").path("rejected").asLong();
        assertEquals(4, rejected, "the four rows events/README.md says with-errors.csv must reject");
        assertTrue(run.err().contains("staff table") && run.err().contains("empty"), "warns nobody can match");

        Result rejects = triage("rejects", run.json().path("caseId").asText());
        assertEquals(0, rejects.exit());
        assertTrue(rejects.out().contains(rejected + " rejected rows"), rejects.out());
    }

    @Test
    void badInputGetsOneClearLineAndExitThree() throws IOException {
        Result missing = triage("run", tmp.resolve("nope.csv").toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace without --verbose");

        Path semicolons = tmp.resolve("semi.csv");
        Files.writeString(semicolons, "pay_number;exposed_fields\nMP1;name\n");
        Result wrongDelimiter = triage("run", semicolons.toString());
        assertEquals(ExitCodes.INVALID_INPUT, wrongDelimiter.exit());
        assertTrue(wrongDelimiter.err().contains("semi.csv"), wrongDelimiter.err());

        Result notACase = triage("status", "nonsense");
        assertEquals(ExitCodes.INVALID_INPUT, notACase.exit());
        Result unknownCase = triage("status", "BT-0123456789abcdef");
        assertEquals(ExitCodes.INVALID_INPUT, unknownCase.exit());

        Path badRoster = tmp.resolve("roster.csv");
        Files.writeString(badRoster, "pay_number,forename,surname,staff_type,rank,unit,role_flags,vetting_level,"
                + "contact_channel,association,force\nMP1,Ann,Smith,WIZARD,,,,,,,Met\n");
        Result roster = triage("staff", "import", badRoster.toString());
        assertEquals(ExitCodes.INVALID_INPUT, roster.exit());
        assertTrue(roster.err().contains("nothing was imported"), roster.err());
    }

    @Test
    void usageErrorsExitTwoAndHelpHelps() {
        assertEquals(ExitCodes.USAGE, triage("run").exit());
        assertEquals(ExitCodes.USAGE, triage("frobnicate").exit());
        assertEquals(ExitCodes.USAGE, triage("report", "BT-0123456789abcdef", "--format", "pdf").exit());
        Result help = triage("--help");
        assertEquals(0, help.exit());
        for (String command : new String[] {"staff", "run", "validate", "status", "person", "cases", "incidents",
            "incident", "clock", "ico", "pending", "release", "hold", "unhold", "letter", "rejects", "report", "demo",
            "generate"}) {
            assertTrue(help.out().contains(command), "help lists " + command);
        }
    }

    @Test
    void stateDirMayAlsoFollowTheSubcommand() {
        StringWriter out = new StringWriter();
        int exit = TriageCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "cases", "--state-dir", state.toString());
        assertEquals(0, exit);
        assertTrue(Files.exists(state.resolve("triage.mv.db")), "used the given state dir");
    }

    @Test
    void generateWritesADeterministicRosterAndManifest() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, triage("generate", "--people", "200", "--manifest-rows", "500", "--seed", "7", "--out", a.toString()).exit());
        assertEquals(0, triage("generate", "--people", "200", "--manifest-rows", "500", "--seed", "7", "--out", b.toString()).exit());
        assertEquals(Files.readString(a.resolve("manifest.csv")), Files.readString(b.resolve("manifest.csv")));
        assertEquals(501, Files.readAllLines(a.resolve("manifest.csv")).size());
        assertTrue(Files.exists(a.resolve("manifest.csv.incident.json")));
        assertEquals(ExitCodes.INVALID_INPUT, triage("generate", "--people", "0", "--manifest-rows", "1").exit());
    }
}
