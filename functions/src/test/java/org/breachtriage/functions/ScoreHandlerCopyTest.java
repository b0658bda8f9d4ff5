package org.breachtriage.functions;

import static org.breachtriage.core.scenarios.ScenarioHarness.AWARE_AT;
import static org.breachtriage.core.scenarios.ScenarioHarness.incident;
import static org.breachtriage.core.scenarios.ScenarioHarness.incidentStating;
import static org.breachtriage.core.scenarios.ScenarioHarness.subjects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.breachtriage.aws.sandbox.EventSourceSimulator;
import org.breachtriage.aws.sandbox.LambdaRunner;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.ports.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One warm score handler (one container: its copy of the incident lives as long as it does) on the
 * emulators, fed batches in an order that leaves its copy behind the incident: a manifest superseded,
 * or DPA 2018 Part 3 stated, after the copy was read and before the old manifest's batches are scored.
 * Nobody is told on a superseded manifest's strength, and a member of the public's notice waits for an
 * approver, exactly as when the incident was read afresh for every batch. (What the copy saves is counted
 * by RequestCountTest and FullPipelineTest: {@link RequestTable#readBudget}.)
 */
@ExtendWith(EmulatorStackExtension.class)
class ScoreHandlerCopyTest {
    /** Long enough that a held batch does not come back while the test scores others. */
    private static final int HOLD_SECONDS = 600;

    private final EmulatorStack stack;

    ScoreHandlerCopyTest(EmulatorStack stack) {
        this.stack = stack;
    }

    /**
     * MEDIUM police staff (name and photo), released at once by the default policy: T1 in the old manifest and
     * its replacement, T2 in the old one only, T3 in the old one and a third manifest that names them LOW.
     */
    @Test
    void aManifestSupersededAfterTheScorersCopyWasReadTellsNobodyOnItsStrength() throws Exception {
        try (Run run = new Run(new PrivateQueues(stack))) {
            String t1 = run.pay("T1");
            String t2 = run.pay("T2");
            String t3 = run.pay("T3");
            run.q.wiring.adapters().staff().putAll(List.of(staff(t1), staff(t2), staff(t3)));
            String ref = run.reference();
            String oldKey = run.upload("first.csv", incident(ref, AWARE_AT),
                    "pay_number,exposed_fields\n" + t1 + ",name;photo\n" + t2 + ",name;photo\n" + t3 + ",name;photo\n");
            String id = run.ingest(oldKey);
            List<Message> oldBatches = run.hold();
            run.ingestAndScore(run.upload("other.csv", incident(ref, AWARE_AT), "pay_number,exposed_fields\n" + t3
                    + ",pay_number\n")); // the copy: the incident lists the old manifest, not superseded
            run.ingest(run.upload("replacement.csv", incident(ref, AWARE_AT, oldKey), "pay_number,exposed_fields\n" + t1
                    + ",name;photo\n"));
            List<Message> replacementBatches = run.hold();

            run.score(oldBatches);
            run.release();
            assertEquals(Set.of(), run.told(id, t1, t2, t3), "the release step finds T1 and T2 no longer listed");
            run.score(replacementBatches);
            run.release();

            assertEquals(Set.of(t1), run.told(id, t1, t2, t3), "T1 once the replacement lists them; never T2 or T3");
            assertEquals(1, run.person(id, t1).notices().stream().filter(PersonNotice::published).count());
            assertEquals(List.of(), run.person(id, t3).notices(), "T3 is not told on the superseded manifest's strength");
        }
    }

    /**
     * A member of the public (OTHER) at MEDIUM, which the default policy releases at once, in a manifest that
     * states no regime; another manifest of the incident states DPA 2018 Part 3 before theirs is ingested, or
     * after the scorer's copy was read and before their batch is scored. Either way their notice waits for
     * an approver, so that s.68(7) can be decided first.
     */
    @Test
    void aPartThreeStatedAfterTheScorersCopyWasReadStillMakesAMemberOfThePublicsNoticeWait() throws Exception {
        for (boolean statedFirst : List.of(true, false)) {
            try (Run run = new Run(new PrivateQueues(stack))) {
                String t1 = run.pay("T1");
                run.q.wiring.adapters().staff().putAll(List.of(staff(t1)));
                String ref = run.reference();
                String statedKey = run.upload("stated.csv", incidentStating(ref, AWARE_AT, "DPA2018_PART3"),
                        subjects("OTHER,O-2,name"));
                String plainKey = run.upload("plain.csv", incident(ref, AWARE_AT), subjects("OTHER,O-1,name;photo"));
                String id;
                if (statedFirst) {
                    id = run.ingestAndScore(statedKey);
                    run.ingestAndScore(plainKey);
                } else {
                    id = run.ingest(plainKey);
                    List<Message> waiting = run.hold();
                    run.ingestAndScore(run.upload("staff.csv", incident(ref, AWARE_AT), "pay_number,exposed_fields\n" + t1
                            + ",name;photo\n")); // the copy: the incident lists the plain manifest, under no regime
                    run.ingest(statedKey);
                    List<Message> statedBatches = run.hold();
                    run.score(waiting);
                    run.score(statedBatches);
                }
                run.release();

                String order = statedFirst ? "stated first: " : "stated meanwhile: ";
                assertEquals(Regime.DPA_2018_PART_3, run.q.wiring.adapters().incidents().find(id).orElseThrow()
                        .reportingRegime(), order);
                PersonNotice notice = run.person(id, "OTHER:O-1").notices().getLast();
                assertEquals(1, notice.approvalsNeeded(), order + notice);
                assertTrue(notice.awaitingRelease(), order + notice);
                assertFalse(notice.published(), order + "nothing went out before anyone could restrict it");
            }
        }
    }

    private static StaffMember staff(String pay) {
        return new StaffMember(pay, "Sam", "Jones", StaffType.STAFF, null, "Finance", Set.of(), null,
                ContactChannel.EMAIL, null, PipelineTarget.FORCE, NameRarity.COMMON);
    }

    /** One test's queues, and one warm handler of each kind over them. */
    private static final class Run implements AutoCloseable {
        private final PrivateQueues q;
        private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        private final EventSourceSimulator events;
        private final ScoreHandler scorer;
        private final ReleaseHandler releaser;
        private final PrintWriter err = new PrintWriter(new StringWriter());

        Run(PrivateQueues q) {
            this.q = q;
            this.events = new EventSourceSimulator(q.stack.clients().sqs(), "us-east-1");
            this.scorer = new ScoreHandler(q.wiring);
            this.releaser = new ReleaseHandler(q.wiring);
        }

        String pay(String name) {
            return "CP" + tag + "-" + name;
        }

        String reference() {
            return "INC-COPY-" + tag;
        }

        String upload(String name, String incidentJson, String manifest) throws Exception {
            ObjectStore objects = q.wiring.adapters().outputs();
            String key = "manifests/copy-" + tag + "/" + name;
            objects.put(key + ".incident.json", incidentJson.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
            objects.put(key, manifest.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
            return key;
        }

        /** Ingests the manifest (its batches are queued, not scored); returns its incident id. */
        String ingest(String key) throws Exception {
            ObjectStore objects = q.wiring.adapters().outputs();
            IngestHandler.Summary ingested = new IngestHandler(q.wiring).handleRequest(
                    q.harness().objectCreated(q.names.bucket(), objects.head(key).orElseThrow()), new CapturingContext("ingest"));
            assertEquals(1, ingested.caseIds().size(), ingested.toString());
            return q.wiring.adapters().cases().find(ingested.caseIds().getFirst()).orElseThrow().incidentId();
        }

        String ingestAndScore(String key) throws Exception {
            String id = ingest(key);
            assertEquals(0, LambdaRunner.drain(q.stack.clients().sqs(), events, q.names.batchQueueUrl(),
                    e -> scorer.handleRequest(e, new CapturingContext("score")), err).failed());
            release();
            return id;
        }

        /** Takes the queued batches off the queue, hidden from other receivers, to be scored later. */
        List<Message> hold() {
            List<Message> held = q.stack.clients().sqs().receiveMessage(r -> r.queueUrl(q.names.batchQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(HOLD_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            assertFalse(held.isEmpty(), "a batch was queued");
            return held;
        }

        void score(List<Message> batches) {
            assertEquals(Set.of(), events.invoke(q.names.batchQueueUrl(), batches,
                    e -> scorer.handleRequest(e, new CapturingContext("score"))), "every batch scored");
        }

        void release() {
            assertEquals(0, LambdaRunner.drain(q.stack.clients().sqs(), events, q.names.releaseQueueUrl(),
                    e -> releaser.handleRequest(e, new CapturingContext("release")), err).failed());
        }

        IncidentPerson person(String incidentId, String key) {
            return q.wiring.adapters().persons().find(incidentId, key).orElseThrow();
        }

        /** Of these people, those with a notice published. */
        Set<String> told(String incidentId, String... keys) {
            return java.util.Arrays.stream(keys).filter(k -> person(incidentId, k).notices().stream()
                    .anyMatch(PersonNotice::published)).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public void close() {
            q.close();
        }
    }
}
