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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code triage --aws} against the no-Docker emulators: staff import, submit, process (the three
 * handlers in-process, as Lambda would run them), then status, person and report from DynamoDB and S3.
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.execute(environment(), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
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
        assertEquals(4, summary.path("rows").path("rejected").asLong(), "the four rows events/README.md says with-errors.csv must reject");
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
        assertEquals(summary.path("incident"), again.json().path("incident"));

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

    @Test
    void awsOnlyCommandsSayTheyNeedAws() {
        Result noAws = triage("submit", "x.csv");
        assertEquals(ExitCodes.USAGE, noAws.exit());
        assertTrue(noAws.err().contains("--aws"), noAws.err());
        assertEquals(ExitCodes.USAGE, triage("--aws", "run", "x.csv").exit());
        assertEquals(ExitCodes.INVALID_INPUT, triage("--aws", "process", "https://example/x").exit());
    }
}
