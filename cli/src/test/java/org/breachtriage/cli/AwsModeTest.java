package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.synthetic.SampleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code triage --aws} against the no-Docker emulators: staff import, submit, process (the four
 * handlers in-process, as Lambda would run them), then status, person and report from DynamoDB and S3;
 * and the release step (pending, release, hold, unhold, letter), with approvers told apart by the caller
 * identity: the access key id on the sandbox, the ARN from STS (a responder of the test's own) where an
 * STS endpoint is given.
 */
@ExtendWith(EmulatorStackExtension.class)
class AwsModeTest {
    private final EmulatorStack stack;

    @TempDir
    Path tmp;

    AwsModeTest(EmulatorStack stack) {
        this.stack = stack;
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }

        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    /** The variables `triage sandbox status --output env` would print for this stack. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("TRIAGE_HOME", tmp.resolve("state").toString());
        env.put("AWS_REGION", stack.state().region());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        for (AwsService service : AwsService.values()) {
            env.put(service.endpointVariable(), stack.settings().endpoints().get(service).toString());
        }
        env.putAll(stack.names().toEnvironment());
        return env;
    }

    private Result triage(String... args) {
        return triage(Map.of(), args);
    }

    /** With these variables on top of the sandbox's, e.g. another person's AWS_ACCESS_KEY_ID. */
    private Result triage(Map<String, String> extra, String... args) {
        Map<String, String> env = environment();
        env.putAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Map<String, String> accessKey(String id) {
        return Map.of("AWS_ACCESS_KEY_ID", id, "AWS_SECRET_ACCESS_KEY", id + "-secret");
    }

    @Test
    void submitAndProcessAManifestThenReadTheCaseFromAws() throws IOException {
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        Result imported = triage("--aws", "staff", "import", events.resolve(SampleEvents.ROSTER).toString());
        assertEquals(0, imported.exit(), imported.err());

        Result submitted = triage("--aws", "submit", events.resolve("manifests/with-errors.csv").toString());
        assertEquals(0, submitted.exit(), submitted.err());
        String uri = submitted.lastLine();
        assertTrue(uri.startsWith("s3://" + stack.names().bucket() + "/manifests/"), uri);

        Result processed = triage("--aws", "process", uri, "--output", "json");
        assertEquals(0, processed.exit(), processed.err());
        JsonNode summary = processed.json();
        assertEquals("REPORTED", summary.path("status").asText());
        assertEquals(SampleGoldens.WITH_ERRORS_REJECTED, summary.path("rows").path("rejected").asLong(),
                "the four rows events/README.md says with-errors.csv must reject");
        // The release step runs in-process: MEDIUM's information notices go at once, the rest wait.
        assertEquals(SampleGoldens.Notices.WITH_ERRORS_PUBLISHED, summary.path("notices").path("published").asLong(),
                "MEDIUM's notices went at once: " + summary);
        assertEquals(SampleGoldens.Notices.WITH_ERRORS_AWAITING_RELEASE,
                summary.path("notices").path("awaitingRelease").asLong());
        assertEquals(summary.path("notices").path("published"), summary.path("notices").path("publishedThisRun"));
        assertEquals(summary.path("rows").path("read").asLong(),
                summary.path("rows").path("accepted").asLong() + summary.path("rows").path("rejected").asLong());
        String caseId = summary.path("caseId").asText();

        Result status = triage("--aws", "status", caseId, "--output", "json");
        assertEquals(0, status.exit(), status.err());
        assertEquals(summary.path("persons"), status.json().path("persons"));

        Result rejects = triage("--aws", "rejects", caseId);
        assertEquals(0, rejects.exit(), rejects.err());
        assertTrue(rejects.out().contains(summary.path("rows").path("rejected").asLong() + " rejected rows"));

        Result report = triage("--aws", "report", caseId, "--format", "html");
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains("<svg"));

        Result again = triage("--aws", "process", uri, "--output", "json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(summary.path("persons"), again.json().path("persons"), "processing the same object again changes nothing");
        assertEquals(summary.path("notices").path("published"), again.json().path("notices").path("published"));
        assertEquals(0, again.json().path("notices").path("publishedThisRun").asLong(), "nothing sent again");
        IncidentViews.assertSameIncident(summary.path("incident"), again.json().path("incident"),
                "processing the same object again leaves the incident as it was");

        incidentCommandsWork(summary, events);

        List<Message> federation = stack.clients().sqs().receiveMessage(r -> r
                .queueUrl(stack.resources().federationInspectionQueueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertFalse(federation.isEmpty(), "the Federation's filtered queue got the summary");
        String firstPayNumber = Files.readAllLines(events.resolve("manifests/with-errors.csv")).get(1).split(",")[0];
        federation.forEach(m -> assertFalse(m.body().contains(firstPayNumber), "no pay number reaches the Federation"));
    }

    /** incident, incidents, person and report by incident id, clock and ico submitted, all on DynamoDB and S3. */
    private void incidentCommandsWork(JsonNode processed, Path events) throws IOException {
        String incidentId = processed.path("incidentId").asText();
        assertTrue(incidentId.startsWith("IN-"), processed.toString());
        Result incident = triage("--aws", "incident", incidentId, "-o", "json");
        assertEquals(0, incident.exit(), incident.err());
        assertEquals(processed.path("persons").path("total"), incident.json().path("persons").path("total"));
        assertEquals(processed.path("caseId"), incident.json().path("manifests").get(0).path("caseId"));
        assertTrue(triage("--aws", "incidents").out().contains(incidentId));

        String payNumber = Files.readAllLines(events.resolve("manifests/with-errors.csv")).get(1).split(",")[0];
        Result person = triage("--aws", "person", incidentId, payNumber, "-o", "json");
        assertEquals(0, person.exit(), person.err());
        assertEquals(incidentId, person.json().path("incidentId").asText());

        Result report = triage("--aws", "report", incidentId, "--format", "md");
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains(incidentId), "the draft names its incident");

        Result clock = triage("--aws", "clock", "--now", "2023-08-29T00:00:00Z", "-o", "json");
        assertEquals(0, clock.exit(), clock.err());
        long mine = 0;
        for (JsonNode sent : clock.json().path("sent")) {
            mine += sent.path("incidentId").asText().equals(incidentId) ? 1 : 0;
        }
        assertEquals(1, mine, "its deadline (aware 2023-08-25) has passed: one overdue reminder");
        Result recorded = triage("--aws", "ico", "submitted", incidentId, "--ico-reference", "ICO-7",
                "--at", "2023-08-29T08:00:00Z", "--late-reason", "waited for the corrected list");
        assertEquals(0, recorded.exit(), recorded.err());
        assertEquals("ICO-7", triage("--aws", "incident", incidentId, "-o", "json").json()
                .path("art33").path("icoReference").asText());

        // The clock function on the schedule's fixture, as `invoke` runs it: the submission stopped the reminders.
        Path schedule = Path.of("..", "events", "schedule", "hourly.json");
        assertTrue(Files.isRegularFile(schedule), "the fixture is in the repository: " + schedule.toAbsolutePath());
        Result invoked = triage("--aws", "invoke", "clock", "--event", schedule.toString());
        assertEquals(0, invoked.exit(), invoked.err());
        JsonNode summary = invoked.json();
        assertTrue(summary.path("incidentsChecked").isInt(), invoked.out());
        for (JsonNode sent : summary.path("sent")) {
            assertFalse(sent.path("incidentId").asText().equals(incidentId), "nothing after the submission: " + sent);
        }
    }

    /**
     * A manifest of the test's own: with-errors.csv under a name of its own, with an incident reference of
     * its own (the tests of this JVM share the emulators: a shared key would be the same case, a shared
     * reference the same incident). Submitted and processed; returns the run summary.
     */
    private JsonNode submitAndProcessOwnIncident(String label) throws IOException {
        Path events = tmp.resolve("events");
        SampleEvents.writeAll(events);
        assertEquals(0, triage("--aws", "staff", "import", events.resolve(SampleEvents.ROSTER).toString()).exit());
        String own = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path manifest = Files.copy(events.resolve("manifests/with-errors.csv"), tmp.resolve(own + ".csv"));
        ObjectNode incident = (ObjectNode) Json.MAPPER.readTree(events.resolve("manifests/with-errors.csv.incident.json").toFile());
        incident.put("reference", "INC-" + own);
        Path sidecar = Files.writeString(tmp.resolve(own + ".incident.json"), Json.write(incident));
        Result submitted = triage("--aws", "submit", manifest.toString(), "--incident", sidecar.toString());
        assertEquals(0, submitted.exit(), submitted.err());
        Result processed = triage("--aws", "process", submitted.lastLine(), "-o", "json");
        assertEquals(0, processed.exit(), processed.err());
        return processed.json();
    }

    /** What pending --people lists: pay number → the band of the notice that waits. */
    private Map<String, String> waiting(String incidentId) throws IOException {
        Result pending = triage("--aws", "pending", incidentId, "--people", "-o", "json");
        assertEquals(0, pending.exit(), pending.err());
        Map<String, String> bands = new HashMap<>();
        pending.json().path("people").forEach(p -> bands.put(p.path("payNumber").asText(), p.path("noticeBand").asText()));
        return bands;
    }

    private List<String> letters(String incidentId) {
        return stack.clients().s3().listObjectsV2(r -> r.bucket(stack.names().bucket()).prefix("letters/" + incidentId + "/"))
                .contents().stream().map(o -> o.key()).sorted().toList();
    }

    @Test
    void processPublishesWhatThePolicyReleasesAtOnceAndTheSandboxsApproversAreTheirAccessKeys() throws IOException {
        JsonNode summary = submitAndProcessOwnIncident("release");
        String incidentId = summary.path("incidentId").asText();
        long told = summary.path("notices").path("published").asLong();
        assertTrue(told > 0, "MEDIUM's notices went at once: " + summary);
        assertEquals(told, summary.path("notices").path("publishedThisRun").asLong());
        assertEquals(told + 1, letters(incidentId).size(), "a letter per published notice, and the general communication's");

        Result pending = triage("--aws", "pending", incidentId, "-o", "json");
        assertEquals(0, pending.exit(), pending.err());
        long high = pending.json().path("awaitingRelease").path("HIGH").asLong();
        long veryHigh = pending.json().path("awaitingRelease").path("VERY_HIGH").asLong();
        assertEquals(high + veryHigh, summary.path("notices").path("awaitingRelease").asLong(), "the others wait: " + summary);
        assertTrue(high > 0 && veryHigh > 1, pending.out());
        Map<String, String> waiting = waiting(incidentId);
        String covert = waiting.entrySet().stream().filter(e -> e.getValue().equals("VERY_HIGH")).findFirst().orElseThrow().getKey();

        Result held = triage(accessKey("alice"), "--aws", "hold", incidentId, covert, "--by", "Alice Dpo",
                "--reason", "to be told by their handler");
        assertEquals(0, held.exit(), held.err());
        assertTrue(held.out().startsWith("Held " + covert), held.out());

        Result first = triage(accessKey("alice"), "--aws", "release", incidentId, "--by", "Alice Dpo", "-o", "json");
        assertEquals(0, first.exit(), first.err());
        assertEquals(high, first.json().path("published").asLong(), "one approver releases HIGH");
        Result sameKey = triage(accessKey("alice"), "--aws", "release", incidentId, "--by", "Someone Else", "-o", "json");
        assertEquals(0, sameKey.json().path("counted").asLong(), "one access key under two names is one approver");
        Result second = triage(accessKey("bob"), "--aws", "release", incidentId, "--by", "Bob Deputy", "-o", "json");
        assertEquals(veryHigh - 1, second.json().path("published").asLong(), "a second key releases VERY_HIGH, the held one aside");
        assertEquals(1, second.json().path("held").asLong());

        Result lifted = triage(accessKey("bob"), "--aws", "unhold", incidentId, covert, "--by", "Bob Deputy");
        assertTrue(lifted.out().contains("their notices wait for release"), lifted.out());
        assertEquals(0, triage(accessKey("alice"), "--aws", "release", incidentId, "--by", "Alice Dpo", "-o", "json")
                .json().path("published").asLong());
        assertEquals(1, triage(accessKey("bob"), "--aws", "release", incidentId, "--by", "Bob Deputy", "-o", "json")
                .json().path("published").asLong());
        assertEquals(told + high + veryHigh + 1, letters(incidentId).size(), "every notice's letter, once");
        assertEquals(List.of(), waiting(incidentId).keySet().stream().toList(), "nobody waits");

        String log = triage("--aws", "incident", incidentId, "--log").out();
        assertTrue(log.contains("by Alice Dpo (identity access-key:alice)"), log);
        assertTrue(log.contains("by Bob Deputy (identity access-key:bob)"), log);
        assertTrue(log.contains("held by Alice Dpo (identity access-key:alice)"), log);

        Result letter = triage("--aws", "letter", incidentId, covert);
        assertEquals(0, letter.exit(), letter.err());
        assertTrue(letter.out().startsWith("Brief for telling "), letter.out());
    }

    @Test
    void theVictimsAndWitnessesSampleRunsOnAwsWithAS687RestrictionThroughTheSameCommands() throws IOException {
        Path sample = Path.of("..", "events", "part3", "norfolk-suffolk-2021.csv");
        String own = "part3-" + UUID.randomUUID().toString().substring(0, 8);
        Path manifest = Files.copy(sample, tmp.resolve(own + ".csv"));
        ObjectNode incident = (ObjectNode) Json.MAPPER.readTree(Path.of(sample + ".incident.json").toFile());
        incident.put("reference", "NSC-" + own);
        Path sidecar = Files.writeString(tmp.resolve(own + ".incident.json"), Json.write(incident));
        Result submitted = triage("--aws", "submit", manifest.toString(), "--incident", sidecar.toString());
        assertEquals(0, submitted.exit(), submitted.err());
        Result processed = triage("--aws", "process", submitted.lastLine(), "-o", "json");
        assertEquals(0, processed.exit(), processed.err());
        JsonNode summary = processed.json();
        String incidentId = summary.path("incidentId").asText();
        assertEquals(11, summary.path("persons").path("nonStaff").asLong(), summary.toString());
        assertTrue(summary.path("incident").path("regime").path("derived").asBoolean(), summary.toString());

        Result person = triage("--aws", "person", incidentId, "victim:ns-v-0001", "-o", "json");
        assertEquals(0, person.exit(), person.err());
        assertEquals("VICTIM", person.json().path("subjectType").asText());
        Result held = triage(accessKey("dana"), "--aws", "hold", incidentId, "VICTIM:NS-V-0001", "--by", "Dana Dpo",
                "--reason", "the suspect has not been arrested", "--s68-7", "CRIME");
        assertEquals(0, held.exit(), held.err());
        assertTrue(held.out().contains("withheld under DPA 2018 s.68(7)(b)"), held.out());
        Result release = triage(accessKey("alice"), "--aws", "release", incidentId, "--by", "Alice Dpo", "-o", "json");
        assertEquals(0, release.exit(), release.err());
        assertEquals(1, release.json().path("held").asLong(), release.out());
        assertTrue(letters(incidentId).stream().noneMatch(k -> k.contains("VICTIM:NS-V-0001")), "nothing written to them");
        String log = triage("--aws", "incident", incidentId, "--log").out();
        assertTrue(log.contains("s.68(7) restriction") && log.contains("identity access-key:dana"), log);
        String draft = stack.clients().s3().getObjectAsBytes(r -> r.bucket(stack.names().bucket())
                .key("reports/" + incidentId + "/ico-art33-draft.md")).asUtf8String();
        assertTrue(draft.contains("section 67"), draft);
    }

    @Test
    void withAnStsEndpointApproversAreTheCallerArnsTwoArnsTwoApproversOneArnUnderTwoNamesOne() throws IOException {
        String account = "123456789012";
        Map<String, String> arns = Map.of(
                "AKIAALICE0000000001", "arn:aws:iam::" + account + ":user/alice",
                "AKIAALICE0000000002", "arn:aws:iam::" + account + ":user/alice", // Alice's second key
                "ASIABOB000000000001", "arn:aws:sts::" + account + ":assumed-role/triage-approver/bob");
        JsonNode summary = submitAndProcessOwnIncident("sts");
        String incidentId = summary.path("incidentId").asText();
        long high = triage("--aws", "pending", incidentId, "-o", "json").json().path("awaitingRelease").path("HIGH").asLong();
        long veryHigh = triage("--aws", "pending", incidentId, "-o", "json").json().path("awaitingRelease").path("VERY_HIGH").asLong();
        try (StsResponder sts = new StsResponder(arns)) {
            Result alice = triage(accessKey("AKIAALICE0000000001"), "--aws", "--service-endpoint", "sts=" + sts.url(),
                    "release", incidentId, "--by", "Alice Dpo", "-o", "json");
            assertEquals(0, alice.exit(), alice.err());
            assertEquals(high, alice.json().path("published").asLong());

            Map<String, String> secondKey = new HashMap<>(accessKey("AKIAALICE0000000002"));
            secondKey.put("AWS_ENDPOINT_URL_STS", sts.url());
            Result sameArn = triage(secondKey, "--aws", "release", incidentId, "--by", "A. N. Other", "-o", "json");
            assertEquals(0, sameArn.exit(), sameArn.err());
            assertEquals(0, sameArn.json().path("counted").asLong(), "another key and another name, the same ARN: one approver");
            assertEquals(0, sameArn.json().path("published").asLong());

            Result bob = triage(accessKey("ASIABOB000000000001"), "--aws", "--service-endpoint", "sts=" + sts.url(),
                    "release", incidentId, "--by", "Bob Deputy", "-o", "json");
            assertEquals(0, bob.exit(), bob.err());
            assertEquals(veryHigh, bob.json().path("published").asLong(), "a second ARN releases VERY_HIGH");

            assertEquals(List.of("AKIAALICE0000000001", "AKIAALICE0000000002", "ASIABOB000000000001"),
                    sts.requests().stream().map(StsResponder.Request::accessKeyId).toList(), "STS was asked once per command");
            sts.requests().forEach(r -> {
                assertTrue(r.body().contains("Action=GetCallerIdentity") && r.body().contains("Version=2011-06-15"), r.body());
                assertEquals(stack.state().region(), r.region(), "signed for the configured region");
            });
            Result unknownKey = triage(accessKey("AKIAUNKNOWN00000000"), "--aws", "--service-endpoint", "sts=" + sts.url(),
                    "release", incidentId, "--by", "Mallory");
            assertEquals(ExitCodes.FAILURE, unknownKey.exit(), "STS refusing the credentials stops the approval");
            assertEquals(1, unknownKey.err().strip().lines().count(), unknownKey.err());
        }
        String log = triage("--aws", "incident", incidentId, "--log").out();
        assertTrue(log.contains("by Alice Dpo (identity arn:aws:iam::" + account + ":user/alice)"), log);
        assertTrue(log.contains("by Bob Deputy (identity arn:aws:sts::" + account + ":assumed-role/triage-approver/bob)"), log);
        assertFalse(log.contains("Mallory"), "a refused caller approves nothing");
    }

    @Test
    void invokeIngestOnAnEventForAnObjectThatDoesNotExistExitsThreeNamingBucketAndKey() throws IOException {
        String key = "manifests/acme/deleted-" + UUID.randomUUID() + ".csv";
        String fixture = Files.readString(Path.of("..").resolve("events/s3/put-manifest.json"))
                .replace("breach-triage-local", stack.names().bucket())
                .replace("manifests/acme/met-idcard-2023.csv", key);
        Path event = Files.writeString(tmp.resolve("missing.json"), fixture);

        Result invoked = triage("--aws", "invoke", "ingest", "--event", event.toString());
        assertEquals(ExitCodes.INVALID_INPUT, invoked.exit(), invoked.err());
        assertEquals("triage: invalid input: no such object: s3://" + stack.names().bucket() + "/" + key + " (deleted since the "
                + "event was sent?); not retryable: the event goes to the on-failure destination", invoked.err().strip());
    }

    @Test
    void invokeReleaseRunsTheReleaseHandlerOnAnEventFile() throws IOException {
        JsonNode summary = submitAndProcessOwnIncident("invoke");
        String incidentId = summary.path("incidentId").asText();
        String caseId = summary.path("caseId").asText();
        // The fixture's shape, naming this case's incident: a whole-incident request publishes nothing new.
        Path fixture = Path.of("..", "events", "sqs", "release-request.json");
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(fixture.toFile());
        ObjectNode record = (ObjectNode) event.path("Records").get(0);
        record.put("body", SqsReleaseRequests.body(ReleaseRequest.forIncident(incidentId)));
        ((com.fasterxml.jackson.databind.node.ArrayNode) event.path("Records")).removeAll().add(record);
        Path file = Files.writeString(tmp.resolve("release-event.json"), Json.write(event));

        List<String> lettersBefore = letters(incidentId);
        Result invoked = triage("--aws", "invoke", "release", "--event", file.toString());
        assertEquals(0, invoked.exit(), invoked.err());
        assertEquals(0, invoked.json().path("batchItemFailures").size(), invoked.out());
        assertEquals(summary.path("notices").path("published"),
                triage("--aws", "status", caseId, "-o", "json").json().path("notices").path("published"),
                "what process published is not published again");
        assertEquals(lettersBefore, letters(incidentId));

        record.put("body", "{\"incidentId\":\"" + incidentId + "\",\"payNumbers\":[");
        Result malformed = triage("--aws", "invoke", "release", "--event",
                Files.writeString(tmp.resolve("malformed-event.json"), Json.write(event)).toString());
        assertEquals(0, malformed.exit(), malformed.err());
        assertEquals(record.path("messageId").asText(), malformed.json().path("batchItemFailures").get(0)
                .path("itemIdentifier").asText(), "the handler's answer names the message it could not read");

        Result garbage = triage("--aws", "invoke", "release", "--event", Files.writeString(tmp.resolve("x.json"), "[1,2").toString());
        assertEquals(ExitCodes.INVALID_INPUT, garbage.exit(), garbage.err());
    }

    /** {@code invoke release --remote}: Lambda Invoke of the deployed release function, at a Lambda endpoint of the test's own. */
    @Test
    void invokeReleaseRemoteCallsLambdaInvokeOfTheReleaseFunctionWithTheEvent() throws IOException {
        List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        lambda.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            payloads.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "7");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        lambda.start();
        try {
            Path fixture = Path.of("..", "events", "sqs", "release-request.json");
            Result remote = triage("--aws", "--service-endpoint", "lambda=http://127.0.0.1:" + lambda.getAddress().getPort(),
                    "invoke", "release", "--event", fixture.toString(), "--remote");
            assertEquals(0, remote.exit(), remote.err());
            assertEquals("{\"batchItemFailures\":[]}", remote.out().strip(), "the function's answer, as it came");
            assertEquals(List.of("/2015-03-31/functions/breach-triage-dev-release/invocations"), paths);
            assertEquals(Json.MAPPER.readTree(fixture.toFile()), Json.MAPPER.readTree(payloads.get(0)), "the event file, as it is");
        } finally {
            lambda.stop(0);
        }
    }

    @Test
    void awsOnlyCommandsSayTheyNeedAws() {
        Result noAws = triage("submit", "x.csv");
        assertEquals(ExitCodes.USAGE, noAws.exit());
        assertTrue(noAws.err().contains("--aws"), noAws.err());
        assertEquals(ExitCodes.USAGE, triage("--aws", "run", "x.csv").exit());
        assertEquals(ExitCodes.INVALID_INPUT, triage("--aws", "process", "https://example/x").exit());
    }
}
