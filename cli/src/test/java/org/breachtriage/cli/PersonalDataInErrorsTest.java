package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.breachtriage.core.manifest.BadInputCorpus;
import org.breachtriage.core.manifest.BadInputCorpus.BadInput;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.embedded.EmbeddedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of {@link BadInputCorpus}, each carrying planted personal data, through the CLI:
 * {@code run}, {@code validate} and {@code staff import}. What comes out is grepped for the planted
 * pay numbers, names, ranks, units and addresses: stdout and stderr of every command (and anything
 * written to the JVM's own streams), every case's decision log, the alerts and notices topics, and
 * every file the state directory holds besides the store itself (reports, rejects files). None may
 * hold any. The exceptions are by design and the operator's alone: {@code validate} and
 * {@code rejects} listing rejected rows with what was in them.
 */
class PersonalDataInErrorsTest {

    @TempDir
    Path tmp;

    /** Where the report step writes each case's rejects, what {@code triage rejects} shows. */
    private static final String REJECTS_FOLDER = "/" + ReportService.REJECTS_PREFIX;

    /** Where something planted turned up: "what (input): planted values". */
    private final List<String> leaks = new ArrayList<>();

    @Test
    void noPlantedPersonalDataInAnyErrorDecisionLogAlertOrOutputFileOfTheCli() throws Exception {
        Path state = tmp.resolve("state");
        Cli cli = new Cli(state);
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        assertEquals(0, cli.run("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));

        ByteArrayOutputStream jvmStreams = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(jvmStreams, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int rejectsShown = 0;
        try {
            for (BadInput input : BadInputCorpus.all()) {
                assertFalse(input.content().length > 0 && BadInputCorpus.plantedIn(new String(input.content(), StandardCharsets.ISO_8859_1)
                        + new String(input.content(), StandardCharsets.UTF_16)).isEmpty(), input + " carries planted data");
                String file = input.writeTo(inputs).toString();
                switch (input.kind()) {
                    case ROSTER -> check(input, "staff import", expect(input, 3, cli.run("staff", "import", file)));
                    case MANIFEST_REFUSED -> {
                        check(input, "run", expect(input, 3, cli.run("run", file)));
                        check(input, "validate", expect(input, 3, cli.run("validate", file)));
                    }
                    case MANIFEST_WITH_REJECTS -> {
                        Cli.Result run = expect(input, 0, cli.run("run", file, "-o", "json"));
                        check(input, "run", run);
                        String caseId = run.json().path("caseId").asText();
                        assertTrue(run.json().path("rows").path("rejected").asLong() >= 3, input + ": " + run.out());
                        // The operator's view, by design: it does show what was in the rejected rows.
                        Cli.Result rejects = expect(input, 0, cli.run("rejects", caseId));
                        if (!BadInputCorpus.plantedIn(rejects.out()).isEmpty()) {
                            rejectsShown++;
                        }
                        expect(input, 3, cli.run("validate", file));
                    }
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        scan("the JVM's stdout and stderr", jvmStreams.toString(StandardCharsets.UTF_8));
        int cases = scanDecisionLogs(cli);
        int failedAlerts = scanStateFiles(state);

        long refused = BadInputCorpus.manifests().stream().filter(i -> i.kind() == BadInputCorpus.Kind.MANIFEST_REFUSED).count();
        assertEquals(List.of(), leaks, "planted personal data found outside validate and rejects");
        // The grep looked at real output: a case and a case.failed alert for every refused manifest
        // (but the unsupported file type, refused before any case is opened), and rejects that do
        // show the operator the planted values.
        assertEquals(refused - 1, failedAlerts, "case.failed alerts read");
        assertTrue(cases >= refused - 1 + 3, "decision logs read: " + cases);
        assertTrue(rejectsShown >= 2, "rejects shows the operator what the rows held");
    }

    private static Cli.Result expect(BadInput input, int exit, Cli.Result result) {
        assertEquals(exit, result.exit(), input + ": " + result.out() + result.err());
        return result;
    }

    private void check(BadInput input, String command, Cli.Result result) {
        scan(command + " of " + input.name(), result.out() + "\n" + result.err());
    }

    private void scan(String where, String text) {
        List<String> found = BadInputCorpus.plantedIn(text);
        if (!found.isEmpty()) {
            leaks.add(where + ": " + found + " in: " + text.strip());
        }
    }

    /** Every case's status with its decision log; returns how many cases there were. */
    private int scanDecisionLogs(Cli cli) throws IOException {
        Cli.Result cases = cli.run("cases", "-o", "json");
        assertEquals(0, cases.exit(), cases.err());
        int count = 0;
        for (JsonNode c : jsonList(cases.json())) {
            String caseId = c.path("caseId").asText();
            Cli.Result status = cli.run("status", caseId, "-o", "json");
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.json().path("decisions").size() > 0, "a decision log for " + caseId);
            scan("status (decision log) of " + caseId, status.out() + status.err());
            scan("status (table) of " + caseId, cli.run("status", caseId).out());
            count++;
        }
        return count;
    }

    private static List<JsonNode> jsonList(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("cases");
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Every file of the state directory but the store (topics, reports, outputs); returns the case.failed alerts seen. */
    private int scanStateFiles(Path state) throws IOException {
        int failedAlerts = 0;
        try (Stream<Path> files = Files.walk(state)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().startsWith(EmbeddedState.STORE_FILE)
                        || state.relativize(file).toString().contains(REJECTS_FOLDER)) {
                    continue; // each case's rejects, with what the rows held, as the store must keep them (see: triage rejects)
                }
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                scan(state.relativize(file).toString(), text);
                if (file.getFileName().toString().equals("alerts.jsonl")) {
                    failedAlerts += (int) text.lines().filter(l -> l.contains("\"case.failed\"")).count();
                }
            }
        }
        return failedAlerts;
    }
}
