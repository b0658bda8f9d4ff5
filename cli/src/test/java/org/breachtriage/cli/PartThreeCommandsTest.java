package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breachtriage.cli.Cli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI on the Norfolk & Suffolk-style sample (events/part3): people outside the workforce counted
 * apart, found by TYPE:SUBJECT_REF, and a notice withheld under DPA 2018 s.68(7) with triage hold --s68-7,
 * which is refused for staff and for an incident under UK GDPR.
 */
class PartThreeCommandsTest {
    private static final Path SAMPLE = Path.of("..", "events", "part3", "norfolk-suffolk-2021.csv");

    @TempDir
    Path tmp;
    private Path state;
    private String incidentId;
    private Result run;

    private Result triage(String... args) {
        return new Cli(state).run(args);
    }

    @BeforeEach
    void runTheSample() throws IOException {
        state = tmp.resolve("state");
        Path manifest = Files.copy(SAMPLE, tmp.resolve(SAMPLE.getFileName()));
        Files.copy(Path.of(SAMPLE + ".incident.json"), tmp.resolve(SAMPLE.getFileName() + ".incident.json"));
        run = triage("run", manifest.toString(), "-o", "json");
        assertEquals(0, run.exit(), run.err());
        incidentId = run.json().path("incidentId").asText();
    }

    @Test
    void theRunSummaryCountsPeopleOutsideTheWorkforceApart() throws IOException {
        assertEquals(11, run.json().path("persons").path("total").asLong());
        assertEquals(0, run.json().path("persons").path("matched").asLong());
        assertEquals(0, run.json().path("persons").path("unmatched").asLong());
        assertEquals(11, run.json().path("persons").path("nonStaff").asLong());
        assertEquals(11, run.json().path("incident").path("persons").path("nonStaff").asLong());
        Result text = triage("incident", incidentId);
        assertTrue(text.out().contains("People      11 distinct = 0 matched + 0 not in the staff table + 11 outside the"
                + " workforce (victims, witnesses, suspects, others)"), text.out());
        assertTrue(text.out().contains("Regime      DPA 2018 Part 3 (derived: the manifest lists victims/witnesses/suspects,"
                + " whose data falls under DPA 2018 Part 3)"), text.out());
        assertEquals(true, run.json().path("incident").path("regime").path("derived").asBoolean());
        assertTrue(text.out().contains("ICO s.67    REQUIRED, deadline 2021-06-17T10:00:00Z"), text.out());
    }

    @Test
    void theRunSummaryCitesS67AndItsNextStepNamesASubjectByTypeAndReference() throws IOException {
        Path again = tmp.resolve("again.csv");
        Files.copy(SAMPLE, again);
        Files.writeString(tmp.resolve("again.csv.incident.json"), Files.readString(Path.of(SAMPLE + ".incident.json"))
                .replace("NSC-2021-FOI-SYNTH", "NSC-2021-AGAIN"));
        Result text = triage("run", again.toString());
        assertEquals(0, text.exit(), text.err());
        assertFalse(text.out().contains("ICO Art. 33"), text.out());
        assertTrue(text.out().contains("ICO s.67    REQUIRED"), text.out());
        assertFalse(text.out().contains("Police workforce personal data") || text.out().contains("UK GDPR Art. 33"),
                "a Part 3 incident's summary and view speak of s.67: " + text.out());
        assertTrue(text.out().contains("| triage person "), text.out());
        assertTrue(text.out().strip().endsWith(" TYPE:REF"), "not PAY_NUMBER: " + text.out());
    }

