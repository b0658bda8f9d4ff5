package org.breachtriage.aws.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalEmulatorsTest {

    @TempDir
    Path temp;

    private Path fakeInfraLocal() throws IOException {
        Path infra = Files.createDirectories(temp.resolve("repo").resolve("infra").resolve("local"));
        Files.writeString(infra.resolve("package.json"), "{\"private\":true}");
        return infra;
    }

    @Test
    void findsInfraLocalByWalkingUp() throws IOException {
        Path infra = fakeInfraLocal();
        Path nested = Files.createDirectories(temp.resolve("repo").resolve("cli").resolve("target"));
        assertEquals(infra.toRealPath(), LocalEmulators.findInfraLocal(nested).toRealPath());

        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        EmulatorUnavailableException e = assertThrows(EmulatorUnavailableException.class, () -> LocalEmulators.findInfraLocal(outside));
        assertTrue(e.getMessage().contains("no infra/local/package.json"), e.getMessage());
    }

    @Test
    void missingNodeModulesSaysHowToInstallThem() throws IOException {
        Path infra = fakeInfraLocal();
        LocalEmulators emulators = new LocalEmulators(infra, temp.resolve("state"), "eu-west-2");
        EmulatorUnavailableException e = assertThrows(EmulatorUnavailableException.class,
                () -> emulators.start(Duration.ofSeconds(5)));
        assertTrue(e.getMessage().endsWith("run: npm ci --prefix infra/local"), e.getMessage());
    }

    @Test
    void missingNodeIsNamed() {
        EmulatorUnavailableException e = assertThrows(EmulatorUnavailableException.class,
                () -> LocalEmulators.findNode(Map.of("PATH", temp.toString())));
        assertTrue(e.getMessage().startsWith("node (Node.js 20 or later) is not on the PATH"), e.getMessage());
        EmulatorUnavailableException explicit = assertThrows(EmulatorUnavailableException.class,
                () -> LocalEmulators.findNode(Map.of("TRIAGE_NODE", temp.resolve("no-node").toString())));
        assertTrue(explicit.getMessage().contains("TRIAGE_NODE points at"), explicit.getMessage());
    }

    @Test
    void anEmulatorThatDiesShowsTheEndOfItsOutput() throws IOException {
        Path infra = fakeInfraLocal();
        Files.createDirectories(infra.resolve("node_modules/fauxqs"));
        Files.writeString(infra.resolve("node_modules/fauxqs/package.json"), "{}");
        Files.createDirectories(infra.resolve("node_modules/dynalite"));
        Files.writeString(infra.resolve("node_modules/dynalite/cli.js"), "setTimeout(() => {}, 60000);\n");
        Files.writeString(infra.resolve("fauxqs-loopback.mjs"), "console.error('boom: no such module'); process.exit(3);\n");
        LocalEmulators emulators = new LocalEmulators(infra, temp.resolve("state"), "eu-west-2");

        EmulatorUnavailableException e = assertThrows(EmulatorUnavailableException.class,
                () -> emulators.start(Duration.ofSeconds(20)));

        assertTrue(e.getMessage().startsWith("fauxqs exited with code 3 before answering"), e.getMessage());
        assertTrue(e.getMessage().contains("boom: no such module"), e.getMessage());
        assertTrue(emulators.state().isEmpty(), "no state file for a failed start");
    }

    @Test
    void startRecordsStatusAndStopKillsExactlyTheRecordedProcesses() throws Exception {
        LocalEmulators emulators = LocalEmulators.locate(Path.of("")).withStateDir(temp.resolve("state"));
        SandboxState state = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        try {
            assertEquals(state, emulators.state().orElseThrow(), "state file written");
            assertNotEquals(state.fauxqs().port(), state.dynalite().port());
            assertTrue(emulators.status().orElseThrow().running());
            assertEquals(200, httpStatus(state.fauxqs().endpoint().resolve("/health")));
            assertTrue(httpStatus(state.dynalite().endpoint()) > 0);
            AwsSettings fromPrinted = AwsSettings.fromEnvironment(state.environment());
            assertEquals(state.awsSettings().endpoints(), fromPrinted.endpoints(), "the printed variables reach the same emulators");
            assertEquals(state.awsSettings().region(), fromPrinted.region());

            EmulatorUnavailableException twice = assertThrows(EmulatorUnavailableException.class,
                    () -> emulators.start(Duration.ofSeconds(5)));
            assertTrue(twice.getMessage().startsWith("a sandbox is already running"), twice.getMessage());
        } finally {
            assertTrue(emulators.stop());
        }
        assertFalse(ProcessHandle.of(state.fauxqs().pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(state.dynalite().pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(emulators.state().isEmpty(), "state file removed");
        assertFalse(emulators.stop(), "nothing left to stop");
    }

    /** Kept DynamoDB: an item written before a stop is read after the next start; forgetting it is refused while running. */
    @Test
    void keptDynamoDbOutlivesAStopAndForgettingItEmptiesTheNextStart() throws Exception {
        LocalEmulators emulators = LocalEmulators.locate(Path.of("")).withStateDir(temp.resolve("state")).keepingDynamoDb();
        Path folder = temp.resolve("state").resolve(LocalEmulators.DYNAMODB_FOLDER);
        assertEquals(Optional.of(folder.toAbsolutePath().normalize()), emulators.dynamoDbFolder());
        assertEquals(Optional.empty(), new LocalEmulators(temp, temp, "eu-west-2").dynamoDbFolder(), "not kept unless asked");

        SandboxState first = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        try (AwsClients clients = new AwsClients(first.awsSettings())) {
            clients.dynamoDb().createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH)));
            clients.dynamoDb().putItem(b -> b.tableName("kept").item(Map.of("k", AttributeValue.fromS("case-1"))));
            EmulatorUnavailableException running = assertThrows(EmulatorUnavailableException.class, emulators::forgetDynamoDb);
            assertTrue(running.getMessage().startsWith("the sandbox is running"), running.getMessage());
        } finally {
            emulators.stop();
        }
        assertTrue(Files.isDirectory(folder), "the tables stay in the state folder");

        SandboxState second = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        try (AwsClients clients = new AwsClients(second.awsSettings())) {
            assertEquals(Map.of("k", AttributeValue.fromS("case-1")), clients.dynamoDb().getItem(b -> b.tableName("kept")
                    .key(Map.of("k", AttributeValue.fromS("case-1")))).item(), "the item outlived the stop");
        } finally {
            emulators.stop();
        }

        assertTrue(emulators.forgetDynamoDb());
        assertFalse(Files.exists(folder));
        assertFalse(emulators.forgetDynamoDb(), "nothing left to forget");
        SandboxState third = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        try (AwsClients clients = new AwsClients(third.awsSettings())) {
            assertEquals(List.of(), clients.dynamoDb().listTables().tableNames(), "forgotten: the next start is empty");
        } finally {
            emulators.stop();
        }
    }

    @Test
    void aRecordedPidThatNowBelongsToAnotherProcessIsLeftAlone() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try {
            // Same PID, different start time: the OS has reused the number for an unrelated process.
            SandboxState.EmulatorProcess stale = new SandboxState.EmulatorProcess("fauxqs", bystander.pid(), 1,
                    Instant.parse("2001-01-01T00:00:00Z"), "fauxqs.log");
            SandboxState state = new SandboxState(stale, stale, "eu-west-2", Instant.now(), null);
            state.write(temp);
            LocalEmulators emulators = new LocalEmulators(temp, temp, "eu-west-2");

            assertFalse(emulators.status().orElseThrow().fauxqsAlive());
            assertTrue(emulators.stop());
            assertFalse(bystander.waitFor(300, TimeUnit.MILLISECONDS), "the unrelated process still runs");
        } finally {
            bystander.destroyForcibly();
        }
    }

    private static int httpStatus(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
