package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.sandbox.LocalEmulators;
import org.breachtriage.aws.sandbox.SandboxState;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * `triage sandbox up | status | peek | down` starts real emulator processes, reports them, shows what
 * reached the inspection queues (and so does the README's AWS CLI command), and stops exactly those
 * processes; on a checkout without the emulators, `up` installs them first.
 */
class SandboxCommandTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> extra, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("TRIAGE_HOME", home.toString(), "TRIAGE_REPO", REPO.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "")));
        env.putAll(extra);
        int exit = TriageCommand.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void upPrintsExportLinesStatusSeesItPeekShowsTheFederationsMessageAndDownStopsExactlyItsProcesses() throws Exception {
        Run up = run("sandbox", "up", "--output", "env");
        try {
            assertEquals(0, up.exit(), up.err());
            for (String variable : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS",
                "AWS_ENDPOINT_URL_SNS", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "TRIAGE_BUCKET",
                "TRIAGE_CASE_TABLE", "TRIAGE_BATCH_QUEUE_URL", "TRIAGE_NOTICES_TOPIC_ARN", "TRIAGE_SANDBOX_NOTICES_QUEUE_URL",
                "TRIAGE_SANDBOX_FEDERATION_QUEUE_URL"}) {
                assertTrue(up.out().contains("export " + variable + "="), "prints " + variable);
            }
            Run status = run("sandbox", "status");
            assertEquals(0, status.exit(), status.out());
            assertTrue(status.out().contains("fauxqs   pid"), status.out());

            publishASummaryAndAnotherAlert();
            JsonNode peeked = peekFederation(1);
            assertEquals("case.reported", peeked.get(0).path("eventType").asText(), "only what the Federation's filter lets through");
            assertEquals("BT-00000000000000aa", peeked.get(0).path("message").path("caseId").asText());
            assertEquals(peeked, peekFederation(1), "peek leaves the messages on the queue");
            Run table = run("sandbox", "peek", "federation");
            assertTrue(table.out().startsWith("1 message(s) on triage-inspect-federation (left on the queue)"), table.out());

            awsCliReceivesTheSameMessage(up.out());
        } finally {
            Optional<SandboxState> state = SandboxState.read(home.resolve("sandbox"));
            Run down = run("sandbox", "down");
            assertEquals(0, down.exit());
            assertTrue(down.out().contains("sandbox stopped"), down.out());
            state.ifPresent(s -> {
                assertFalse(ProcessHandle.of(s.fauxqs().pid()).map(ProcessHandle::isAlive).orElse(false), "fauxqs stopped");
                assertFalse(ProcessHandle.of(s.dynalite().pid()).map(ProcessHandle::isAlive).orElse(false), "dynalite stopped");
            });
        }
        Run after = run("sandbox", "status");
        assertEquals(ExitCodes.FAILURE, after.exit(), "status says so when nothing runs");
        Run peekNothing = run("sandbox", "peek", "federation");
        assertEquals(ExitCodes.FAILURE, peekNothing.exit());
        assertTrue(peekNothing.err().contains("no sandbox is running"), peekNothing.err());
    }

    /**
     * The sandbox remembers: after `down` and `up` the case, its incident and its people are still there
     * (dynalite keeps its tables in the state folder), so the same manifest submitted again (fauxqs forgot
     * the object) tells nobody a second time. `down --forget` then deletes the tables.
     */
    @Test
    void downAndUpKeepTheCasesAndPeopleSoARerunNotifiesNobodyTwice() throws Exception {
        Path events = home.resolve("events");
        SampleEvents.writeAll(events);
        Path manifest = events.resolve("manifests/with-errors.csv");
        Path incident = events.resolve("manifests/with-errors.csv.incident.json");
        try {
            assertEquals(0, run("sandbox", "up").exit());
            assertEquals(0, run("--aws", "staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
            JsonNode first = submitAndProcess(manifest, incident);
            long published = first.path("notices").path("published").asLong();
            assertTrue(published > 0, "MEDIUM's notices went at once: " + first);
            assertEquals(published, peekNotices(published), "each published notice reached the notice sender's queue");
            String caseId = first.path("caseId").asText();
            Path tables = home.resolve("sandbox").resolve(LocalEmulators.DYNAMODB_FOLDER);

            Run down = run("sandbox", "down");
            assertEquals(0, down.exit(), down.err());
            assertTrue(down.out().contains("DynamoDB tables kept in " + tables), down.out());
            assertTrue(Files.isDirectory(tables), "dynalite's tables are in the state folder");
            Run up = run("sandbox", "up");
            assertEquals(0, up.exit(), up.err());
            assertTrue(up.out().contains("(DynamoDB, kept in " + tables + ")"), up.out());

            Run status = run("--aws", "status", caseId, "--output", "json");
            assertEquals(0, status.exit(), status.err());
            assertEquals(first.path("persons"), Json.MAPPER.readTree(status.out()).path("persons"), "the case outlived the restart");

            // The roster again, as after any restart: so only the kept people stop a second notice.
            assertEquals(0, run("--aws", "staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
            JsonNode again = submitAndProcess(manifest, incident);
            assertEquals(0, again.path("notices").path("publishedThisRun").asLong(), "nobody told again: " + again);
            assertEquals(published, again.path("notices").path("published").asLong());
            IncidentViews.assertSameIncident(first.path("incident"), again.path("incident"),
                    "the same incident, its general communication sent once");
            Thread.sleep(1500);
            assertEquals(0, peekNotices(0), "no notice reached the notice sender's queue after the restart");
        } finally {
            Run down = run("sandbox", "down", "--forget");
            assertEquals(0, down.exit(), down.err());
        }
        assertFalse(Files.exists(home.resolve("sandbox").resolve(LocalEmulators.DYNAMODB_FOLDER)), "--forget deleted the tables");
        Run forgotten = run("sandbox", "down", "--forget");
        assertTrue(forgotten.out().contains("no DynamoDB tables were kept"), forgotten.out());
    }

    /** `--aws submit` with the incident as sidecar, then `--aws process`: the run summary. */
    private JsonNode submitAndProcess(Path manifest, Path incident) throws IOException {
        Run submitted = run("--aws", "submit", manifest.toString(), "--incident", incident.toString());
        assertEquals(0, submitted.exit(), submitted.err());
        String uri = submitted.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        Run processed = run("--aws", "process", uri, "--output", "json");
        assertEquals(0, processed.exit(), processed.err());
        return Json.MAPPER.readTree(processed.out());
    }

    /** The person.notice messages waiting on the notices inspection queue, once {@code expected} have arrived or 10 s passed. */
    private long peekNotices(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Run peek = run("sandbox", "peek", "notices", "--max", "1000", "--output", "json");
            assertEquals(0, peek.exit(), peek.err());
            long notices = 0;
            for (JsonNode message : Json.MAPPER.readTree(peek.out())) {
                if (Messages.PERSON_NOTICE.equals(message.path("eventType").asText())) {
                    notices++;
                }
            }
            if (notices >= expected || System.nanoTime() > deadline) {
                return notices;
            }
            Thread.sleep(200);
        }
    }

    /** On a checkout where infra/local has not been installed, up runs npm ci there itself. */
    @Test
    void upInstallsTheEmulatorsWhenTheyAreMissing() throws Exception {
        Path repo = home.resolve("checkout");
        Path infra = Files.createDirectories(repo.resolve("infra/local"));
        for (String file : List.of("package.json", "package-lock.json", "fauxqs-loopback.mjs")) {
            Files.copy(REPO.resolve("infra/local").resolve(file), infra.resolve(file));
        }
        // npm ci, without the network: the packages bin/test installed for this checkout, linked in.
        Path npm = home.resolve("fake-npm");
        Files.writeString(npm, "#!/bin/sh\necho \"$@\" > npm-arguments.txt\nln -s '"
                + REPO.resolve("infra/local/node_modules") + "' node_modules\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("TRIAGE_REPO", repo.toString(), "TRIAGE_NPM", npm.toString());

        Run up = run(env, "sandbox", "up");
        try {
            assertEquals(0, up.exit(), up.err());
            assertTrue(up.err().contains("installing the pinned emulators (npm ci in " + infra), up.err());
            assertEquals("ci --no-audit --no-fund --loglevel=error", Files.readString(infra.resolve("npm-arguments.txt")).strip());
            assertTrue(up.out().contains("fauxqs   pid"), up.out());
        } finally {
            assertEquals(0, run(env, "sandbox", "down").exit());
        }
    }

    private void publishASummaryAndAnotherAlert() {
        SandboxState state = SandboxState.read(home.resolve("sandbox")).orElseThrow();
        try (AwsClients clients = new AwsClients(state.awsSettings())) {
            for (String eventType : List.of("case.opened", "case.reported")) {
                clients.sns().publish(r -> r.topicArn(state.resources().alertsTopicArn())
                        .message("{\"schemaVersion\":\"1\",\"eventType\":\"" + eventType + "\",\"caseId\":\"BT-00000000000000aa\"}")
                        .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String").stringValue(eventType).build())));
            }
        }
    }

    /** `sandbox peek federation -o json`, until the expected messages have arrived (SNS delivers in the background). */
    private JsonNode peekFederation(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Run peek = run("sandbox", "peek", "federation", "--output", "json");
            assertEquals(0, peek.exit(), peek.err());
            JsonNode messages = Json.MAPPER.readTree(peek.out());
            if (messages.size() >= expected || System.nanoTime() > deadline) {
                assertEquals(expected, messages.size(), peek.out());
                return messages;
            }
            Thread.sleep(200);
        }
    }

    /**
     * The README's inspection step, with whichever AWS CLI is installed (v1 needs AWS_DEFAULT_REGION
     * and --endpoint-url; v2 reads both as well). Skipped, saying so, where there is no AWS CLI.
     */
    private void awsCliReceivesTheSameMessage(String exports) throws IOException, InterruptedException {
        Optional<Path> aws = onPath("aws");
        Optional<Path> bash = onPath("bash");
        if (aws.isEmpty() || bash.isEmpty()) {
            System.out.println("SandboxCommandTest: the AWS CLI step of the README was NOT run: no aws (or bash) on the PATH");
            return;
        }
        Path script = home.resolve("inspect.sh");
        Files.writeString(script, exports + "aws --endpoint-url \"$AWS_ENDPOINT_URL\" sqs receive-message "
                + "--queue-url \"$TRIAGE_SANDBOX_FEDERATION_QUEUE_URL\"\n");
        ProcessBuilder pb = new ProcessBuilder(bash.get().toString(), script.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", ""));
        pb.environment().put("HOME", home.toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws sqs receive-message finished");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("case.reported"), "the AWS CLI received the Federation's message: " + output);
        System.out.println("SandboxCommandTest: the README's aws sqs receive-message step ran with " + aws.get());
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
