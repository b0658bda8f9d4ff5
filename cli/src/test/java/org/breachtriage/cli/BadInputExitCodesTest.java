package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.synthetic.SampleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad inputs that used to go unanswered or misanswered, each with its own test: one line on
 * stderr, saying what is wrong and where, and the README's exit code (1 failure, 3 invalid input).
 * The AWS ones here need no emulator: each is refused before any call, or is about an endpoint that
 * does not answer. A missing S3 object is in {@code BadAwsInputTest}, on the emulators.
 */
class BadInputExitCodesTest {
    private static final String NESTED = "nested too deeply: more than 100 levels of arrays and objects";

    @TempDir
    Path tmp;

    private Cli cli() {
        return new Cli(tmp.resolve("state"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static String deep() {
        return "[".repeat(10_000) + "]".repeat(10_000);
    }

    /** The one line a refused command printed on stderr. */
    private static String oneLine(Cli.Result result) {
        List<String> lines = result.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + result.err());
        return lines.get(0);
    }

    @Test
    void aJsonLinesRowNestedTenThousandDeepIsRejectedAsNestedTooDeeplyNamingItsRow() throws IOException {
        Path manifest = write("deep.jsonl", "{\"pay_number\": \"MP000001\"}\n{\"pay_number\": \"MP000002\", \"x\": " + deep() + "}\n");
        Cli.Result validate = cli().run("validate", manifest.toString());
        assertEquals(ExitCodes.INVALID_INPUT, validate.exit());
        assertTrue(validate.out().contains("row 2: row: " + NESTED + " (line 2)"), validate.out());
        assertFalse(validate.out().contains("field too long"), validate.out());
    }

    @Test
    void anEnvelopeNestedTenThousandDeepFailsAsNestedTooDeeplyNamingTheFile() throws IOException {
        Path manifest = write("deep.json", "{\"records\": [{\"pay_number\": \"MP000001\", \"x\": " + deep() + "}]}");
        Cli.Result run = cli().run("validate", manifest.toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exit(), run.err());
        String line = oneLine(run);
        assertTrue(line.startsWith("triage: invalid input: " + manifest + ": "), line);
        assertTrue(line.endsWith(NESTED), line);
        Path incident = write("deep-incident.json", "{\"incident\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + ", \"records\": []}");
        assertTrue(oneLine(cli().run("validate", incident.toString())).endsWith(incident + ": " + NESTED));
    }

    @Test
    void aRefusedManifestRunAgainUnchangedIsRefusedAgainWithTheSameReason() throws IOException {
        Path manifest = write("no-header.csv", "MP000001,Nadia,Hussain,OFFICER,Constable\n");
        Cli cli = cli();
        String first = cli.run("run", manifest.toString()).err().strip().lines().reduce((a, b) -> b).orElseThrow();
        Cli.Result again = cli.run("run", manifest.toString());
        assertEquals(ExitCodes.INVALID_INPUT, again.exit(), again.err());
        String line = again.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(line.startsWith(first + " (unchanged since its case BT-"), line);
        assertTrue(line.endsWith(" failed)"), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no pay-number column | forename,surname,staff_type,force\\nA,B,OFFICER,F\\n | the header lacks required column(s) pay_number
            missing columns      | pay_number,forename\\nMP1,A\\n                      | the header lacks required column(s) surname, staff_type, force
            empty                | ''                                                 | empty roster: no header row
            """)
    void aWholeRosterErrorExitsThree(String what, String content, String expected) throws IOException {
        Path roster = write("roster.csv", content.replace("\\n", "\n"));
        Cli.Result imported = cli().run("staff", "import", roster.toString());
        assertEquals(ExitCodes.INVALID_INPUT, imported.exit(), what + ": " + imported.err());
        String line = oneLine(imported);
        assertTrue(line.startsWith("triage: invalid input: " + roster + ": " + expected), line);
    }

    @Test
    void aUtf16RosterExitsThreeSayingItIsUtf16() throws IOException {
        Path roster = tmp.resolve("roster-utf16.csv");
        Files.write(roster, "pay_number,forename,surname,staff_type,force\nMP1,A,B,OFFICER,F\n".getBytes(StandardCharsets.UTF_16));
        Cli.Result imported = cli().run("staff", "import", roster.toString());
        assertEquals(ExitCodes.INVALID_INPUT, imported.exit(), imported.err());
        assertEquals("triage: invalid input: " + roster + ": line 1: the file is UTF-16 text (it starts with a UTF-16 "
                + "byte-order mark); save it as UTF-8", oneLine(imported));
    }

    @Test
    void aManifestWhoseFileNameHoldsABackslashRunsAsAnyLegalFileNameDoes() throws IOException {
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        Cli cli = cli();
        assertEquals(0, cli.run("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Path manifest = Files.copy(events.resolve("manifests/with-errors.csv"), tmp.resolve("back\\slash.csv"));
        Cli.Result run = cli.run("run", manifest.toString(), "-o", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals("REPORTED", run.json().path("status").asText());
        assertEquals("back\\slash.csv", run.json().path("source").asText());
    }

    @Test
    void reportOutIntoAFolderThatDoesNotExistSaysTheFolderDoesNotExist() throws IOException {
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        Cli cli = cli();
        assertEquals(0, cli.run("staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        Cli.Result run = cli.run("run", events.resolve("manifests/with-errors.csv").toString(), "-o", "json");
        String incidentId = run.json().path("incidentId").asText();
        Path out = tmp.resolve("no-such-folder").resolve("report.md");

        Cli.Result report = cli.run("report", incidentId, "--format", "md", "--out", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, report.exit());
        assertEquals("triage: invalid input: --out " + out + ": the folder " + out.getParent() + " does not exist", oneLine(report));
        assertFalse(Files.exists(out.getParent()), "the folder is not created");
    }

    @Test
    void statusOfAnUnknownCaseInAnEmptyStateDirectoryExitsThreeAndCreatesNothing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result status = new Cli(empty).run("status", "BT-0123456789abcdef");
        assertEquals(ExitCodes.INVALID_INPUT, status.exit());
        assertEquals("triage: invalid input: no case BT-0123456789abcdef in state dir " + empty
                + ": it holds no cases yet (see: triage run, triage demo)", oneLine(status));
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "nothing created in the state directory");
        }
        Path absent = tmp.resolve("absent");
        assertEquals(ExitCodes.INVALID_INPUT, new Cli(absent).run("status", "BT-0123456789abcdef").exit());
        assertEquals(ExitCodes.INVALID_INPUT, new Cli(absent).run("report", "IN-0123456789abcdef", "--format", "md").exit());
        assertFalse(Files.exists(absent), "a state directory that does not exist is not created");
    }

    // --aws, with nothing listening: these are refused before any call is made, or are about the endpoint itself.

    /** --aws variables for the sandbox's names, every service sent to an endpoint where nothing listens. */
    private static Map<String, String> deadAws(int port) {
        Map<String, String> env = new HashMap<>(ResourceNames.sandboxDefaults("eu-west-2").toEnvironment());
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
        return env;
    }

    private Cli.Result aws(String... args) throws IOException {
        return awsAt(freePort(), args);
    }

    private Cli.Result awsAt(int port, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = deadAws(port);
        env.put("TRIAGE_HOME", tmp.resolve("home").toString());
        String[] all = Stream.concat(Stream.of("--aws"), Stream.of(args)).toArray(String[]::new);
        int exit = TriageCommand.execute(env, new PrintWriter(out), new PrintWriter(err), all);
        return new Cli.Result(exit, out.toString(), err.toString());
    }

    /** A port nothing listens on: bound, then closed. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path s3Event(String key) throws IOException {
        String fixture = Files.readString(Path.of("..").resolve("events/s3/put-manifest.json"));
        return write("event.json", fixture.replace("manifests/acme/met-idcard-2023.csv", key));
    }

    @Test
    void anS3EventWithNoRecordsExitsThreeAsNotAnS3Event() throws IOException {
        Path event = write("no-records.json", "{\"Service\": \"Amazon S3\", \"Event\": \"s3:TestEvent\"}");
        Cli.Result invoked = aws("invoke", "ingest", "--event", event.toString());
        assertEquals(ExitCodes.INVALID_INPUT, invoked.exit(), invoked.err());
        assertEquals("triage: invalid input: not an S3 event: it has no Records", oneLine(invoked));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            reports/BT-e7e475f1c7a00001/federation-summary.json  | one of triage's own outputs; only keys under manifests/ are manifests
            uploads/acme/met-idcard-2023.csv                      | outside manifests/; only keys under it are manifests
            manifests/acme/met-idcard-2023.csv.incident.json      | an incident sidecar; it is read with its manifest
            """)
    void anS3EventWhoseKeyIsIgnoredExitsZeroNamingTheKeyAndWhy(String key, String why) throws IOException {
        Cli.Result invoked = aws("invoke", "ingest", "--event", s3Event(key).toString());
        assertEquals(ExitCodes.OK, invoked.exit(), invoked.err());
        assertEquals("triage: ignored s3://breach-triage-local/" + key + ": " + why, oneLine(invoked));
        assertTrue(invoked.out().contains("\"ignored\" : 1"), invoked.out());
    }

    @Test
    void anEventFileThatIsNotJsonExitsThreeNamingTheFile() throws IOException {
        Path event = write("event.json", "Records: none\n");
        Cli.Result invoked = aws("invoke", "ingest", "--event", event.toString());
        assertEquals(ExitCodes.INVALID_INPUT, invoked.exit());
        assertEquals("triage: invalid input: event file " + event + ": not JSON (line 1, column 9)", oneLine(invoked));
        Path deep = write("deep-event.json", "{\"Records\": " + deep() + "}");
        assertEquals("triage: invalid input: event file " + deep + ": " + NESTED,
                oneLine(aws("invoke", "ingest", "--event", deep.toString())));
    }

    @Test
    void awsAgainstAnEndpointThatDoesNotAnswerExitsOneNamingTheEndpointAndTheService() throws IOException {
        int port = freePort();
        Cli.Result status = awsAt(port, "status", "BT-0123456789abcdef");
        assertEquals(ExitCodes.FAILURE, status.exit(), status.err());
        assertEquals("triage: error: cannot reach DynamoDb at http://127.0.0.1:" + port + ": connection refused (is the endpoint "
                + "right, and is the service or emulator running?) (--verbose shows the stack trace)", oneLine(status));
    }
}
