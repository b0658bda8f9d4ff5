package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.aws.sandbox.SandboxState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `triage sandbox up | status | down` starts real emulator processes, reports them, and stops exactly those. */
class SandboxCommandTest {

    @TempDir
    Path home;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("TRIAGE_HOME", home.toString(),
                "TRIAGE_REPO", Path.of("..").toAbsolutePath().normalize().toString());
        int exit = TriageCommand.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void upPrintsExportLinesStatusSeesItAndDownStopsExactlyItsProcesses() {
        String[] up = run("sandbox", "up", "--output", "env");
        try {
            assertEquals("0", up[0], up[2]);
            for (String variable : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS",
                "AWS_ENDPOINT_URL_SNS", "AWS_REGION", "AWS_ACCESS_KEY_ID", "TRIAGE_BUCKET", "TRIAGE_CASE_TABLE",
                "TRIAGE_BATCH_QUEUE_URL", "TRIAGE_NOTICES_TOPIC_ARN", "TRIAGE_SANDBOX_NOTICES_QUEUE_URL",
                "TRIAGE_SANDBOX_FEDERATION_QUEUE_URL"}) {
                assertTrue(up[1].contains("export " + variable + "="), "prints " + variable);
            }
            String[] status = run("sandbox", "status");
            assertEquals("0", status[0], status[1]);
            assertTrue(status[1].contains("fauxqs   pid"), status[1]);
        } finally {
            Optional<SandboxState> state = SandboxState.read(home.resolve("sandbox"));
            String[] down = run("sandbox", "down");
            assertEquals("0", down[0]);
            assertTrue(down[1].contains("sandbox stopped"), down[1]);
            state.ifPresent(s -> {
                assertFalse(ProcessHandle.of(s.fauxqs().pid()).map(ProcessHandle::isAlive).orElse(false), "fauxqs stopped");
                assertFalse(ProcessHandle.of(s.dynalite().pid()).map(ProcessHandle::isAlive).orElse(false), "dynalite stopped");
            });
        }
        String[] after = run("sandbox", "status");
        assertEquals(Integer.toString(ExitCodes.FAILURE), after[0], "status says so when nothing runs");
    }
}
