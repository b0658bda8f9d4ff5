package org.breachtriage.bench.cold;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.sandbox.LocalEmulators;
import org.breachtriage.aws.sandbox.SandboxResources;
import org.breachtriage.aws.sandbox.SandboxState;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.functions.FunctionWiring;
import org.breachtriage.functions.IngestHandler;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The emulators, provisioned as the sandbox is, and one score event per cold start: each is the first
 * batch of a case of its own (its own manifest key and incident reference), made by the real ingest
 * handler in this JVM from the first rows of events/manifests/met-idcard-2023.csv, so that every
 * measured process scores people new to their incident, as the first batch of a real breach does.
 */
final class ScoreEvents implements AutoCloseable {
    static final String FORCE = "Metropolitan Police Service";

    private final SandboxState state;
    private final AwsClients clients;
    private final ResourceNames names;
    private final FunctionWiring wiring;

    private ScoreEvents(SandboxState state, AwsClients clients, ResourceNames names) {
        this.state = state;
        this.clients = clients;
        this.names = names;
        this.wiring = new FunctionWiring(clients, names, new PipelineSettings(ScoringPolicy.loadDefault(), FORCE, Clock.systemUTC()));
    }

    static ScoreEvents start(Path root, Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        SandboxState started = LocalEmulators.locate(root).withStateDir(stateDir).start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LocalEmulators.stop(started), "stop-bench-emulators"));
        AwsClients clients = new AwsClients(started.awsSettings());
        ResourceNames names = new SandboxResources(clients).create(ResourceNames.sandboxDefaults(started.region())).names();
        return new ScoreEvents(started.withResources(names), clients, names);
    }

    /** What a score function gets from Lambda here: the emulators' endpoints, region, names and test credentials. */
    Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(state.environment());
        env.put("TRIAGE_FORCE", FORCE);
        return env;
    }

    void importStaff(Path roster) throws IOException {
        wiring.adapters().staff().putAll(new RosterReader().read(roster).members());
    }

    /** {@code count} SQS events, each holding the only batch of a freshly ingested case of {@code rows} rows (at most 100). */
    List<String> scoreEvents(Path root, int count, int rows, String tag) throws IOException {
        Path manifests = root.resolve("events/manifests");
        List<String> lines = Files.readAllLines(manifests.resolve("met-idcard-2023.csv"), StandardCharsets.UTF_8);
        byte[] manifest = (String.join("\n", lines.subList(0, Math.min(rows, 100) + 1)) + "\n").getBytes(StandardCharsets.UTF_8);
        ObjectNode sidecar = (ObjectNode) Json.MAPPER.readTree(manifests.resolve("met-idcard-2023.csv.incident.json").toFile());
        String s3Template = Files.readString(root.resolve("events/s3/put-manifest.json"));
        ObjectNode sqsTemplate = (ObjectNode) Json.MAPPER.readTree(root.resolve("events/sqs/score-batch.json").toFile());
        S3ObjectStore bucket = new S3ObjectStore(clients.s3(), names.bucket());
        IngestHandler ingest = new IngestHandler(wiring);
        Path eventFile = Files.createTempFile("cold-start-s3-", ".json");
        List<String> events = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String key = "manifests/cold/" + tag + "-" + i + ".csv";
                sidecar.put("reference", "COLD-" + tag + "-" + i);
                bucket.put(key + IngestHandler.SIDECAR_SUFFIX, Json.write(sidecar).getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
                bucket.put(key, manifest, "text/csv", Map.of());
                Files.writeString(eventFile, s3Template.replace("manifests/acme/met-idcard-2023.csv", key)
                        .replace("breach-triage-local", names.bucket()));
                IngestHandler.Summary summary = ingest.handleRequest(EventLoader.loadS3Event(eventFile.toString()), new QuietContext());
                if (summary.caseIds().size() != 1 || summary.failedManifests() != 0) {
                    throw new IllegalStateException("ingest of " + key + " did not open one case: " + Json.write(summary));
                }
                events.add(eventFor(sqsTemplate, firstBatchOf(summary.caseIds().get(0))));
            }
        } finally {
            Files.deleteIfExists(eventFile);
        }
        return events;
    }

    /** Takes the case's batch off the queue (ingest sent one: at most 100 rows), as Lambda's poller would. */
    private Message firstBatchOf(String caseId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(names.batchQueueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            for (Message m : messages) {
                clients.sqs().deleteMessage(b -> b.queueUrl(names.batchQueueUrl()).receiptHandle(m.receiptHandle()));
                if (m.body().contains(caseId)) {
                    return m;
                }
            }
        }
        throw new IllegalStateException("no batch of case " + caseId + " on " + names.batchQueueUrl());
    }

    private String eventFor(ObjectNode template, Message message) {
        ObjectNode event = template.deepCopy();
        ArrayNode records = (ArrayNode) event.path("Records");
        ObjectNode record = ((ObjectNode) records.get(0)).deepCopy();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        record.put("md5OfBody", message.md5OfBody());
        records.removeAll();
        records.add(record);
        return Json.write(event);
    }

    @Override
    public void close() {
        clients.close();
        LocalEmulators.stop(state);
    }

    /** For the in-process ingest: it logs through the context's logger, which this one drops. */
    private static final class QuietContext implements Context {
        @Override public String getAwsRequestId() { return "cold-start-setup"; }
        @Override public String getLogGroupName() { return null; }
        @Override public String getLogStreamName() { return null; }
        @Override public String getFunctionName() { return "cold-start-setup"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return null; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 120_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    }
}