    @Test
    void personFindsASubjectByTypeAndReferenceInAnyCase() throws IOException {
        Result json = triage("person", incidentId, "victim:ns-v-0001", "-o", "json");
        assertEquals(0, json.exit(), json.err());
        assertEquals("VICTIM:NS-V-0001", json.json().path("payNumber").asText());
        assertEquals("VICTIM", json.json().path("subjectType").asText());
        assertFalse(json.json().path("matched").asBoolean());

        Result text = triage("person", incidentId, "VICTIM:NS-V-0001");
        assertTrue(text.out().contains("Matched     not looked up: a VICTIM outside the workforce (subject_ref NS-V-0001),"
                + " scored from the manifests alone"), text.out());

        // A bare subject_ref names the one subject with it, whatever their type.
        Result bare = triage("person", incidentId, "NS-V-0003", "-o", "json");
        assertEquals(0, bare.exit(), bare.err());
        assertEquals("VICTIM:NS-V-0003", bare.json().path("payNumber").asText());
        // MEDIUM is released automatically for staff; a victim's MEDIUM notice waits for an approver, and says why.
        assertEquals("MEDIUM", bare.json().path("band").asText(), bare.out());
        assertEquals("ONE", bare.json().path("art34").path("release").asText(), bare.out());
        assertTrue(bare.json().path("art34").path("reason").asText().contains(
                org.breachtriage.core.incident.S68Release.reason(org.breachtriage.core.model.Band.MEDIUM)), bare.out());
        assertTrue(bare.json().path("notices").get(0).path("state").asText().equals("PLANNED"), bare.out());
        Result nobody = triage("person", incidentId, "NS-X-0001");
        assertEquals(3, nobody.exit());
        assertTrue(nobody.err().contains("no pay number or subject ref NS-X-0001 is in incident " + incidentId)
                && nobody.err().contains("VICTIM:REF"), "a bare key is looked for as both, and the message says so: "
                + nobody.err());
        Result typed = triage("person", incidentId, "VICTIM:NS-X-0001");
        assertEquals(3, typed.exit());
        assertTrue(typed.err().contains("VICTIM subject NS-X-0001 is not in incident " + incidentId), typed.err());
        assertEquals(0, triage("letter", incidentId, "ns-w-0004").exit(), "letter takes a bare subject_ref too");
        Result staffPrefix = triage("person", incidentId, "STAFF:MP000001");
        assertEquals(3, staffPrefix.exit());
        assertTrue(staffPrefix.err().contains("the part before ':' must be one of VICTIM, WITNESS, SUSPECT, OTHER"),
                staffPrefix.err());
    }

    @Test
    void aBareSubjectRefThatSeveralSubjectsHaveIsRefusedListingTheirForms() throws IOException {
        Path both = tmp.resolve("both.csv");
        Files.writeString(both, "subject_type,subject_ref,exposed_fields\nVICTIM,X-1,name;home_address\n"
                + "WITNESS,X-1,name;home_address\n");
        Files.writeString(tmp.resolve("both.csv.incident.json"), "{\"reference\": \"BOTH-1\"}");
        String bothId = triage("run", both.toString(), "-o", "json").json().path("incidentId").asText();
        for (String[] args : List.of(new String[] {"person", bothId, "x-1"},
                new String[] {"hold", bothId, "X-1", "--by", "Dana Dpo", "--reason", "x"},
                new String[] {"letter", bothId, "X-1"})) {
            Result ambiguous = triage(args);
            assertEquals(3, ambiguous.exit(), args[0] + ": " + ambiguous.out());
            assertTrue(ambiguous.err().contains("X-1 names more than one person of incident " + bothId
                    + "; give one of: VICTIM:X-1, WITNESS:X-1"), args[0] + ": " + ambiguous.err());
        }
    }

    @Test
    void holdWithS687WithholdsAVictimsNoticeOnTheGroundAPersonChoseAndSaysSoInTheLog() throws IOException {
        Result held = triage("hold", incidentId, "VICTIM:NS-V-0001", "--by", "Dana Dpo", "--reason",
                "the suspect has not been arrested", "--s68-7", "b");
        assertEquals(0, held.exit(), held.err());
        assertEquals("Held VICTIM:NS-V-0001 in incident " + incidentId + ", withheld under DPA 2018 s.68(7)(b)",
                held.out().strip());
        Result log = triage("incident", incidentId, "--log");
        assertTrue(log.out().contains("s.68(7) restriction"), log.out());
        assertTrue(log.out().contains("to avoid prejudicing the prevention, detection, investigation or prosecution of"
                + " criminal offences"), log.out());
        assertTrue(triage("person", incidentId, "VICTIM:NS-V-0001").out().contains("withheld under DPA 2018 s.68(7)(b)"));

        Result release = triage("release", incidentId, "--by", "Alice Dpo", "-o", "json");
        assertEquals(0, release.exit(), release.err());
        assertEquals(1, release.json().path("held").asLong(), "the restricted notice stays back: " + release.out());
        String notices = Files.readString(state.resolve("topics/notices.jsonl"));
        assertFalse(notices.contains("notice-VICTIM:NS-V-0001-"), "nothing published to them");
        assertTrue(notices.contains("\"provision\":\"DPA 2018 s.68\""), notices);

        // Bare, for a restriction: the subject it names; a ref nobody has suggests the TYPE:REF form.
        Result bareHeld = triage("hold", incidentId, "NS-V-0002", "--by", "Dana Dpo", "--reason", "investigation",
                "--s68-7", "a");
        assertEquals(0, bareHeld.exit(), bareHeld.err());
        assertTrue(bareHeld.out().startsWith("Held VICTIM:NS-V-0002 in incident "), bareHeld.out());
        Result unknown = triage("hold", incidentId, "NS-Q-0009", "--by", "Dana Dpo", "--reason", "x", "--s68-7", "a");
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("named as TYPE:REF, for example VICTIM:NS-Q-0009"), unknown.err());
        assertFalse(unknown.err().contains("not to staff"), unknown.err());

