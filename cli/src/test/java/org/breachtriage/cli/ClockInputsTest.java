package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.breachtriage.cli.Cli.Result;
import org.breachtriage.core.manifest.IncidentMetadataLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that move the Art. 33 clock or the verdict (issue 10, part 4): a future awareAt, a corrected
 * incident file on a re-run, a manifest of a header only, one whose every row is rejected, and a
 * misspelt incident field. Each through the CLI on the embedded store, as an operator meets it.
 */
class ClockInputsTest {
    private static final String HEADER = "pay_number,exposed_fields,surname\n";
    /** A surname that would be personal data, planted to prove no message quotes it. */
    private static final String PLANTED_SURNAME = "Zebedee-Quartermaine";

    @TempDir
    Path tmp;
    Path state;
    Path manifests;

    @BeforeEach
    void folders() throws IOException {
        state = tmp.resolve("state");
        manifests = Files.createDirectories(tmp.resolve("manifests"));
    }

    private Result triage(String... args) {
        return new Cli(state).run(args);
    }

    private Path manifest(String name, String content) throws IOException {
        return Files.writeString(manifests.resolve(name), content);
    }

    private Path sidecar(Path manifest, String json) throws IOException {
        return Files.writeString(manifest.resolveSibling(manifest.getFileName() + ".incident.json"), json);
    }

    private static String incident(Instant awareAt, String extra) {
        return "{\"supplier\":\"Acme\",\"reference\":\"INC-CLOCK-1\",\"awareAt\":\"" + awareAt + "\",\"malicious\":true,"
                + "\"confidentiality\":\"UNKNOWN_RECIPIENTS\"" + extra + "}";
    }

    private static String rows(int count) {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            rows.append("PN").append(100_000 + i).append(",name;rank,").append(PLANTED_SURNAME).append('\n');
        }
        return rows.toString();
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void anAwareAtInTheFutureIsInvalidInputNamingTheFileAndTheField() throws IOException {
        Path file = manifest("future.csv", rows(3));
        sidecar(file, incident(Instant.parse("2099-01-01T00:00:00Z"), ""));

        Result run = triage("run", file.toString());

        assertEquals(ExitCodes.INVALID_INPUT, run.exit(), run.err());
        String error = lines(run.err()).stream().filter(l -> l.startsWith("triage: invalid input:")).findFirst().orElseThrow();
        assertTrue(error.contains("future.csv.incident.json: incident field 'awareAt' is 2099-01-01T00:00:00Z")
                && error.contains("in the future"), error);
        assertEquals(List.of(), triage("cases", "-o", "json").json().findValues("caseId"), "no case opened");
    }

