package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.core.release.NoticeDispatch;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseRequest;
import org.junit.jupiter.api.Test;

/**
 * How the release handler groups an event's requests: the batch requests of one incident go to the
 * dispatch as one request (so their notices fill PublishBatch requests of 10 together), 100 people a
 * call; a whole-incident request and a body that is not a request are handled alone; a
 * failure of the merged request fails each of its messages; nothing is started with too little time left.
 * The dispatch itself (claims, letters, PublishBatch, marks) runs on the emulators in ReleaseHandlerTest,
 * FullPipelineTest and HandlerFaultsTest; here it is a recording stand-in of the core port.
 */
class ReleaseHandlerMergeTest {
    private static final String INCIDENT_A = "IN-00000000000000a1";
    private static final String INCIDENT_B = "IN-00000000000000b2";
    private static final String CASE = "BT-00000000000000c3";

    /** Records each request it is handed; fails those naming {@code failOn}. */
    private static final class Recording implements ReleaseNotices {
        final List<ReleaseRequest> handed = new ArrayList<>();
        String failOn;

        @Override
        public NoticeDispatch.Dispatched publishReleased(ReleaseRequest request) {
            handed.add(request);
            if (failOn != null && request.payNumbers().contains(failOn)) {
                throw new IllegalStateException("injected");
            }
            return new NoticeDispatch.Dispatched(request.payNumbers().size(), 0);
        }

        @Override
        public Approved approve(Approve command) {
            throw new UnsupportedOperationException("not used by the release handler");
        }

        @Override
        public HoldOutcome hold(HoldPerson command) {
            throw new UnsupportedOperationException("not used by the release handler");
        }

        @Override
        public HoldOutcome unhold(LiftHold command) {
            throw new UnsupportedOperationException("not used by the release handler");
        }
    }

    private static SQSMessage message(String id, String body) {
        SQSMessage m = new SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    private static SQSMessage batch(String id, String incident, long batchNo, List<String> payNumbers) {
        return message(id, SqsReleaseRequests.body(ReleaseRequest.forBatch(incident, CASE, batchNo, payNumbers)));
    }

    private static SQSEvent event(SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static List<String> payNumbers(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> String.format("MP%06d", i)).toList();
    }

    @Test
    void theBatchRequestsOfOneIncidentArePublishedAsOneAndTheRestAlone() {
        Recording release = new Recording();
        CapturingContext log = new CapturingContext("release");

        SQSBatchResponse response = new ReleaseHandler(release).handleRequest(event(
                batch("m1", INCIDENT_A, 1, List.of("MP000001", "MP000002")),
                batch("m2", INCIDENT_B, 2, List.of("MP000003")),
                message("m3", "{\"schemaVersion\":\"3\",\"incidentId\":"),
                batch("m4", INCIDENT_A, 3, List.of("MP000004", "MP000001")),
                message("m5", SqsReleaseRequests.body(ReleaseRequest.forIncident(INCIDENT_A)))), log);

        assertEquals(List.of("m3"), failed(response), "only the body that is not a request fails");
        assertEquals(3, release.handed.size(), "incident A's two batches as one, B's alone, A's whole-incident request alone: "
                + release.handed);
        assertEquals(ReleaseRequest.forBatch(INCIDENT_A, CASE, 1, List.of("MP000001", "MP000002", "MP000004")),
                release.handed.get(0), "each person once, in the order asked");
        assertEquals(List.of("MP000003"), release.handed.get(1).payNumbers());
        assertTrue(release.handed.get(2).wholeIncident());
        assertTrue(log.text().contains("3 notice(s) published"), log.text());
        assertTrue(log.text().contains("published with the event's other requests"), log.text());
    }

    @Test
    void aMergedRequestGoesToTheDispatchOneRoundOfPeopleAtATime() {
        Recording release = new Recording();

        SQSBatchResponse response = new ReleaseHandler(release).handleRequest(event(
                batch("m1", INCIDENT_A, 1, payNumbers(0, 60)),
                batch("m2", INCIDENT_A, 2, payNumbers(60, 40)),
                batch("m3", INCIDENT_A, 3, payNumbers(100, 30)),
                batch("m4", INCIDENT_A, 4, payNumbers(130, 20))), new CapturingContext("release"));

        assertEquals(List.of(), failed(response));
        assertEquals(List.of(100, 50), release.handed.stream().map(r -> r.payNumbers().size()).toList(),
                "150 people of four batches: 100, then 50, whatever batch they came from");
        assertEquals(payNumbers(0, 150), release.handed.stream().flatMap(r -> r.payNumbers().stream()).toList());
        assertEquals(ReleaseHandler.PEOPLE_PER_CALL, release.handed.getFirst().payNumbers().size());
    }

    @Test
    void whenTimeRunsOutBetweenPartsTheRestIsNotStartedAndEveryMessageOfTheRequestComesBack() {
        Recording release = new Recording();
        CapturingContext running = new CapturingContext("release",
                () -> release.handed.isEmpty() ? 20_000 : ReleaseHandler.START_RESERVE_MILLIS - 1);

        SQSBatchResponse response = new ReleaseHandler(release).handleRequest(event(
                batch("m1", INCIDENT_A, 1, payNumbers(0, 80)),
                batch("m2", INCIDENT_A, 2, payNumbers(80, 80))), running);

        assertEquals(1, release.handed.size(), "the first 100 people went out, the other 60 were not started");
        assertEquals(List.of("m1", "m2"), failed(response), "both come back; their re-delivery finds the first 100 told");
    }

    @Test
    void aFailedMergedRequestFailsEachOfItsMessagesAndIsRunOnce() {
        Recording release = new Recording();
        release.failOn = "MP000002";

        SQSBatchResponse response = new ReleaseHandler(release).handleRequest(event(
                batch("m1", INCIDENT_A, 1, List.of("MP000001")),
                batch("m2", INCIDENT_A, 2, List.of("MP000002")),
                batch("m3", INCIDENT_B, 3, List.of("MP000003"))), new CapturingContext("release"));

        assertEquals(List.of("m1", "m2"), failed(response), "both messages of the failed request come back");
        assertEquals(2, release.handed.size(), "the merged request is tried once, not once per message: " + release.handed);
    }

    @Test
    void nothingIsStartedWithTooLittleOfTheInvocationLeft() {
        Recording release = new Recording();
        CapturingContext almostOut = new CapturingContext("release", () -> ReleaseHandler.START_RESERVE_MILLIS - 1);

        SQSBatchResponse response = new ReleaseHandler(release).handleRequest(event(
                batch("m1", INCIDENT_A, 1, List.of("MP000001")),
                batch("m2", INCIDENT_A, 2, List.of("MP000002")),
                batch("m3", INCIDENT_B, 3, List.of("MP000003"))), almostOut);

        assertEquals(List.of("m1", "m2", "m3"), failed(response), "each comes back after the visibility timeout");
        assertEquals(List.of(), release.handed, "untouched: no claim taken, so none strands a notice");
    }
}