        // A restriction on someone already told says so: here the witness's notice went with the release above.
        Result late = triage("hold", incidentId, "WITNESS:NS-W-0004", "--by", "Dana Dpo", "--reason", "x", "--s68-7", "a");
        assertEquals(0, late.exit(), late.err());
        if (notices.contains("notice-WITNESS:NS-W-0004-")) {
            assertTrue(late.out().contains("A notice to them was already published at "), late.out());
            assertTrue(late.out().contains("; the restriction applies to any later notice."), late.out());
        }
        assertTrue(triage("unhold", incidentId, "WITNESS:NS-W-0004", "--by", "Dana Dpo").exit() == 0);

        Result badGround = triage("hold", incidentId, "WITNESS:NS-W-0004", "--by", "Dana Dpo", "--reason", "x",
                "--s68-7", "because");
        assertEquals(3, badGround.exit());
        assertTrue(badGround.err().contains("--s68-7 must be one of INQUIRY (a: avoid obstructing an official or legal"
                + " inquiry, investigation or procedure);"), badGround.err());
    }

    @Test
    void holdWithS687IsRefusedForStaffAndUnderUkGdpr() throws IOException {
        Path mixed = tmp.resolve("mixed.csv");
        Files.writeString(mixed, "subject_type,pay_number,subject_ref,exposed_fields\nSTAFF,MP000001,,name;photo\n"
                + "VICTIM,,V-1,name;home_address;date_of_birth\n");
        Files.writeString(tmp.resolve("mixed.csv.incident.json"), "{\"reference\": \"MIXED-1\", \"malicious\": true}");
        Result mixedRun = triage("run", mixed.toString(), "-o", "json");
        String mixedId = mixedRun.json().path("incidentId").asText();
        Result staff = triage("hold", mixedId, "MP000001", "--by", "Dana Dpo", "--reason", "x", "--s68-7", "INQUIRY");
        assertEquals(3, staff.exit());
        assertTrue(staff.err().contains("not to staff, who are told under UK GDPR Art. 34"), staff.err());

        // A stated UK_GDPR does not make victims' data anything but law enforcement data: s.68(7) applies.
        Path victims = tmp.resolve("victims.csv");
        Files.writeString(victims, "subject_type,subject_ref,exposed_fields\nVICTIM,V-1,name;home_address;date_of_birth\n");
        Files.writeString(tmp.resolve("victims.csv.incident.json"), "{\"reference\": \"GDPR-V\", \"regime\": \"UK_GDPR\"}");
        String victimsId = triage("run", victims.toString(), "-o", "json").json().path("incidentId").asText();
        Result kept = triage("hold", victimsId, "VICTIM:V-1", "--by", "Dana Dpo", "--reason", "x", "--s68-7", "a");
        assertEquals(0, kept.exit(), kept.err());
        assertTrue(triage("incident", victimsId, "--log").out().contains("states UK_GDPR, but the incident holds"
                + " victims/witnesses/suspects: kept DPA 2018 Part 3"));

        Path stated = tmp.resolve("stated.csv");
        Files.writeString(stated, "subject_type,subject_ref,exposed_fields\nOTHER,V-1,name;home_address;date_of_birth\n");
        Files.writeString(tmp.resolve("stated.csv.incident.json"), "{\"reference\": \"GDPR-1\", \"regime\": \"UK_GDPR\"}");
        String gdprId = triage("run", stated.toString(), "-o", "json").json().path("incidentId").asText();
        Result gdpr = triage("hold", gdprId, "OTHER:V-1", "--by", "Dana Dpo", "--reason", "x", "--s68-7", "a");
        assertEquals(3, gdpr.exit());
        assertTrue(gdpr.err().contains("is under UK_GDPR, not DPA 2018 Part 3: a s.68(7) restriction does not apply"),
                gdpr.err());
        assertEquals(0, triage("hold", gdprId, "OTHER:V-1", "--by", "Dana Dpo", "--reason", "told by the officer in the"
                + " case").exit(), "an ordinary hold still works");
    }

    @Test
    void theHelpSaysHowToNameASubjectAndWhatS687Does() {
        CommandLine cli = TriageCommand.commandLine();
        String person = cli.getSubcommands().get("person").getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(person.contains("A victim, witness, suspect or other subject outside the workforce is named by their"
                + " subject type and the manifest's subject_ref, joined by a colon: for example VICTIM:NS-V-0001."), person);
        String hold = cli.getSubcommands().get("hold").getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(hold.contains("For a victim, witness, suspect or other subject of an incident under DPA 2018 Part 3,"
                + " --s68-7 GROUND records the hold as a restriction under section 68(7) of the Data Protection Act 2018,"
                + " on the ground a person chooses; it is refused for staff and for an incident under UK GDPR."), hold);
    }
}