    @Test
    void anAwareAtWithinTheClockSkewIsAccepted() throws IOException {
        Path file = manifest("skewed.csv", rows(2));
        Instant skewed = Instant.now().plus(IncidentMetadataLoader.AWARE_AT_CLOCK_SKEW).minus(Duration.ofMinutes(1));
        sidecar(file, incident(skewed, ""));

        Result run = triage("run", file.toString(), "-o", "json");

        assertEquals(0, run.exit(), run.err());
        assertEquals(skewed.plus(Duration.ofHours(72)).truncatedTo(ChronoUnit.MILLIS),
                Instant.parse(run.json().path("art33").path("deadline").asText()).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aCorrectedIncidentFileMovesTheDeadlineEarlierOnReRunAndNeverLater() throws IOException {
        Instant first = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant twoDaysEarlier = first.minus(Duration.ofDays(2));
        Path file = manifest("corrected.csv", rows(6));
        sidecar(file, incident(first, ""));
        Result opened = triage("run", file.toString(), "-o", "json");
        assertEquals(0, opened.exit(), opened.err());
        String caseId = opened.json().path("caseId").asText();
        String incidentId = opened.json().path("incidentId").asText();

        sidecar(file, incident(twoDaysEarlier, ",\"integrity\":\"RECOVERABLE\""));
        Result rerun = triage("run", file.toString(), "-o", "json");

        assertEquals(0, rerun.exit(), rerun.err());
        assertEquals(caseId, rerun.json().path("caseId").asText(), "the same manifest, the same case");
        Instant earlier = twoDaysEarlier.plus(Duration.ofHours(72));
        assertEquals(earlier, Instant.parse(rerun.json().path("art33").path("deadline").asText()));
        assertEquals(earlier, Instant.parse(rerun.json().path("incident").path("art33").path("deadline").asText()));
        assertTrue(rerun.err().contains("triage: warning: ") && rerun.err().contains("awareAt is now " + twoDaysEarlier),
                rerun.err());
        assertTrue(rerun.err().contains("triage: warning: corrected.csv.incident.json changed since case " + caseId
                + " was opened: field integrity changed; only an earlier awareAt is applied"), rerun.err());
        Result caseLog = triage("status", caseId);
        assertTrue(caseLog.out().contains("awareness corrected"), caseLog.out());
        Result incidentLog = triage("incident", incidentId, "--log");
        assertTrue(incidentLog.out().contains("deadline moves from " + first.plus(Duration.ofHours(72)) + " to " + earlier),
                incidentLog.out());

        // Running it again finds nothing new to log; a later awareAt is not applied.
        assertEquals(0, triage("run", file.toString()).exit());
        sidecar(file, incident(first, ""));
        Result later = triage("run", file.toString(), "-o", "json");
        assertEquals(earlier, Instant.parse(later.json().path("incident").path("art33").path("deadline").asText()));
        assertTrue(later.err().contains("the earlier is kept"), later.err());
        String log = triage("status", caseId).out();
        assertEquals(1, log.split("awareness corrected", -1).length - 1, log);
    }

    @Test
    void aHeaderOnlyManifestIsInvalidInputInOneLineAndReportsNoCase() throws IOException {
        Path file = manifest("header-only.csv", HEADER);
        sidecar(file, incident(Instant.now().minus(Duration.ofHours(2)), ""));

        for (int attempt = 1; attempt <= 2; attempt++) {
            Result run = triage("run", file.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exit(), "attempt " + attempt + ": " + run.err());
            List<String> errors = lines(run.err()).stream()
                    .filter(l -> l.startsWith("triage: ") && !l.startsWith("triage: warning: the staff table")).toList();
            assertEquals(1, errors.size(), run.err());
            assertTrue(errors.getFirst().startsWith("triage: invalid input: header-only.csv: no data rows"), errors.getFirst());
        }
        Result validate = triage("validate", file.toString());
        assertEquals(ExitCodes.INVALID_INPUT, validate.exit(), validate.err());
        assertTrue(validate.err().contains("header-only.csv: no data rows"), validate.err());
        JsonNode cases = triage("cases", "-o", "json").json();
        assertFalse(cases.toString().contains("REPORTED"), cases.toString());
        assertFalse(Files.exists(state.resolve("objects/reports")), "no report written");
    }

    @Test
    void aManifestWhoseEveryRowIsRejectedKeepsItsRejectsAndGivesNoArt33Verdict() throws IOException {
        Path file = manifest("all-rejected.csv", HEADER + "not a pay number!,name," + PLANTED_SURNAME + "\n"
                + ",name," + PLANTED_SURNAME + "\n");
        sidecar(file, incident(Instant.now().minus(Duration.ofHours(2)), ""));

        Result run = triage("run", file.toString(), "-o", "json");

        assertEquals(0, run.exit(), run.err());
        JsonNode summary = run.json();
        assertEquals(2, summary.path("rows").path("rejected").asLong());
        assertEquals("NONE", summary.path("art33").path("verdict").asText());
        assertFalse(summary.path("art33").path("required").asBoolean());
        assertTrue(summary.path("art33").path("reasoning").asText().contains("All 2 rows of the manifest were rejected"));
        assertEquals("NONE", summary.path("incident").path("art33").path("verdict").asText());
        assertEquals(0, summary.path("incident").path("reports").asInt(), "no report of 0 people");
        String caseId = summary.path("caseId").asText();
        assertTrue(Files.exists(state.resolve("objects/rejects/" + caseId + "/rejects.jsonl")), "rejects kept");
        assertEquals(0, triage("rejects", caseId).exit());

        Result table = triage("status", caseId);
        assertTrue(table.out().contains("ICO Art. 33 no verdict from this manifest"), table.out());
        assertFalse(table.out().contains("REQUIRED"), table.out());
    }

    @Test
    void aMisspeltIncidentFieldIsNamedInAWarningAndTheRunGoesOnWithTheConservativeValue() throws IOException {
        Path file = manifest("typo.csv", rows(3));
        sidecar(file, "{\"supplier\":\"Acme\",\"reference\":\"INC-TYPO\",\"awareAt\":\""
                + Instant.now().minus(Duration.ofHours(3)) + "\",\"malicous\":\"" + PLANTED_SURNAME + "\"}");

        Result run = triage("run", file.toString(), "-o", "json");

        assertEquals(0, run.exit(), run.err());
        String warning = lines(run.err()).stream().filter(l -> l.contains("malicous")).findFirst().orElseThrow();
        assertTrue(warning.startsWith("triage: warning: ") && warning.contains("typo.csv.incident.json")
                && warning.contains("unknown incident field 'malicous' ignored (did you mean 'malicious'?)")
                && warning.contains("conservative value"), warning);
        String caseId = run.json().path("caseId").asText();
        String log = triage("status", caseId).out();
        assertTrue(log.contains("did you mean 'malicious'?"), log);
        assertTrue(log.contains("the breach is assumed to be malicious"), log);
        for (String text : List.of(run.err(), log, Files.readString(state.resolve("topics/alerts.jsonl")))) {
            assertFalse(text.contains(PLANTED_SURNAME), "a value is never quoted: " + text);
        }
    }
}
