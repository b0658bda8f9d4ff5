package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.ReleaseRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The release handler fed {@code events/sqs/release-request.json} as Lambda would pass it, after the
 * score handler scored the fixture batches: the fixture holds the requests scoring sends, they publish
 * the notices released at once with their letters, once however often they are delivered, and a body
 * that is not a request fails alone, logged without a word of it.
 */
@ExtendWith(EmulatorStackExtension.class)
class ReleaseHandlerTest {

    private final EmulatorStack stack;
    /**
     * The fixtures' case and incident, moved to ones of this test's own: the tests of one JVM share the
     * tables, and {@link ScoreAndReportHandlerTest} opens the fixture case itself.
     */
    private final String caseId = String.format("BT-%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private final String incidentId = String.format("IN-%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());

    ReleaseHandlerTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void theFixtureIsWhatScoringAsksAndPublishesTheReleasedNoticesOnceWithTheirLetters() throws Exception {
        SQSEvent scoreBatch = ownIncident(Fixtures.sqsEvent("sqs/score-batch.json"));
        SQSEvent fixture = ownIncident(Fixtures.sqsEvent("sqs/release-request.json"));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            ScoreAndReportHandlerTest.importFixturePeople(q.wiring);
            ScoreAndReportHandlerTest.openFixtureCase(q.wiring, scoreBatch, caseId, incidentId);
            assertEquals(List.of(), new ScoreHandler(q.wiring).handleRequest(scoreBatch, new CapturingContext("score"))
                    .getBatchItemFailures());

            List<Message> asked = q.harness().receive(q.names.releaseQueueUrl(), 10, Duration.ofSeconds(1));
            q.harness().deleteExcept(q.names.releaseQueueUrl(), asked, Set.of());
            assertEquals(Set.copyOf(fixture.getRecords().stream().map(m -> SqsReleaseRequests.requestFrom(m.getBody())).toList()),
                    Set.copyOf(asked.stream().map(m -> SqsReleaseRequests.requestFrom(m.body())).toList()),
                    "the fixture holds the requests scoring sends for the fixture batches");
            Set<String> released = new HashSet<>();
            fixture.getRecords().forEach(m -> released.addAll(SqsReleaseRequests.requestFrom(m.getBody()).payNumbers()));
            for (String payNumber : released) {
                assertEquals(Band.MEDIUM, person(q, payNumber).band(), "scoring releases MEDIUM's notices at once");
            }

            CapturingContext log = new CapturingContext("release");
            ReleaseHandler releaser = new ReleaseHandler(q.wiring);
            assertEquals(List.of(), releaser.handleRequest(fixture, log).getBatchItemFailures());

            for (String payNumber : released) {
                PersonNotice notice = person(q, payNumber).notices().getFirst();
                assertTrue(notice.published(), payNumber + "'s notice is out");
                assertTrue(q.wiring.adapters().outputs().head(Letters.noticeKey(incidentId, notice.noticeId())).isPresent(),
                        "with its letter");
            }
            assertTrue(q.wiring.adapters().outputs().head(Letters.generalKey(incidentId)).isPresent(),
                    "the general staff communication went with the first release");
            Set<String> told = new HashSet<>();
            q.wiring.adapters().persons().forEach(incidentId, p -> {
                if (p.notices().stream().anyMatch(PersonNotice::published)) {
                    told.add(p.payNumber());
                }
            });
            assertEquals(released, told, "exactly the people the requests named; the others wait for approvers");
            // The fixture's two requests are of one incident, so they are published together (10 a PublishBatch).
            assertTrue(log.text().contains("and 1 other request(s) of the event: 2 notice(s) published"), log.text());
            assertTrue(log.text().contains("published with the event's other requests of incident " + incidentId), log.text());

            CapturingContext again = new CapturingContext("release");
            assertEquals(List.of(), releaser.handleRequest(ownIncident(Fixtures.sqsEvent("sqs/release-request.json")), again)
                    .getBatchItemFailures());
            assertTrue(again.text().contains(": 0 notice(s) published"), again.text());
            assertFalse(again.text().matches("(?s).*: [1-9][0-9]* notice\\(s\\) published.*"), "nothing twice: " + again.text());
            for (String personal : List.of("MP000001", "MP000002", "Hussain", "Nadia")) {
                assertFalse(log.text().contains(personal) || again.text().contains(personal), "personal data in the log");
            }
        }
    }

    @Test
    void theFixturesMd5OfBodyIsWhatSqsWouldHaveComputed() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (SQSEvent.SQSMessage m : Fixtures.sqsEvent("sqs/release-request.json").getRecords()) {
            assertEquals(HexFormat.of().formatHex(md5.digest(m.getBody().getBytes(StandardCharsets.UTF_8))), m.getMd5OfBody(),
                    m.getMessageId());
            assertEquals("aws:sqs", m.getEventSource());
        }
    }

    @Test
    void aBodyThatIsNotARequestOrNamesNoKnownIncidentFailsAloneAndTheLogQuotesNothingOfIt() {
        SQSEvent event = Fixtures.sqsEvent("sqs/release-request.json");
        SQSEvent.SQSMessage truncated = event.getRecords().get(0);
        truncated.setBody(truncated.getBody().substring(0, truncated.getBody().indexOf("MP000002") + 6));
        SQSEvent.SQSMessage unknown = event.getRecords().get(1);
        unknown.setBody(SqsReleaseRequests.body(ReleaseRequest.forBatch("IN-00000000000000ff",
                ScoreAndReportHandlerTest.FIXTURE_CASE, 1, List.of("MP000001"))));
        SQSEvent.SQSMessage notAString = Fixtures.sqsEvent("sqs/release-request.json").getRecords().get(0);
        notAString.setMessageId("pay-numbers-not-strings");
        notAString.setBody(notAString.getBody().replace("[\"MP000002\"]", "[\"MP000002\",{\"surname\":\"Hussain\"}]"));
        event.setRecords(List.of(truncated, unknown, notAString));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            CapturingContext log = new CapturingContext("release");

            var response = new ReleaseHandler(q.wiring).handleRequest(event, log);

            assertEquals(List.of(truncated.getMessageId(), unknown.getMessageId(), "pay-numbers-not-strings"),
                    response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
            assertTrue(log.text().contains("not a release request") && log.text().contains("com.fasterxml.jackson."),
                    "says why, naming the parser's exception class: " + log.text());
            assertTrue(log.text().contains("incident IN-00000000000000ff, case " + ScoreAndReportHandlerTest.FIXTURE_CASE
                    + ", batch 1"), "names what it was working on: " + log.text());
            for (String personal : List.of("MP000001", "MP000002", "MP0000", "Hussain")) {
                assertFalse(log.text().contains(personal), "personal data in the log: " + log.text());
            }
            assertEquals(Map.of("DynamoDb.GetItem", 1L), q.counter.snapshot(),
                    "the malformed bodies made no call; the unknown incident one read of it");
        }
    }

    private IncidentPerson person(PrivateQueues q, String payNumber) {
        return q.wiring.adapters().persons().find(incidentId, payNumber).orElseThrow();
    }

    private SQSEvent ownIncident(SQSEvent event) {
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            assertTrue(m.getBody().contains(ScoreAndReportHandlerTest.FIXTURE_INCIDENT), m.getBody());
            assertTrue(m.getBody().contains(ScoreAndReportHandlerTest.FIXTURE_CASE), m.getBody());
            m.setBody(m.getBody().replace(ScoreAndReportHandlerTest.FIXTURE_INCIDENT, incidentId)
                    .replace(ScoreAndReportHandlerTest.FIXTURE_CASE, caseId));
        }
        return event;
    }
}
