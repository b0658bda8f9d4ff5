package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.breachtriage.aws.CaseTableSchema;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.LetterSettings;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.pipeline.ForceName;
import org.breachtriage.core.pipeline.ReportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks template.yaml against the code it deploys and against the security rules, by
 * reading it as CloudFormation does (short-form intrinsics expanded). What the code needs is derived
 * from the code: handler classes by reflection, environment variables from the {@code ENV*}
 * constants the code reads them by, the case table's index from {@link CaseTableSchema}.
 */
class TemplateTest {

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws Exception {
        template = CloudFormationYaml.load(Fixtures.repoRoot().resolve("template.yaml"));
        resources = map(template.get("Resources"));
    }

    // --- functions --------------------------------------------------------------------------

    @Test
    void everyFunctionNamesAHandlerClassForItsEventType() throws Exception {
        Map<String, Map<String, Object>> functions = ofType("AWS::Serverless::Function");
        assertEquals(5, functions.size(), "ingest, score, release, report, clock: " + functions.keySet());
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            Map<String, Object> props = map(function.getValue().get("Properties"));
            String handler = (String) props.get("Handler");
            assertNotNull(handler, function.getKey() + " has no Handler");
            assertTrue(handler.endsWith("::handleRequest"), function.getKey() + ": " + handler);
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(RequestHandler.class.isAssignableFrom(type), handler + " is no RequestHandler");
            Type[] io = requestHandlerTypes(type);

            Map<String, Object> events = map(props.get("Events"));
            assertEquals(1, events.size(), function.getKey() + " has one trigger");
            Map<String, Object> trigger = map(events.values().iterator().next());
            String eventType = (String) trigger.get("Type");
            Map<String, Object> triggerProps = map(trigger.get("Properties"));
            switch (eventType) {
                case "S3" -> {
                    assertEquals(S3Event.class, io[0], handler + " must take an S3Event");
                    assertEquals(Map.of("Ref", "TriageBucket"), triggerProps.get("Bucket"));
                    assertEquals("s3:ObjectCreated:*", triggerProps.get("Events"));
                    List<Object> rules = list(map(map(triggerProps.get("Filter")).get("S3Key")).get("Rules"));
                    assertEquals(List.of(Map.of("Name", "prefix", "Value", IngestHandler.MANIFESTS_PREFIX)), rules,
                            "the trigger's prefix is the one the handler checks");
                }
                case "SQS" -> {
                    assertEquals(SQSEvent.class, io[0], handler + " must take an SQSEvent");
                    assertEquals(List.of("ReportBatchItemFailures"), triggerProps.get("FunctionResponseTypes"),
                            function.getKey() + " reports failures per message");
                    assertEquals(SQSBatchResponse.class, io[1], handler + " must answer with batchItemFailures");
                    // The Java runtime calls the longest handleRequest overload: the stream one, which reads the
                    // event without the runtime's serialiser (a cold-start saving, docs/benchmarks.md).
                    assertTrue(SqsFunction.class.isAssignableFrom(type), handler + " must have SqsFunction's stream entry point");
                    assertEquals(void.class, type.getMethod("handleRequest", java.io.InputStream.class, java.io.OutputStream.class,
                            com.amazonaws.services.lambda.runtime.Context.class).getReturnType(), handler);
                }
                case "Schedule" -> {
                    assertEquals(ScheduledEvent.class, io[0], handler + " must take a ScheduledEvent");
                    assertEquals("rate(1 hour)", triggerProps.get("Schedule"), "the Art. 33 clock is checked hourly");
                    assertEquals(Boolean.TRUE, triggerProps.get("Enabled"));
                }
                default -> fail(function.getKey() + " has an unexpected trigger " + eventType);
            }
        }
    }

    @Test
    void theScoreReleaseAndReportQueuesFeedTheHandlersThatReadThem() {
        assertEquals(Map.of("Fn::GetAtt", List.of("BatchQueue", "Arn")), sqsTrigger("ScoreFunction").get("Queue"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ReleaseQueue", "Arn")), sqsTrigger("ReleaseFunction").get("Queue"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ReportQueue", "Arn")), sqsTrigger("ReportFunction").get("Queue"));
        assertEquals("org.breachtriage.functions.ScoreHandler::handleRequest", functionProps("ScoreFunction").get("Handler"));
        assertEquals("org.breachtriage.functions.ReleaseHandler::handleRequest", functionProps("ReleaseFunction").get("Handler"));
        assertEquals("org.breachtriage.functions.ReportHandler::handleRequest", functionProps("ReportFunction").get("Handler"));
        assertEquals("org.breachtriage.functions.IngestHandler::handleRequest", functionProps("IngestFunction").get("Handler"));
        assertEquals("org.breachtriage.functions.ClockHandler::handleRequest", functionProps("ClockFunction").get("Handler"));
    }

    @Test
    void everyVariableTheCodeReadsIsSetForEveryFunction() throws Exception {
        Set<String> needed = new TreeSet<>(envConstants(ResourceNames.class));
        needed.addAll(envConstants(ForceName.class));
        needed.addAll(variableConstants(LetterSettings.class));
        // A floor, not a count: the variables are derived from the code and grow with it, and each one is
        // checked below; the floor proves the derivation found them (an empty set would check nothing).
        assertTrue(needed.size() >= 13, "derived from the code: " + needed);
        Map<String, Object> globalVars = variables(map(map(template.get("Globals")).get("Function")));
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            Map<String, Object> vars = new LinkedHashMap<>(globalVars);
            vars.putAll(variables(functionProps(function)));
            for (String variable : needed) {
                assertTrue(vars.containsKey(variable), function + " lacks " + variable + " (set: " + vars.keySet() + ")");
                assertNotNull(vars.get(variable), function + ": " + variable + " is empty");
            }
        }
        Map<String, Object> outputs = map(template.get("Outputs"));
        for (String variable : envConstants(ResourceNames.class)) {
            assertTrue(outputs.values().stream().anyMatch(o -> String.valueOf(map(o).get("Description")).contains(variable)),
                    "no stack output gives " + variable + " to the CLI");
        }
    }

    @Test
    void snapStartOnPublishedVersionsWithJava21AndTheShadedJar() throws Exception {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertEquals("java21", globals.get("Runtime"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
        assertNotNull(globals.get("AutoPublishAlias"), "SnapStart needs published versions");
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            Map<String, Object> props = functionProps(function);
            assertFalse(props.containsKey("SnapStart") || props.containsKey("AutoPublishAlias") || props.containsKey("Runtime"),
                    function + " must not override the SnapStart settings of Globals");
        }
        String pom = Files.readString(Fixtures.repoRoot().resolve("functions/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertTrue(finalName.find(), "functions/pom.xml names the shaded jar");
        // On each function: `aws cloudformation package` does not read Globals, and packages the whole
        // folder for a function without a CodeUri of its own.
        assertFalse(globals.containsKey("CodeUri"), "CodeUri belongs on each function, not in Globals");
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            assertEquals("functions/target/" + finalName.group(1) + ".jar", functionProps(function).get("CodeUri"), function);
        }
    }

    @Test
    void queueVisibilityIsAtLeastSixTimesItsConsumersTimeout() {
        List<String> consumers = ofType("AWS::Serverless::Function").keySet().stream()
                .filter(f -> "SQS".equals(map(map(functionProps(f).get("Events")).values().iterator().next()).get("Type")))
                .toList();
        assertEquals(Set.of("ScoreFunction", "ReleaseFunction", "ReportFunction"), Set.copyOf(consumers));
        for (String function : consumers) {
            long timeout = timeout(function);
            @SuppressWarnings("unchecked")
            String queue = ((List<String>) map(sqsTrigger(function).get("Queue")).get("Fn::GetAtt")).get(0);
            Map<String, Object> queueProps = map(map(resources.get(queue)).get("Properties"));
            long visibility = number(queueProps.get("VisibilityTimeout"));
            assertTrue(visibility >= 6 * timeout, queue + " visibility " + visibility + " s < 6 x " + function + " timeout " + timeout + " s");
            Map<String, Object> redrive = map(queueProps.get("RedrivePolicy"));
            assertTrue(number(redrive.get("maxReceiveCount")) >= 1, queue + " has a redrive policy");
            @SuppressWarnings("unchecked")
            String dlq = ((List<String>) map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);
            assertTrue(alarmWatches("AWS/SQS", "QueueName", dlq), "no alarm on the depth of " + dlq);
        }
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            assertTrue(alarmWatches("AWS/Lambda", "FunctionName", function), "no alarm on the errors of " + function);
        }
    }

    /**
     * A publisher's claim on a notice lasts {@link PersonNotice#CLAIM_LEASE}. A release function still at
     * work when it ran out would see its notices taken over and published a second time, so the lease
     * outlasts the function. A dead function's request comes back after the release queue's visibility
     * timeout, so that must outlast lease + timeout (the claim may be taken just before the timeout), or
     * the retry would find the claim alive and leave the notices waiting. And the retry's publication
     * (at most visibility + timeout after the dead function's) must fall inside the FIFO notices topic's
     * 5-minute de-duplication window, with a minute to spare for polling and clocks, or SNS would
     * deliver the notice twice.
     */
    @Test
    void aNoticeReSentAfterADeadPublisherFallsInsideTheTopicsDeduplicationWindow() {
        long timeout = timeout("ReleaseFunction");
        long lease = PersonNotice.CLAIM_LEASE.toSeconds();
        @SuppressWarnings("unchecked")
        String queue = ((List<String>) map(sqsTrigger("ReleaseFunction").get("Queue")).get("Fn::GetAtt")).get(0);
        long visibility = number(map(map(resources.get(queue)).get("Properties")).get("VisibilityTimeout"));
        assertTrue(timeout < lease, "the release function may run " + timeout + " s, a claim lasts " + lease + " s");
        assertTrue(lease + timeout <= visibility, "a retry after " + visibility + " s may find a claim of "
                + lease + " s taken " + timeout + " s into the run still alive");
        assertTrue(visibility + timeout <= 300 - 60, "a re-send may come " + (visibility + timeout)
                + " s after the first publication; SNS FIFO de-duplicates for 300 s");

        Map<String, Object> topic = map(map(resources.get("NoticesTopic")).get("Properties"));
        assertEquals(Boolean.TRUE, topic.get("FifoTopic"), "the notices topic de-duplicates only if it is FIFO");
        assertEquals(Boolean.FALSE, topic.get("ContentBasedDeduplication"),
                "the publisher names each notice's de-duplication id; a letter's body may differ on a re-send");
        assertTrue(String.valueOf(map(topic.get("TopicName")).get("Fn::Sub")).endsWith(".fifo"), "FIFO topic names end in .fifo");
    }

    private static long timeout(String function) {
        Map<String, Object> props = functionProps(function);
        return number(props.containsKey("Timeout") ? props.get("Timeout")
                : map(map(template.get("Globals")).get("Function")).get("Timeout"));
    }

    // --- data -------------------------------------------------------------------------------

    @Test
    void theCaseTableDeclaresTheKeysAndTheIndexTheCaseStoreUses() {
        Map<String, Object> props = map(map(resources.get("CaseTable")).get("Properties"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object a : list(props.get("AttributeDefinitions"))) {
            attributes.put((String) map(a).get("AttributeName"), (String) map(a).get("AttributeType"));
        }
        assertEquals(Map.of(CaseTableSchema.PK, "S", CaseTableSchema.SK, "S", CaseTableSchema.CASE_LIST_PK, "S",
                CaseTableSchema.CASE_LIST_SK, "S"), attributes, "every key attribute declared, nothing else");
        assertEquals(List.of(Map.of("AttributeName", CaseTableSchema.PK, "KeyType", "HASH"),
                Map.of("AttributeName", CaseTableSchema.SK, "KeyType", "RANGE")), props.get("KeySchema"));
        List<Object> indexes = list(props.get("GlobalSecondaryIndexes"));
        assertEquals(1, indexes.size());
        Map<String, Object> index = map(indexes.get(0));
        assertEquals(CaseTableSchema.CASE_LIST_INDEX, index.get("IndexName"));
        assertEquals(List.of(Map.of("AttributeName", CaseTableSchema.CASE_LIST_PK, "KeyType", "HASH"),
                Map.of("AttributeName", CaseTableSchema.CASE_LIST_SK, "KeyType", "RANGE")), index.get("KeySchema"));
        assertEquals("ALL", map(index.get("Projection")).get("ProjectionType"), "list() reads whole case records from the index");

        Map<String, Object> staff = map(map(resources.get("StaffTable")).get("Properties"));
        assertEquals(List.of(Map.of("AttributeName", "payNumber", "KeyType", "HASH")), staff.get("KeySchema"));
        for (String table : ofType("AWS::DynamoDB::Table").keySet()) {
            Map<String, Object> p = map(map(resources.get(table)).get("Properties"));
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), table);
            assertEquals(Map.of("PointInTimeRecoveryEnabled", true), p.get("PointInTimeRecoverySpecification"), table);
        }
    }

    @Test
    void everyBucketTableQueueAndTopicIsEncryptedWithTheCustomerManagedKey() {
        Object key = Map.of("Ref", "TriageKey");
        Object keyArn = Map.of("Fn::GetAtt", List.of("TriageKey", "Arn"));
        for (Map.Entry<String, Map<String, Object>> bucket : ofType("AWS::S3::Bucket").entrySet()) {
            Map<String, Object> props = map(bucket.getValue().get("Properties"));
            Map<String, Object> rule = map(list(map(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0));
            Map<String, Object> sse = map(rule.get("ServerSideEncryptionByDefault"));
            assertEquals("aws:kms", sse.get("SSEAlgorithm"), bucket.getKey());
            assertTrue(Set.of(key, keyArn).contains(sse.get("KMSMasterKeyID")), bucket.getKey() + " uses our key");
            assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true), props.get("PublicAccessBlockConfiguration"), bucket.getKey());
            assertEquals(Map.of("Status", "Enabled"), props.get("VersioningConfiguration"), bucket.getKey());
            assertTrue(tlsOnly(bucket.getKey()), bucket.getKey() + " has no TLS-only bucket policy");
        }
        for (Map.Entry<String, Map<String, Object>> table : ofType("AWS::DynamoDB::Table").entrySet()) {
            Map<String, Object> sse = map(map(table.getValue().get("Properties")).get("SSESpecification"));
            assertEquals(true, sse.get("SSEEnabled"), table.getKey());
            assertEquals("KMS", sse.get("SSEType"), table.getKey());
            assertTrue(Set.of(key, keyArn).contains(sse.get("KMSMasterKeyId")), table.getKey() + " uses our key");
        }
        for (String type : List.of("AWS::SQS::Queue", "AWS::SNS::Topic")) {
            Map<String, Map<String, Object>> all = ofType(type);
            assertFalse(all.isEmpty(), type);
            for (Map.Entry<String, Map<String, Object>> resource : all.entrySet()) {
                assertTrue(Set.of(key, keyArn).contains(map(resource.getValue().get("Properties")).get("KmsMasterKeyId")),
                        resource.getKey() + " is not encrypted with our key");
            }
        }
    }

    // --- permissions ------------------------------------------------------------------------

    @Test
    void noFunctionUsesASamPolicyTemplateAndNoPolicyGrantsAWildcardAction() {
        List<String> actions = new ArrayList<>();
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            for (Object policy : list(functionProps(function).get("Policies"))) {
                Map<String, Object> entry = map(policy);
                assertEquals(1, entry.size(), function + ": one policy per list entry");
                String name = entry.keySet().iterator().next();
                assertEquals("Statement", name, function + " uses the SAM policy template " + name
                        + ", which grants more than the code calls (S3WritePolicy s3:PutObjectAcl, DynamoDBCrudPolicy"
                        + " DeleteItem and Scan); write the calls as a Statement");
                for (Object statement : list(entry.get("Statement"))) {
                    actions.addAll(actionsOf(function, map(statement)));
                    assertFalse("*".equals(map(statement).get("Resource")), function + " grants on every resource");
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> key : ofType("AWS::KMS::Key").entrySet()) {
            for (Map<String, Object> statement : keyPolicyStatements(key.getValue())) {
                actions.addAll(actionsOf(key.getKey(), statement));
            }
        }
        assertFalse(actions.isEmpty());
        for (String action : actions) {
            assertFalse(action.equals("*") || action.endsWith(":*"), "wildcard action " + action);
        }
    }

    @Test
    void theServicesThatWriteToEncryptedTopicsAndQueuesMayUseTheKey() {
        Set<String> services = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> key : ofType("AWS::KMS::Key").entrySet()) {
            for (Map<String, Object> s : keyPolicyStatements(key.getValue())) {
                Object principal = map(s.get("Principal")).get("Service");
                if (principal != null && actionsOf(key.getKey(), s).containsAll(List.of("kms:GenerateDataKey", "kms:Decrypt"))) {
                    services.addAll(principal instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(principal)));
                }
            }
        }
        // S3 encrypts objects, SNS delivers into encrypted queues, CloudWatch alarms publish to the encrypted alerts topic.
        for (String service : List.of("s3.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com", "dynamodb.amazonaws.com",
                "cloudwatch.amazonaws.com")) {
            assertTrue(services.contains(service), service + " cannot use the key; allowed: " + services);
        }
    }

    @Test
    void theFederationSubscriptionReceivesOnlyCaseReported() {
        Map<String, Object> props = map(map(resources.get("FederationSubscription")).get("Properties"));
        assertEquals(Map.of("Ref", "AlertsTopic"), props.get("TopicArn"));
        assertEquals("MessageAttributes", props.get("FilterPolicyScope"));
        assertEquals(Map.of("eventType", List.of(org.breachtriage.core.report.FederationSummary.EVENT_TYPE)), props.get("FilterPolicy"));
        assertEquals(org.breachtriage.aws.sandbox.SandboxResources.FEDERATION_FILTER_POLICY,
                org.breachtriage.core.json.Json.write(props.get("FilterPolicy")), "the sandbox subscribes the same filter");
    }

    // --- what CloudFormation creates with the key -------------------------------------------

    /** Who must be allowed what on the key for a resource to be created, or used, with it. */
    private record KeyNeed(String principal, List<String> actions) {
    }

    /** The account's own statement: it lets IAM (the deployer, the function roles) use the key. */
    private static final String ACCOUNT = "arn:${AWS::Partition}:iam::${AWS::AccountId}:root";
    private static final List<String> DATA_KEYS = List.of("kms:GenerateDataKey", "kms:Decrypt");

    /**
     * What each kind of resource that names the key needs from the key policy (AWS documentation of
     * each service's KMS use). A resource type that names the key and is missing here fails the test,
     * so a new kind of resource is thought about once, not found by a failed deployment.
     */
    private static final Map<String, List<KeyNeed>> KEY_NEEDS = Map.of(
            // CloudFormation creates, repoints and deletes the alias as the deployer.
            "AWS::KMS::Alias", List.of(new KeyNeed(ACCOUNT, List.of("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"))),
            // DynamoDB checks the key and creates a grant as the deployer when it creates the table.
            "AWS::DynamoDB::Table", List.of(new KeyNeed(ACCOUNT, List.of("kms:DescribeKey", "kms:CreateGrant", "kms:Decrypt",
                    "kms:GenerateDataKey"))),
            "AWS::S3::Bucket", List.of(new KeyNeed(ACCOUNT, DATA_KEYS), new KeyNeed("s3.amazonaws.com", DATA_KEYS)),
            "AWS::SQS::Queue", List.of(new KeyNeed(ACCOUNT, DATA_KEYS)),
            "AWS::SNS::Topic", List.of(new KeyNeed(ACCOUNT, DATA_KEYS)),
            // CloudWatch Logs encrypts the log group's events itself, as its own service principal.
            "AWS::Logs::LogGroup", List.of(new KeyNeed("logs.${AWS::Region}.amazonaws.com", List.of("kms:Encrypt", "kms:Decrypt",
                    "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"))),
            // The functions' own policies grant through IAM, which the key policy must delegate to.
            "AWS::Serverless::Function", List.of(new KeyNeed(ACCOUNT, DATA_KEYS)));

    @Test
    void everyResourceCreatedWithTheKeyIsAllowedByTheKeyPolicy() {
        Map<String, Map<String, Object>> keys = ofType("AWS::KMS::Key");
        assertEquals(1, keys.size(), "one customer-managed key");
        String key = keys.keySet().iterator().next();
        List<Map<String, Object>> statements = keyPolicyStatements(keys.get(key));
        List<String> checked = new ArrayList<>();
        resources.forEach((name, resource) -> {
            Map<String, Object> r = map(resource);
            if (name.equals(key) || !references(r.get("Properties"), key)) {
                return;
            }
            String type = (String) r.get("Type");
            List<KeyNeed> needs = KEY_NEEDS.get(type);
            assertNotNull(needs, name + " (" + type + ") is created with " + key + ", and this test does not know what "
                    + "that needs from the key policy; add the type to KEY_NEEDS");
            for (KeyNeed need : needs) {
                for (String action : need.actions()) {
                    assertTrue(statements.stream().anyMatch(st -> allows(st, need.principal(), action)),
                            "creating or using " + name + " (" + type + ") needs " + action + " for " + need.principal()
                                    + ", which no statement of the key policy allows");
                }
            }
            if (type.equals("AWS::Logs::LogGroup")) {
                assertLogGroupInTheLogsCondition(name, statements);
            }
            checked.add(name);
        });
        assertTrue(checked.containsAll(List.of("TriageKeyAlias", "CaseTable", "TriageBucket", "IngestLogGroup",
                "ReleaseQueue", "ReleaseDeadLetterQueue", "ReleaseLogGroup", "ReleaseFunction")),
                "the resources that use the key were found: " + checked);
    }

    /** The key policy lets CloudWatch Logs use the key only for log groups matching its condition; ours must match. */
    private static void assertLogGroupInTheLogsCondition(String logGroup, List<Map<String, Object>> statements) {
        String name = sub(map(map(resources.get(logGroup)).get("Properties")).get("LogGroupName"));
        for (Map<String, Object> st : statements) {
            Object arnLike = map(st.getOrDefault("Condition", Map.of())).get("ArnLike");
            if (arnLike != null && allows(st, "logs.${AWS::Region}.amazonaws.com", "kms:Encrypt")) {
                String pattern = sub(map(arnLike).get("kms:EncryptionContext:aws:logs:arn"));
                String arn = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:" + name;
                assertTrue(arn.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q")),
                        logGroup + " (" + arn + ") is outside the key policy's CloudWatch Logs condition " + pattern);
                return;
            }
        }
        fail("no key policy statement lets CloudWatch Logs encrypt " + logGroup);
    }

    private static boolean allows(Map<String, Object> statement, String principal, String action) {
        if (!"Allow".equals(statement.get("Effect")) || !actionsOf("key policy", statement).contains(action)) {
            return false;
        }
        Map<String, Object> who = map(statement.get("Principal"));
        List<Object> named = new ArrayList<>();
        for (String kind : List.of("AWS", "Service")) {
            Object value = who.get(kind);
            if (value instanceof List<?> l) {
                named.addAll(l);
            } else if (value != null) {
                named.add(value);
            }
        }
        return named.stream().anyMatch(p -> principal.equals(sub(p)));
    }

    /** A string, or the text of a {@code !Sub}. */
    private static String sub(Object value) {
        if (value instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String s) {
            return s;
        }
        return String.valueOf(value);
    }

    /** Does this value name the resource anywhere ({@code !Ref}, {@code !GetAtt})? */
    private static boolean references(Object value, String resource) {
        if (value instanceof Map<?, ?> m) {
            if (resource.equals(m.get("Ref")) || (m.get("Fn::GetAtt") instanceof List<?> l && resource.equals(l.get(0)))) {
                return true;
            }
            return m.values().stream().anyMatch(v -> references(v, resource));
        }
        return value instanceof List<?> l && l.stream().anyMatch(v -> references(v, resource));
    }

    // --- what the handlers call, against what their functions may do -----------------------

    /** One thing a function needs: an IAM action on a template resource, and on which part of it (see {@link FunctionPolicies.Grant}). */
    private record Need(String action, String resource, String part) {
        @Override
        public String toString() {
            return action + " on " + resource + (part == null ? "" : " " + part.replaceAll("/[^/]*$", "/…"));
        }
    }

    /** A call the code makes on a path the permissions run does not take, so its grant is kept by name, and why. */
    private record Unreached(String function, Need need, String why) {
    }

    private static final String LARGE_OBJECTS = "an object above S3ObjectStore.MULTIPART_THRESHOLD (the rejects of a large"
            + " manifest, a report) goes up in parts, and a failed upload is aborted (S3ObjectStore.putMultipart); the run's are small";

    /**
     * The grants no recorded call explains. Each is checked: granted (else that path would fail on AWS)
     * and still unrecorded (else the entry is stale and goes).
     */
    private static final List<Unreached> UNREACHED = List.of(
            new Unreached("IngestFunction", new Need("sqs:SendMessage", "ReportQueue", null),
                    "ingest asks for the report itself when the case is complete as it finishes: no row accepted (no batch"
                            + " to score), every batch scored before ingest had counted them, or a re-run of a case left in"
                            + " SCORED (CaseLifecycle.ingested, foundAlreadyIngested)"),
            new Unreached("ReleaseFunction", new Need("dynamodb:Query", "CaseTable", null),
                    "a request for a whole incident ({\"incidentId\"} alone, which an operator sends to release what a"
                            + " dead publisher left) lists the incident's people, and so does the general-communication"
                            + " check of an incident opened before ingest marked the manifests that list staff"
                            + " (IncidentRecord.workforceManifests null); the run's requests name their batch's people"),
            new Unreached("ReportFunction", new Need("s3:AbortMultipartUpload", "TriageBucket",
                    ReportService.keysFor("IN-0000000000000000", 1).get(0)), LARGE_OBJECTS),
            new Unreached("ReportFunction", new Need("s3:AbortMultipartUpload", "TriageBucket",
                    ReportService.REJECTS_PREFIX + "BT-0000000000000000/rejects.csv"), LARGE_OBJECTS));

    /**
     * Runs the pipeline on the emulators with one request counter per function, as each function has
     * its own clients on Lambda, and checks each function's policies against the SDK calls its handler
     * made, both ways: every call, on the resource (object key, index) it addressed, is allowed; and
     * every grant is used by a call, or needed by one ({@link FunctionPolicies#alsoNeeded}), or named in
     * {@link #UNREACHED} with its reason. So a policy that grants more than the code does fails here.
     * The calls come from the counters, not from a list kept by hand; only the IAM names of SDK
     * operations are. KMS grants are not SDK calls of the code (the services ask KMS for the caller) and
     * are checked by {@link #eachFunctionMayUseTheKeyForDataKeysOnly()}.
     */
    @Test
    @ExtendWith(EmulatorStackExtension.class)
    void eachFunctionsPoliciesAllowTheCallsItsHandlerMakesAndNothingMore(EmulatorStack stack) throws Exception {
        PipelineTarget target = new PipelineTarget("emulators", stack.settings(), stack.clients(), stack.resources());
        PipelineScenario.Result result = new PipelineScenario(target, PipelineScenario.Spec.permissions()).run();

        FunctionPolicies policies = new FunctionPolicies(template);
        Map<String, String> logicalIds = policies.logicalIdsOf(target.names());
        List<String> denied = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Map.Entry<Class<?>, RequestCounter> handler : result.callsByHandler().entrySet()) {
            String function = policies.functionFor(handler.getKey());
            checked.add(function);
            List<FunctionPolicies.Grant> grants = policies.grants(function);
            Set<Need> needs = needsOf(function, handler.getValue(), logicalIds);
            for (Need need : needs) {
                if (grants.stream().noneMatch(g -> g.allows(need.action(), need.resource(), need.part()))) {
                    denied.add(function + ": " + need);
                }
            }
            List<Unreached> declared = UNREACHED.stream().filter(u -> u.function().equals(function)).toList();
            for (Unreached path : declared) {
                Need need = path.need();
                assertTrue(grants.stream().anyMatch(g -> g.allows(need.action(), need.resource(), need.part())),
                        function + " needs " + need + " on a path the run does not take (" + path.why() + "), and may not do it");
                assertFalse(needs.contains(need), function + ": " + need + " was recorded; remove it from UNREACHED");
            }
            List<Need> unreached = declared.stream().map(Unreached::need).toList();
            for (FunctionPolicies.Grant grant : grants) {
                boolean explained = grant.action().startsWith("kms:")
                        || Stream.concat(needs.stream(), unreached.stream())
                                .anyMatch(n -> grant.allows(n.action(), n.resource(), n.part()));
                if (!explained) {
                    unused.add(function + ": " + grant.action() + " on " + grant.resource()
                            + (grant.keyPattern().isEmpty() ? "" : " " + grant.keyPattern()));
                }
            }
        }
        assertEquals(ofType("AWS::Serverless::Function").keySet(), checked, "every function's handler ran");
        assertEquals(List.of(), denied.stream().distinct().toList(),
                "calls the handlers make that their functions' policies do not allow");
        assertEquals(List.of(), unused, "grants no call of the handler needs: trim the policy, or name the path in UNREACHED");
        assertTrue(result.callsByHandler().get(ReleaseHandler.class).objectKeys().getOrDefault("S3.PutObject", Set.of())
                .stream().allMatch(k -> k.startsWith(Letters.PREFIX)), "the release function writes letters only");
    }

    /** Every recorded call of one function as what IAM will ask of it: its action on what it addressed, and what it also needs. */
    private static Set<Need> needsOf(String function, RequestCounter counter, Map<String, String> logicalIds) {
        Map<String, Set<String>> calls = counter.targets();
        assertFalse(calls.isEmpty(), function + " made no call: the counter saw nothing");
        Set<Need> needs = new LinkedHashSet<>();
        calls.forEach((operation, targets) -> {
            String action = FunctionPolicies.iamAction(operation);
            assertFalse(targets.isEmpty(), operation + " named no resource the counter could see");
            // A call on an object is checked with its key, against a grant's key prefix (letters/*); a query
            // of an index against a grant on that index.
            List<String> parts = new ArrayList<>(counter.objectKeys().getOrDefault(operation, Set.of()));
            counter.indexes().getOrDefault(operation, Set.of()).forEach(index ->
                    parts.add(index.equals(RequestCounter.TABLE_ITSELF) ? null : "index/" + index));
            if (parts.isEmpty()) {
                parts.add(null);
            }
            for (String addressed : targets) {
                String resource = logicalIds.get(addressed);
                assertNotNull(resource, operation + " by " + function + " addressed " + addressed
                        + ", which no TRIAGE_* variable of the template names");
                parts.forEach(part -> needs.add(new Need(action, resource, part)));
                FunctionPolicies.alsoNeeded(operation).forEach(also -> needs.add(new Need(also, resource, null)));
            }
        });
        return needs;
    }

    /** The functions' KMS grants: data keys with the stack's key, and nothing else (no key administration, no other key). */
    @Test
    void eachFunctionMayUseTheKeyForDataKeysOnly() {
        FunctionPolicies policies = new FunctionPolicies(template);
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            Set<FunctionPolicies.Grant> kms = new LinkedHashSet<>(policies.grants(function).stream()
                    .filter(g -> g.action().startsWith("kms:")).toList());
            assertEquals(Set.of(new FunctionPolicies.Grant("kms:Decrypt", "TriageKey", FunctionPolicies.Grant.ITSELF),
                    new FunctionPolicies.Grant("kms:GenerateDataKey", "TriageKey", FunctionPolicies.Grant.ITSELF)), kms, function
                    + ": reading the bucket and queues needs Decrypt, writing them and publishing GenerateDataKey");
        }
    }

    /** A function that touches the bucket's objects names the prefix it works under; none may touch every object. */
    @Test
    void everyGrantOnTheBucketsObjectsNamesAPrefix() {
        FunctionPolicies policies = new FunctionPolicies(template);
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            for (FunctionPolicies.Grant grant : policies.grants(function)) {
                if (grant.resource().equals("TriageBucket") && !FunctionPolicies.Grant.ITSELF.equals(grant.keyPattern())) {
                    assertTrue(grant.keyPattern().matches("[a-z]+/\\*"), function + ": " + grant.action() + " on "
                            + grant.keyPattern() + ", not under one prefix");
                }
            }
        }
    }

    // --- the release step --------------------------------------------------------------------

    /** Scoring plans notices and asks for their release; only the release function publishes them, and writes only letters. */
    @Test
    void onlyTheReleaseFunctionPublishesNoticesAndItWritesLettersAndNothingElse() {
        FunctionPolicies policies = new FunctionPolicies(template);
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            boolean publishesNotices = policies.grants(function).stream().anyMatch(g -> g.allows("sns:Publish", "NoticesTopic"));
            assertEquals(function.equals("ReleaseFunction"), publishesNotices, function + " may publish notices");
        }
        assertTrue(policies.grants("ScoreFunction").stream().anyMatch(g -> g.allows("sqs:SendMessage", "ReleaseQueue")),
                "the score function sends release requests");

        List<FunctionPolicies.Grant> release = policies.grants("ReleaseFunction");
        List<FunctionPolicies.Grant> onTheBucket = release.stream().filter(g -> g.resource().equals("TriageBucket")).toList();
        assertEquals(List.of(new FunctionPolicies.Grant("s3:PutObject", "TriageBucket", Letters.PREFIX + "*")), onTheBucket,
                "the release function writes under letters/ and may not read the bucket");
        assertTrue(release.stream().noneMatch(g -> g.resource().equals("AlertsTopic") || g.resource().endsWith("Queue")),
                "the release function publishes no alert and sends no message: " + release);
        assertTrue(release.stream().anyMatch(g -> g.allows("dynamodb:BatchGetItem", "StaffTable")), "letters greet by name");
        assertFalse(release.stream().anyMatch(g -> g.allows("dynamodb:PutItem", "StaffTable")), "and never change the staff table");
    }

    /**
     * The bucket policy denies reading letters (current and old versions) to every principal but the
     * release function's role and, when given, the notice sender; evaluated for both values of the
     * condition, so a principal added to the exception by mistake fails here.
     */
    @Test
    void onlyTheReleaseFunctionAndTheNoticeSenderMayReadALetter() {
        Map<String, Object> deny = bucketPolicyStatement("OnlyTheReleaseFunctionAndTheNoticeSenderReadLetters");
        assertEquals("Deny", deny.get("Effect"));
        assertEquals("*", deny.get("Principal"));
        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion"), actionsOf("bucket policy", deny));
        assertEquals(Map.of("Fn::Sub", "${TriageBucket.Arn}/" + Letters.PREFIX + "*"), deny.get("Resource"));
        Map<String, Object> condition = map(map(deny.get("Condition")).get("ArnNotEquals"));
        assertEquals(Set.of("aws:PrincipalArn"), condition.keySet());
        List<Object> choice = list(map(condition.get("aws:PrincipalArn")).get("Fn::If"));
        assertEquals("HasNoticeSender", choice.get(0));
        Object releaseRole = Map.of("Fn::GetAtt", List.of("ReleaseFunctionRole", "Arn"));
        assertEquals(List.of(releaseRole, Map.of("Ref", "NoticeSenderPrincipalArn")), choice.get(1), "with a notice sender");
        assertEquals(List.of(releaseRole), choice.get(2), "without one, the release function alone");
        assertTrue(resources.containsKey("ReleaseFunction") && !resources.containsKey("ReleaseFunctionRole"),
                "the role is the one SAM generates from ReleaseFunction's Policies (<function>Role)");

        Map<String, Object> parameter = map(map(template.get("Parameters")).get("NoticeSenderPrincipalArn"));
        assertEquals("", parameter.get("Default"), "the notice sender is optional");
        Pattern allowed = Pattern.compile(String.valueOf(parameter.get("AllowedPattern")));
        assertTrue(allowed.matcher("").matches() && allowed.matcher("arn:aws:iam::123456789012:role/notice-sender").matches());
        for (String wildcard : List.of("*", "arn:aws:iam::*:root", "arn:aws:iam::123456789012:*")) {
            assertFalse(allowed.matcher(wildcard).matches(), "a wildcard principal is refused: " + wildcard);
        }
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "NoticeSenderPrincipalArn"), "")))),
                map(template.get("Conditions")).get("HasNoticeSender"));
    }

    @Test
    void theNoticeSenderMayDecryptThroughS3OnlyAndOnlyWhenGiven() {
        Map<String, Object> statement = null;
        for (Object st : list(map(map(map(resources.get("TriageKey")).get("Properties")).get("KeyPolicy")).get("Statement"))) {
            Object ifNode = map(st).get("Fn::If");
            if (ifNode != null && "HasNoticeSender".equals(list(ifNode).get(0))) {
                assertEquals(Map.of("Ref", "AWS::NoValue"), list(ifNode).get(2), "no statement without a notice sender");
                statement = map(list(ifNode).get(1));
            }
        }
        assertNotNull(statement, "the key policy has a statement for the notice sender");
        assertEquals("Allow", statement.get("Effect"));
        assertEquals(Map.of("AWS", Map.of("Ref", "NoticeSenderPrincipalArn")), statement.get("Principal"));
        assertEquals(List.of("kms:Decrypt"), actionsOf("key policy", statement));
        assertEquals(Map.of("StringEquals", Map.of("kms:ViaService", Map.of("Fn::Sub", "s3.${AWS::Region}.amazonaws.com"))),
                statement.get("Condition"), "through S3 only, where the bucket policy says which objects");
    }

    @Test
    void lettersExpireAfterTheirOwnRetention() {
        assertExpiresAfter(Letters.PREFIX, "LetterRetentionDays");
    }

    /** A manifest names every affected person: it expires too, after a retention of its own. */
    @Test
    void manifestsExpireAfterTheirOwnRetention() {
        assertExpiresAfter(IngestHandler.MANIFESTS_PREFIX, "ManifestRetentionDays");
    }

    private static void assertExpiresAfter(String prefix, String parameterName) {
        Map<String, Object> rule = null;
        Map<String, Object> bucket = map(map(resources.get("TriageBucket")).get("Properties"));
        for (Object r : list(map(bucket.get("LifecycleConfiguration")).get("Rules"))) {
            if (prefix.equals(map(r).get("Prefix"))) {
                rule = map(r);
            }
        }
        assertNotNull(rule, "a lifecycle rule for " + prefix);
        assertEquals("Enabled", rule.get("Status"));
        assertEquals(Map.of("Ref", parameterName), rule.get("ExpirationInDays"));
        assertNotNull(rule.get("NoncurrentVersionExpiration"), "old versions under " + prefix + " expire too");
        Map<String, Object> parameter = map(map(template.get("Parameters")).get(parameterName));
        assertEquals("Number", parameter.get("Type"));
        assertTrue(number(parameter.get("MinValue")) >= 1 && number(parameter.get("Default")) >= number(parameter.get("MinValue")));
    }

    // --- the notices topic, TLS on every queue and topic, the alarms' key statement ---------

    private static final String SUBSCRIBER = "arn:aws:iam::" + PolicyDocuments.ACCOUNT + ":role/notice-sender";
    private static final String ACCOUNT_ROOT = "arn:aws:iam::" + PolicyDocuments.ACCOUNT + ":root";

    /**
     * The notices topic's policy, evaluated: over TLS the named principal may subscribe, and every other
     * principal is explicitly denied, so no IAM policy in the account (an administrator's sns:*
     * included) lets anyone else receive the notices. Without the parameter, nobody may subscribe.
     */
    @Test
    void onlyTheNamedPrincipalMaySubscribeToTheNoticesTopic() {
        String topic = PolicyDocuments.arnOf("NoticesTopic");
        List<Map<String, Object>> policy = new PolicyDocuments(template, Map.of("NoticeSubscriberPrincipalArn", SUBSCRIBER))
                .statementsFor("AWS::SNS::TopicPolicy", "Topics", "NoticesTopic");
        assertEquals(PolicyDocuments.Decision.ALLOW, subscribe(policy, SUBSCRIBER, topic, true), "the named subscriber");
        assertEquals(PolicyDocuments.Decision.EXPLICIT_DENY, subscribe(policy, SUBSCRIBER, topic, false),
                "the named subscriber, without TLS");
        List<String> others = List.of(ACCOUNT_ROOT,
                "arn:aws:iam::" + PolicyDocuments.ACCOUNT + ":role/Administrator",
                "arn:aws:iam::" + PolicyDocuments.ACCOUNT + ":role/notice-sender-2",
                "arn:aws:iam::" + PolicyDocuments.ACCOUNT + ":user/notice-sender",
                "arn:aws:iam::444455556666:role/notice-sender",
                PolicyDocuments.arnOf("ReleaseFunctionRole"),
                "sns.amazonaws.com");
        for (String other : others) {
            assertEquals(PolicyDocuments.Decision.EXPLICIT_DENY, subscribe(policy, other, topic, true), other + " may not subscribe");
        }
        // The policy stops subscriptions, not the release function's publishing (its IAM policy allows that).
        assertEquals(PolicyDocuments.Decision.NO_DECISION, PolicyDocuments.evaluate(policy, new PolicyDocuments.Request(
                PolicyDocuments.arnOf("ReleaseFunctionRole"), "sns:Publish", topic, Map.of()).overTls(true)));

        List<Map<String, Object>> nobody = new PolicyDocuments(template, Map.of())
                .statementsFor("AWS::SNS::TopicPolicy", "Topics", "NoticesTopic");
        for (String anyone : Stream.concat(Stream.of(SUBSCRIBER), others.stream()).toList()) {
            assertEquals(PolicyDocuments.Decision.EXPLICIT_DENY, subscribe(nobody, anyone, topic, true),
                    "without NoticeSubscriberPrincipalArn nobody subscribes: " + anyone);
        }

        Map<String, Object> parameter = map(map(template.get("Parameters")).get("NoticeSubscriberPrincipalArn"));
        assertEquals("", parameter.get("Default"));
        Pattern allowed = Pattern.compile(String.valueOf(parameter.get("AllowedPattern")));
        assertTrue(allowed.matcher(SUBSCRIBER).matches());
        for (String wildcard : List.of("*", "arn:aws:iam::*:root", "arn:aws:iam::123456789012:*")) {
            assertFalse(allowed.matcher(wildcard).matches(), "a wildcard subscriber is refused: " + wildcard);
        }
    }

    private static PolicyDocuments.Decision subscribe(List<Map<String, Object>> policy, String principal, String topic, boolean tls) {
        return PolicyDocuments.evaluate(policy, new PolicyDocuments.Request(principal, "sns:Subscribe", topic, Map.of()).overTls(tls));
    }

    /**
     * Every queue and every topic denies each of its actions to everyone without TLS, as the bucket
     * does, and allows them over TLS as before (the policy leaves that to IAM).
     */
    @Test
    void everyQueueAndTopicDeniesRequestsWithoutTls() {
        PolicyDocuments deployed = new PolicyDocuments(template, Map.of("NoticeSubscriberPrincipalArn", SUBSCRIBER));
        Map<String, List<String>> checked = new LinkedHashMap<>();
        checked.put("AWS::SQS::Queue", List.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "sqs:SetQueueAttributes", "sqs:PurgeQueue"));
        checked.put("AWS::SNS::Topic", List.of("sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:SetTopicAttributes",
                "sns:ListSubscriptionsByTopic", "sns:DeleteTopic"));
        int resourcesChecked = 0;
        for (Map.Entry<String, List<String>> type : checked.entrySet()) {
            boolean queue = type.getKey().equals("AWS::SQS::Queue");
            for (String resource : ofType(type.getKey()).keySet()) {
                List<Map<String, Object>> policy = queue ? deployed.statementsFor("AWS::SQS::QueuePolicy", "Queues", resource)
                        : deployed.statementsFor("AWS::SNS::TopicPolicy", "Topics", resource);
                assertFalse(policy.isEmpty(), resource + " has no " + (queue ? "queue" : "topic") + " policy");
                String arn = PolicyDocuments.arnOf(resource);
                for (String action : type.getValue()) {
                    for (String principal : List.of(ACCOUNT_ROOT, SUBSCRIBER, "cloudwatch.amazonaws.com")) {
                        PolicyDocuments.Request request = new PolicyDocuments.Request(principal, action, arn,
                                Map.of("aws:SourceAccount", PolicyDocuments.ACCOUNT));
                        assertEquals(PolicyDocuments.Decision.EXPLICIT_DENY, PolicyDocuments.evaluate(policy, request.overTls(false)),
                                resource + ": " + action + " by " + principal + " without TLS");
                    }
                }
                resourcesChecked++;
            }
        }
        assertEquals(9, resourcesChecked, "7 queues and 2 topics");
        List<Map<String, Object>> queuePolicy = deployed.statementsFor("AWS::SQS::QueuePolicy", "Queues", "BatchQueue");
        assertEquals(PolicyDocuments.Decision.NO_DECISION, PolicyDocuments.evaluate(queuePolicy, new PolicyDocuments.Request(
                ACCOUNT_ROOT, "sqs:SendMessage", PolicyDocuments.arnOf("BatchQueue"), Map.of()).overTls(true)),
                "over TLS the functions' IAM policies decide");
    }

    /**
     * The alarms publish to the alerts topic as CloudWatch: the topic policy lets this account's alarms do
     * so (a topic policy replaces SNS's default one), and the key policy lets CloudWatch use the key for
     * the alerts topic only (SNS names the topic in the data key's encryption context).
     */
    @Test
    void cloudWatchAlarmsMayPublishAlertsAndUseTheKeyForTheAlertsTopicOnly() {
        List<Map<String, Object>> policy = new PolicyDocuments(template, Map.of())
                .statementsFor("AWS::SNS::TopicPolicy", "Topics", "AlertsTopic");
        String topic = PolicyDocuments.arnOf("AlertsTopic");
        String alarm = "arn:aws:cloudwatch:" + PolicyDocuments.REGION + ":" + PolicyDocuments.ACCOUNT + ":alarm:any";
        assertEquals(PolicyDocuments.Decision.ALLOW, PolicyDocuments.evaluate(policy, new PolicyDocuments.Request(
                "cloudwatch.amazonaws.com", "sns:Publish", topic, Map.of("aws:SourceAccount", PolicyDocuments.ACCOUNT,
                "aws:SourceArn", alarm)).overTls(true)));
        assertEquals(PolicyDocuments.Decision.NO_DECISION, PolicyDocuments.evaluate(policy, new PolicyDocuments.Request(
                "cloudwatch.amazonaws.com", "sns:Publish", topic, Map.of("aws:SourceAccount", "444455556666",
                "aws:SourceArn", alarm.replace(PolicyDocuments.ACCOUNT, "444455556666"))).overTls(true)), "another account's alarm");
        for (Map<String, Object> alarmResource : ofType("AWS::CloudWatch::Alarm").values()) {
            assertEquals(List.of(Map.of("Ref", "AlertsTopic")), map(alarmResource.get("Properties")).get("AlarmActions"));
        }

        Map<String, Object> statement = keyPolicyStatements(map(resources.get("TriageKey"))).stream()
                .filter(st -> "CloudWatchAlarmsPublishToTheAlertsTopic".equals(st.get("Sid"))).findFirst().orElseThrow();
        Map<String, Object> condition = map(map(statement.get("Condition")).get("StringEquals"));
        assertEquals(Set.of("kms:EncryptionContext:aws:sns:topicArn"), condition.keySet());
        String topicName = sub(map(map(resources.get("AlertsTopic")).get("Properties")).get("TopicName"));
        assertEquals("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:" + topicName,
                sub(condition.get("kms:EncryptionContext:aws:sns:topicArn")), "the alerts topic's ARN, built from its name");
    }

    // --- reserved concurrency -----------------------------------------------------------------

    /**
     * Each function has concurrency reserved (and so capped) by a parameter of its own; an SQS trigger
     * invokes no more at once than that, since a throttled invocation counts a receive of its messages
     * and five of those send a batch to the dead-letter queue.
     */
    @Test
    void everyFunctionReservesConcurrencyFromAParameterAndItsQueueStaysWithinIt() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        Set<Object> used = new LinkedHashSet<>();
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            Object reserved = functionProps(function).get("ReservedConcurrentExecutions");
            assertNotNull(reserved, function + " has no reserved concurrency");
            String parameterName = String.valueOf(map(reserved).get("Ref"));
            assertTrue(used.add(parameterName), parameterName + " is shared: each function has its own");
            Map<String, Object> parameter = map(parameters.get(parameterName));
            assertEquals("Number", parameter.get("Type"), parameterName);
            assertTrue(number(parameter.get("MinValue")) >= 1, parameterName + ": a reservation of 0 would stop " + function);
            assertTrue(number(parameter.get("Default")) >= number(parameter.get("MinValue")), parameterName);
            Map<String, Object> trigger = map(map(functionProps(function).get("Events")).values().iterator().next());
            if ("SQS".equals(trigger.get("Type"))) {
                Map<String, Object> scaling = map(map(trigger.get("Properties")).get("ScalingConfig"));
                assertEquals(reserved, scaling.get("MaximumConcurrency"), function + "'s queue may invoke it beyond its reservation");
                assertTrue(number(parameter.get("MinValue")) >= 2, parameterName + ": SQS's MaximumConcurrency is at least 2");
            }
        }
    }

    /** A key policy's statements, a conditional one ({@code !If [Condition, statement, !Ref AWS::NoValue]}) as its statement. */
    private static List<Map<String, Object>> keyPolicyStatements(Map<String, Object> key) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object statement : list(map(map(key.get("Properties")).get("KeyPolicy")).get("Statement"))) {
            Object conditional = map(statement).get("Fn::If");
            if (conditional != null) {
                list(conditional).subList(1, 3).stream().filter(branch -> !Map.of("Ref", "AWS::NoValue").equals(branch))
                        .forEach(branch -> statements.add(map(branch)));
            } else {
                statements.add(map(statement));
            }
        }
        return statements;
    }

    private static Map<String, Object> bucketPolicyStatement(String sid) {
        for (Map<String, Object> policy : ofType("AWS::S3::BucketPolicy").values()) {
            for (Object statement : list(map(map(policy.get("Properties")).get("PolicyDocument")).get("Statement"))) {
                if (sid.equals(map(statement).get("Sid"))) {
                    return map(statement);
                }
            }
        }
        throw new AssertionError("no bucket policy statement " + sid);
    }

    // --- data kept, failures named, logs ----------------------------------------------------

    /** Types that hold data or keys: a delete or a replacement must not destroy them. */
    private static final Set<String> STATEFUL = Set.of("AWS::KMS::Key", "AWS::DynamoDB::Table", "AWS::S3::Bucket",
            "AWS::SQS::Queue", "AWS::Logs::LogGroup");

    @Test
    void everyStatefulResourceIsKeptOnDeleteAndOnReplacement() {
        List<String> stateful = new ArrayList<>();
        resources.forEach((name, resource) -> {
            Map<String, Object> r = map(resource);
            if (STATEFUL.contains(r.get("Type"))) {
                stateful.add(name);
                for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                    assertTrue(Set.of("Retain", "Snapshot").contains(r.get(policy)),
                            name + " has " + policy + " " + r.get(policy) + ": CloudFormation would delete its data");
                }
            }
        });
        assertEquals(Set.of("TriageKey", "TriageBucket", "StaffTable", "CaseTable", "BatchQueue", "BatchDeadLetterQueue",
                "ReportQueue", "ReportDeadLetterQueue", "ReleaseQueue", "ReleaseDeadLetterQueue", "IngestFailureQueue",
                "IngestLogGroup", "ScoreLogGroup", "ReportLogGroup", "ReleaseLogGroup", "ClockLogGroup"), Set.copyOf(stateful),
                "the key, the bucket, 2 tables, 7 queues and the 5 functions' log groups");
    }

    @Test
    void aManifestWhoseIngestFailsEveryRetryIsSentToAnAlarmedQueue() {
        Map<String, Object> config = map(functionProps("IngestFunction").get("EventInvokeConfig"));
        assertEquals(2L, number(config.get("MaximumRetryAttempts")), "Lambda's three attempts, then the destination");
        Map<String, Object> onFailure = map(map(config.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", onFailure.get("Type"));
        @SuppressWarnings("unchecked")
        List<String> destination = (List<String>) map(onFailure.get("Destination")).get("Fn::GetAtt");
        assertEquals("Arn", destination.get(1));
        String queue = destination.get(0);
        assertEquals("AWS::SQS::Queue", map(resources.get(queue)).get("Type"));
        assertTrue(alarmWatches("AWS/SQS", "QueueName", queue), "no alarm on the depth of " + queue);
        assertEquals("S3", map(map(functionProps("IngestFunction").get("Events")).values().iterator().next()).get("Type"),
                "the destination is on the asynchronously invoked function");
    }

    @Test
    void everyFunctionLogsJsonToAnEncryptedLogGroupWithRetention() {
        for (String function : ofType("AWS::Serverless::Function").keySet()) {
            Map<String, Object> logging = map(functionProps(function).get("LoggingConfig"));
            assertEquals("JSON", logging.get("LogFormat"), function);
            String group = (String) map(logging.get("LogGroup")).get("Ref");
            Map<String, Object> groupProps = map(map(resources.get(group)).get("Properties"));
            assertEquals(Map.of("Ref", "LogRetentionDays"), groupProps.get("RetentionInDays"), group);
            assertEquals(Map.of("Fn::GetAtt", List.of("TriageKey", "Arn")), groupProps.get("KmsKeyId"), group);
            assertEquals("/aws/lambda/" + sub(functionProps(function).get("FunctionName")), sub(groupProps.get("LogGroupName")),
                    group + " is the log group Lambda would write " + function + "'s logs to");
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(name, map(resource));
            }
        });
        return found;
    }

    private static Map<String, Object> functionProps(String function) {
        return map(map(resources.get(function)).get("Properties"));
    }

    private static Map<String, Object> sqsTrigger(String function) {
        Map<String, Object> events = map(functionProps(function).get("Events"));
        Map<String, Object> trigger = map(events.values().iterator().next());
        assertEquals("SQS", trigger.get("Type"), function);
        return map(trigger.get("Properties"));
    }

    private static Map<String, Object> variables(Map<String, Object> functionProps) {
        Object environment = functionProps.get("Environment");
        return environment == null ? Map.of() : map(map(environment).get("Variables"));
    }

    /** The values of the public static final String fields named ENV or ENV_*: the variables the class reads. */
    private static List<String> envConstants(Class<?> type) throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : type.getFields()) {
            int mods = field.getModifiers();
            if (Modifier.isStatic(mods) && Modifier.isFinal(mods) && field.getType() == String.class
                    && (field.getName().equals("ENV") || field.getName().startsWith("ENV_"))) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    /** The values of the public static final String fields named *_VARIABLE (the letter settings' variables). */
    private static List<String> variableConstants(Class<?> type) throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && field.getName().endsWith("_VARIABLE")) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    /** The I and O of RequestHandler<I, O>, implemented directly or through one interface (SqsFunction). */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Type implemented : type.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return p.getActualTypeArguments();
            }
            if (implemented instanceof Class<?> viaInterface && RequestHandler.class.isAssignableFrom(viaInterface)) {
                return requestHandlerTypes(viaInterface);
            }
        }
        throw new AssertionError(type + " does not implement RequestHandler<I, O> with concrete types");
    }

    private static List<String> actionsOf(String where, Map<String, Object> statement) {
        Object action = statement.get("Action");
        assertNotNull(action, where + ": a statement without Action (NotAction is not allowed either)");
        return action instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
    }

    private static boolean alarmWatches(String namespace, String dimension, String resource) {
        for (Map<String, Object> alarm : ofType("AWS::CloudWatch::Alarm").values()) {
            Map<String, Object> props = map(alarm.get("Properties"));
            if (!namespace.equals(props.get("Namespace"))) {
                continue;
            }
            for (Object d : list(props.get("Dimensions"))) {
                Object value = map(d).get("Value");
                if (dimension.equals(map(d).get("Name")) && (Map.of("Ref", resource).equals(value)
                        || Map.of("Fn::GetAtt", List.of(resource, "QueueName")).equals(value))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean tlsOnly(String bucket) {
        for (Map<String, Object> policy : ofType("AWS::S3::BucketPolicy").values()) {
            Map<String, Object> props = map(policy.get("Properties"));
            if (!Map.of("Ref", bucket).equals(props.get("Bucket"))) {
                continue;
            }
            for (Object statement : list(map(props.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> s = map(statement);
                Object secure = map(map(s.getOrDefault("Condition", Map.of())).getOrDefault("Bool", Map.of())).get("aws:SecureTransport");
                if ("Deny".equals(s.get("Effect")) && ("false".equals(String.valueOf(secure)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(String.valueOf(value));
    }

    private static Map<String, Object> map(Object value) {
        return CloudFormationYaml.map(value);
    }

    private static List<Object> list(Object value) {
        return CloudFormationYaml.list(value);
    }
}
