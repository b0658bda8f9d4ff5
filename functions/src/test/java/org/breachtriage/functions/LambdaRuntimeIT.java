package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.staff.RosterReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The five handlers run as Lambda runs them: the deployment package (the shaded jar) unpacked as the
 * task root, the Java runtime interface client ({@code aws-lambda-java-runtime-interface-client}) as
 * the process's main class with the handler string from template.yaml, the function's variables and
 * {@code AWS_LAMBDA_LOG_FORMAT=JSON} (its LoggingConfig), and a Runtime API ({@link RuntimeApi})
 * serving the event fixtures of events/. The functions talk to the emulators.
 *
 * <p>Asserted: what the runtime passed on (the ingest summary, {@code batchItemFailures} naming the
 * poison message, the release's and the report's answers, the clock's reminders, sent once however often
 * it runs), that every line the process wrote is a JSON log line with a
 * level, the request id and the case id, that the EMF metrics are there with the right values, and
 * that no line holds a pay number or a name. A failsafe test: it needs the packaged jar.
 */
@ExtendWith(EmulatorStackExtension.class)
class LambdaRuntimeIT {

    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Classes the score function's process may load for its first event (this test's, a poison message
     * included), counted from -Xlog:class+load. A count, not a time, so it is the same on every run of
     * one JDK and code: it grows when the first event starts to need another SDK client or library (the
     * runtime's own serialiser alone is 1,000 classes; a service client 300 to 400). 5,619 with JDK 25
     * when set, so the slack is under 100; docs/benchmarks.md gives today's figure and what loads them.
     */
    static final int SCORE_CLASS_BUDGET = 5_700;
    /**
     * The same for the ingest function's first event (an S3 notification, read by {@link S3EventJson}) and the
     * clock's (its event not read at all): 6,369 and 5,569 with JDK 25 when set, against 7,241 and 6,617 while
     * the runtime's serialiser read their events, so either budget fails if it comes back.
     */
    static final int INGEST_CLASS_BUDGET = 6_450;
    static final int CLOCK_CLASS_BUDGET = 5_650;
    /** The release's and the report's first events (SQS, as the score function's): 6,251 and 6,432 when set. */
    static final int RELEASE_CLASS_BUDGET = 6_350;
    static final int REPORT_CLASS_BUDGET = 6_500;
    private static Path work;
    private static Path taskRoot;
    private static Map<String, Object> template;
    private static Set<String> personalWords;

    private final EmulatorStack stack;

    LambdaRuntimeIT(EmulatorStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    static void unpackTheDeploymentPackage() throws Exception {
        Path jar = Path.of(System.getProperty("triage.functions.jar",
                Fixtures.repoRoot().resolve("functions/target/breach-triage-functions.jar").toString()));
        assertTrue(Files.isRegularFile(jar), "no deployment package at " + jar + " (mvn package builds it)");
        // Lambda unpacks the zip it is given into /var/task, the task root.
        work = Files.createTempDirectory("lambda-runtime-it-");
        taskRoot = Files.createDirectory(work.resolve("task"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        template = CloudFormationYaml.load(Fixtures.repoRoot().resolve("template.yaml"));
        personalWords = personalWords();
    }

    @AfterAll
    static void deleteTheTaskRoot() throws IOException {
        if (work != null) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void ingestScoreReleaseReportAndClockRunInTheLambdaRuntimeWithJsonLogsAndMetrics() throws Exception {
        try (AutoCloseableWiring test = new AutoCloseableWiring(wiring())) {
            runIngestScoreReleaseAndReport(test.wiring());
            runTheClockTwice();
        }
    }

    /** The test's own view of the stores, on clients of its own. */
    private record AutoCloseableWiring(FunctionWiring wiring) implements AutoCloseable {
        @Override
        public void close() {
            wiring.clients().close();
        }
    }

    private void runIngestScoreReleaseAndReport(FunctionWiring wiring) throws Exception {
        // --- ingest: the S3 fixture, for the manifest it names, uploaded with its sidecar
        S3ObjectStore bucket = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        String key = "manifests/acme/met-idcard-2023.csv";
        bucket.put(key + IngestHandler.SIDECAR_SUFFIX, Files.readAllBytes(Fixtures.events("manifests/met-idcard-2023.csv.incident.json")),
                "application/json", Map.of());
        bucket.put(key, Files.readAllBytes(Fixtures.events("manifests/met-idcard-2023.csv")), "text/csv", Map.of());

        Run ingest = run("IngestFunction", Files.readString(Fixtures.events("s3/put-manifest.json")));
        assertWithinBudget(ingest, INGEST_CLASS_BUDGET);
        JsonNode summary = Json.MAPPER.readTree(ingest.answer().body());
        assertEquals(1, summary.path("caseIds").size(), "the runtime passed on the ingest summary: " + summary);
        String caseId = summary.path("caseIds").get(0).asText();
        assertEquals(0, summary.path("ignored").asInt());
        assertEquals(0, summary.path("failedManifests").asInt());
        CaseRecord ingested = wiring.adapters().cases().find(caseId).orElseThrow();
        assertEquals(CaseStatus.SCORING, ingested.status());
        Map<String, Long> ingestMetrics = metrics(ingest, caseId, Map.of());
        assertEquals(Map.of("RowsRead", ingested.counter(Counters.ROWS_READ), "RowsRejected", ingested.counter(Counters.ROWS_REJECTED)),
                ingestMetrics);
        assertEquals(2500L, ingestMetrics.get("RowsRead"));

        // --- ingest of an object deleted since its event: the runtime reports a function error (what sends an
        // asynchronous invocation to its on-failure destination), naming the key and no retry of ours
        String deleted = "manifests/acme/deleted-" + System.nanoTime() + ".csv";
        Run missing = run("IngestFunction", Files.readString(Fixtures.events("s3/put-manifest.json"))
                .replace("manifests/acme/met-idcard-2023.csv", deleted), true);
        assertTrue(missing.answer().error(), "a function error: " + missing.answer().body());
        JsonNode error = Json.MAPPER.readTree(missing.answer().body());
        assertEquals(UnprocessableEventException.class.getName(), error.path("errorType").asText(), missing.answer().body());
        assertTrue(error.path("errorMessage").asText().contains("s3://" + stack.names().bucket() + "/" + deleted),
                missing.answer().body());

        // --- score: the batch fixture of a case opened as ingest would have left it, plus a poison message
        ScoreAndReportHandlerTest.importFixturePeople(wiring);
        ScoreAndReportHandlerTest.openFixtureCase(wiring, Fixtures.sqsEvent("sqs/score-batch.json"),
                ScoreAndReportHandlerTest.FIXTURE_INCIDENT);
        ObjectNode batches = (ObjectNode) Json.MAPPER.readTree(Files.readString(Fixtures.events("sqs/score-batch.json")));
        ObjectNode poison = ((ObjectNode) batches.path("Records").get(0)).deepCopy();
        poison.put("messageId", "poison-0001");
        poison.put("body", poison.path("body").asText().substring(0, 120));
        ((ArrayNode) batches.path("Records")).add(poison);

        Run score = run("ScoreFunction", Json.write(batches));
        assertWithinBudget(score, SCORE_CLASS_BUDGET);
        JsonNode failures = Json.MAPPER.readTree(score.answer().body()).path("batchItemFailures");
        assertEquals(1, failures.size(), "the runtime serialised batchItemFailures: " + score.answer().body());
        assertEquals("poison-0001", failures.get(0).path("itemIdentifier").asText());
        String fixtureCase = ScoreAndReportHandlerTest.FIXTURE_CASE;
        CaseRecord scored = wiring.adapters().cases().find(fixtureCase).orElseThrow();
        assertEquals(CaseStatus.SCORED, scored.status());
        assertEquals(Map.of("NoticesPlanned", scored.counter(Counters.NOTICES_PLANNED)), metrics(score, fixtureCase, Map.of()));
        assertTrue(scored.counter(Counters.NOTICES_PLANNED) > 0, "the fixture batches plan notices");
        assertEquals(Map.of("BatchesFailed", 1L), metrics(score, null, Map.of()), "the poison message, of no known case");
        assertTrue(score.lines().stream().anyMatch(l -> l.path("level").asText().equals("ERROR")
                && l.path("message").asText().contains("poison-0001")), "the failure is logged as an ERROR naming the message");

        // --- release: the fixture, which holds the requests the score function just sent
        runTheRelease(wiring, fixtureCase);

        // --- report: the trigger fixture
        Run report = run("ReportFunction", Files.readString(Fixtures.events("sqs/report-trigger.json")));
        assertWithinBudget(report, REPORT_CLASS_BUDGET);
        assertEquals(List.of(), Json.MAPPER.convertValue(Json.MAPPER.readTree(report.answer().body()).path("batchItemFailures"), List.class),
                "the runtime serialised the report's answer: " + report.answer().body());
        CaseRecord reported = wiring.adapters().cases().find(fixtureCase).orElseThrow();
        assertEquals(CaseStatus.REPORTED, reported.status());
        for (String reportKey : ReportService.keysFor(ScoreAndReportHandlerTest.FIXTURE_INCIDENT, 1)) {
            assertTrue(bucket.head(reportKey).isPresent(), "report written: " + reportKey);
        }
        long people = 0;
        for (Band band : Band.values()) {
            Map<String, Long> perBand = metrics(report, fixtureCase, Map.of("Band", band.name()));
            assertEquals(Map.of("People", reported.counter(Counters.band(band))), perBand, band.name());
            people += perBand.get("People");
        }
        assertEquals(reported.counter(Counters.PERSONS_TOTAL), people, "people per band add up to the case's people");
    }

    /**
     * The release fixture: first, that it holds the requests the score function sent (read off the release
     * queue); then the release function publishes the notices they name, each with its letter, and says
     * how many in its NoticesPublished metric.
     */
    private void runTheRelease(FunctionWiring wiring, String fixtureCase) throws Exception {
        String fixture = Files.readString(Fixtures.events("sqs/release-request.json"));
        Set<ReleaseRequest> inFixture = new HashSet<>();
        Json.MAPPER.readTree(fixture).path("Records").forEach(r -> inFixture.add(SqsReleaseRequests.requestFrom(r.path("body").asText())));
        Set<ReleaseRequest> sent = new HashSet<>();
        for (int attempt = 0; attempt < 5 && sent.size() < inFixture.size(); attempt++) {
            stack.clients().sqs().receiveMessage(b -> b.queueUrl(stack.names().releaseQueueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages().forEach(m -> sent.add(SqsReleaseRequests.requestFrom(m.body())));
        }
        assertEquals(inFixture, sent, "the fixture holds what the score function asked");

        Run release = run("ReleaseFunction", fixture);
        assertWithinBudget(release, RELEASE_CLASS_BUDGET);
        assertEquals(List.of(), Json.MAPPER.convertValue(Json.MAPPER.readTree(release.answer().body()).path("batchItemFailures"),
                List.class), "the runtime serialised the release's answer: " + release.answer().body());
        long published = 0;
        for (ReleaseRequest request : inFixture) {
            for (String payNumber : request.payNumbers()) {
                PersonNotice notice = wiring.adapters().persons().find(request.incidentId(), payNumber).orElseThrow()
                        .notices().getFirst();
                assertTrue(notice.published(), "a notice the fixture names was published");
                assertTrue(wiring.adapters().outputs().head(Letters.noticeKey(request.incidentId(), notice.noticeId()))
                        .isPresent(), "with its letter");
                published++;
            }
        }
        assertEquals(Map.of("NoticesPublished", published), metrics(release, fixtureCase, Map.of()));
        assertTrue(release.lines().stream().anyMatch(l -> l.path("level").asText().equals("INFO")
                && l.path("caseId").asText().equals(fixtureCase) && l.path("message").asText().contains("notice(s) published")),
                "a line per request, naming its case");
        assertTrue(wiring.adapters().outputs().head(Letters.generalKey(ScoreAndReportHandlerTest.FIXTURE_INCIDENT)).isPresent(),
                "the general staff communication's text");
    }

    /**
     * The hourly schedule's fixture, twice: the fixture incident (aware in 2023) is long overdue, so
     * the first run sends its overdue reminder and the second, a fresh process, sends it nothing.
     */
    private void runTheClockTwice() throws Exception {
        String schedule = Files.readString(Fixtures.events("schedule/hourly.json"));
        Run first = run("ClockFunction", schedule);
        assertWithinBudget(first, CLOCK_CLASS_BUDGET);
        JsonNode firstSent = Json.MAPPER.readTree(first.answer().body()).path("sent");
        assertEquals(List.of("OVERDUE"), thresholdsSentTo(firstSent, ScoreAndReportHandlerTest.FIXTURE_INCIDENT),
                "the runtime passed on the clock's summary: " + first.answer().body());
        Run second = run("ClockFunction", schedule);
        JsonNode secondSent = Json.MAPPER.readTree(second.answer().body()).path("sent");
        assertEquals(List.of(), thresholdsSentTo(secondSent, ScoreAndReportHandlerTest.FIXTURE_INCIDENT),
                "a reminder is sent once: " + second.answer().body());
        assertTrue(second.lines().stream().anyMatch(l -> l.path("message").asText().contains("0 reminder(s) sent")),
                "the second run says it sent nothing");
    }

    private static List<String> thresholdsSentTo(JsonNode sent, String incidentId) {
        List<String> thresholds = new ArrayList<>();
        sent.forEach(s -> {
            if (s.path("incidentId").asText().equals(incidentId)) {
                thresholds.add(s.path("threshold").asText());
            }
        });
        return thresholds;
    }

    // --- one function in the runtime ---------------------------------------------------------

    private static void assertWithinBudget(Run run, int budget) {
        assertTrue(run.classesLoaded() <= budget, "the " + run.function() + "'s first event loaded " + run.classesLoaded()
                + " classes, over its budget of " + budget + " (docs/benchmarks.md, Cold start: what loads them)");
    }

    /** One invocation: what the runtime answered, every line the process wrote, parsed, and the classes it loaded. */
    private record Run(String function, RuntimeApi.Answer answer, List<JsonNode> lines, long classesLoaded) {
    }

    private Run run(String function, String event) throws Exception {
        return run(function, event, false);
    }

    /** Runs the function on the event in the real runtime client; {@code failing}: it must report a function error. */
    private Run run(String function, String event, boolean failing) throws Exception {
        Map<String, Object> props = map(map(map(template.get("Resources")).get(function)).get("Properties"));
        String handler = (String) props.get("Handler");
        String name = "breach-triage-it-" + function.replace("Function", "").toLowerCase();
        Path output = work.resolve(name + ".log");
        Path classes = work.resolve(name + "-classes.log");
        Files.deleteIfExists(classes);
        try (RuntimeApi api = new RuntimeApi("arn:aws:lambda:eu-west-2:000000000000:function:" + name + ":live")) {
            ProcessBuilder pb = new ProcessBuilder(command(handler, classes)).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().clear();
            pb.environment().putAll(functionEnvironment(api, name));
            Process process = pb.start();
            try {
                RuntimeApi.Answer answer = api.invoke(event, INVOCATION_TIMEOUT);
                assertEquals(failing, answer.error(), function + (failing ? " reported no error" : " reported an error")
                        + " to the runtime: " + answer.body() + "\n" + Files.readString(output));
                List<JsonNode> lines = logLines(function, output, answer);
                stop(process);
                try (var loaded = Files.lines(classes)) {
                    long count = loaded.filter(l -> l.contains(" source: ")).count();
                    System.out.println(function + " in the Lambda runtime loaded " + count + " classes");
                    return new Run(function, answer, lines, count);
                }
            } finally {
                stop(process);
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code java -cp <runtime> AWSLambda <handler>}, as the java21 runtime's bootstrap starts it, with
     * the classes it loads logged to a file (not to its output, whose every line must be JSON).
     */
    private static List<String> command(String handler, Path classLog) throws URISyntaxException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xlog:class+load=info:file=" + classLog);
        int feature = Runtime.version().feature();
        // Lambda runs Java 21; on a newer JDK, say yes to what the runtime client does so the JDK prints no warning.
        if (feature >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", runtimeClassPath(), AWSLambda.class.getName(), handler));
        return command;
    }

    /** The runtime's own jars (interface client, lambda-core, serialization, utils-lite), not the function's. */
    private static String runtimeClassPath() throws URISyntaxException {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
            jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    /** What Lambda sets for a function with template.yaml's variables, here pointing at the emulators. */
    private Map<String, String> functionEnvironment(RuntimeApi api, String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[1]0000");
        env.put(HandlerLog.LOG_FORMAT_VARIABLE, "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        env.put("AWS_REGION", stack.state().region());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        stack.settings().endpoints().forEach((service, uri) -> env.put(service.endpointVariable(), uri.toString()));
        Map<String, Object> variables = map(map(map(map(template.get("Globals")).get("Function")).get("Environment")).get("Variables"));
        Map<String, String> names = stack.names().toEnvironment();
        for (String variable : variables.keySet()) {
            if (names.containsKey(variable)) {
                env.put(variable, names.get(variable));
            }
        }
        env.put("TRIAGE_FORCE", PipelineTarget.FORCE);
        return env;
    }

    /**
     * Every line the process wrote, each of which must be a JSON log line with a level, the request
     * id and a case id field (null for a line about no known case), and free of personal data.
     */
    /**
     * The function's JSON log lines, each checked. For an invocation that failed, the runtime client also logs
     * the error itself, in its own JSON shape (no {@code caseId}: it is not our line), and when that line reaches
     * the file against the test's read is a race; it is checked for what it must be and left out.
     */
    private static List<JsonNode> logLines(String function, Path output, RuntimeApi.Answer answer) throws IOException {
        String requestId = answer.requestId();
        String errorMessage = answer.error() ? Json.MAPPER.readTree(answer.body()).path("errorMessage").asText() : null;
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.print(function + " in the Lambda runtime wrote:\n" + text);
        PipelineScenario.assertNoPersonalData(text, personalWords, function + "'s output");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(function + " wrote a line that is not JSON: " + line);
            }
            assertTrue(node.isObject(), function + ": " + line);
            assertFalse(node.path("level").asText("").isEmpty(), function + " logged a line without a level: " + line);
            assertEquals(requestId, node.path("AWSRequestId").asText(null), function + ": a line without the request id: " + line);
            if (errorMessage != null && !node.has("caseId") && node.path("level").asText().equals("ERROR")
                    && node.path("message").asText().startsWith(errorMessage)) {
                continue; // the runtime client's own line for the error it reported
            }
            assertTrue(node.has("caseId"), function + ": a line without a caseId field: " + line);
            lines.add(node);
        }
        assertFalse(lines.isEmpty(), function + " wrote nothing");
        return lines;
    }

    /** The EMF metrics the run emitted for a case (null: no known case) and these extra dimensions. */
    private static Map<String, Long> metrics(Run run, String caseId, Map<String, String> dimensions) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (JsonNode line : run.lines()) {
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
            if (directive.isMissingNode() || !String.valueOf(caseId).equals(line.path("caseId").asText("null"))) {
                continue;
            }
            assertEquals(HandlerMetrics.NAMESPACE, directive.path("Namespace").asText());
            assertTrue(line.path("_aws").path("Timestamp").isNumber(), "EMF needs an epoch-millisecond Timestamp: " + line);
            List<String> wantedDimensions = new ArrayList<>(List.of("Function"));
            wantedDimensions.addAll(dimensions.keySet());
            List<String> declared = new ArrayList<>();
            directive.path("Dimensions").path(0).forEach(d -> declared.add(d.asText()));
            if (!declared.equals(wantedDimensions) || !dimensions.entrySet().stream()
                    .allMatch(d -> d.getValue().equals(line.path(d.getKey()).asText()))) {
                continue;
            }
            assertNotNull(line.path("Function").asText(null), "every dimension has a value: " + line);
            for (JsonNode metric : directive.path("Metrics")) {
                String metricName = metric.path("Name").asText();
                assertEquals("Count", metric.path("Unit").asText(), line.toString());
                assertTrue(line.path(metricName).isNumber(), "the metric's value is on the line: " + line);
                found.merge(metricName, line.path(metricName).asLong(), Long::sum);
            }
        }
        return found;
    }

    private FunctionWiring wiring() {
        return new FunctionWiring(stack.newClients(), stack.names(),
                new org.breachtriage.core.pipeline.PipelineSettings(org.breachtriage.core.scoring.ScoringPolicy.loadDefault(),
                        PipelineTarget.FORCE, java.time.Clock.systemUTC()));
    }

    /** Every pay number and name in the roster and in the manifest the ingest reads. */
    private static Set<String> personalWords() throws IOException {
        Set<String> words = new HashSet<>();
        new RosterReader().read(Fixtures.events("staff/roster.csv")).members().forEach(m -> {
            words.add(m.payNumber());
            words.add(m.surname());
            words.add(m.forename());
        });
        try (InputStream in = Files.newInputStream(Fixtures.events("manifests/met-idcard-2023.csv"))) {
            ManifestReaders.forName("manifest.csv").read("manifest.csv", in, new ManifestVisitor() {
                @Override
                public void accepted(ManifestRow row) {
                    words.add(row.payNumber());
                    if (row.surname() != null && !row.surname().isBlank()) {
                        words.add(row.surname().trim());
                    }
                }

                @Override
                public void rejected(RowRejection rejection) {
                }
            });
        }
        words.removeIf(w -> w == null || w.isBlank());
        return words;
    }

    private static Map<String, Object> map(Object value) {
        return CloudFormationYaml.map(value);
    }
}
