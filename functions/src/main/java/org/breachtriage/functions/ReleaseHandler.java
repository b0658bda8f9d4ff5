package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.core.release.NoticeDispatch;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * Triggered by the release queue: each message names a batch's people whose notices scoring released
 * at once, or a whole incident. Handed to {@link ReleaseNotices#publishReleased}, which claims each
 * person's released notices, writes their letters under {@code letters/} and publishes them, so a
 * re-delivered message publishes nothing twice. This is the only function that writes letters.
 *
 * <p>The batch requests of one incident in one event are published together, as one request naming
 * all their people: a batch's notices seldom come to a multiple of 10, so publishing each request on
 * its own would send a part-filled PublishBatch per batch, while together they fill requests of 10
 * across the batches and leave, with one notice a person, one part-filled request per incident and event. Nothing changes about when a person is marked
 * told: each notice is still marked only after the PublishBatch that carried it succeeded. If the
 * merged request fails, every message of it is reported failed and re-delivered; a re-delivery
 * publishes only what is still unpublished (claims are per person), so nobody is told twice.
 *
 * <p>The merged request goes to the dispatch {@link #PEOPLE_PER_CALL} people at a time (one round of
 * {@link NoticeDispatch}; with one notice a person, ten full PublishBatch requests), and each part, like
 * each request handled alone, is started only while {@link #START_RESERVE_MILLIS} of the invocation
 * remain: enough for one round with throttled retries. What is not started is reported failed and
 * comes back after the queue's visibility timeout; what was published is no longer claimable then. So
 * an invocation stays inside its timeout, and a dead publisher's re-send inside the notices topic's
 * five-minute de-duplication window (docs/design-notes.md).
 */
public final class ReleaseHandler implements SqsFunction {
    /** People handed to the dispatch in one call: one round of {@link NoticeDispatch}. */
    static final int PEOPLE_PER_CALL = 100;
    /** Time an invocation must have left to start a request or part of one: half the function's 30 s timeout. */
    static final int START_RESERVE_MILLIS = 15_000;

    private final ReleaseNotices release;

    /** Used by the Lambda runtime. */
    public ReleaseHandler() {
        this(FunctionWiring.shared());
    }

    public ReleaseHandler(FunctionWiring wiring) {
        this(wiring.pipeline().release());
    }

    public ReleaseHandler(ReleaseNotices release) {
        this.release = release;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Map<String, Merged> byMessage = mergeBatchRequests(event);
        return SqsMessages.processEach(event, context, "release", "ReleasesFailed", message -> {
            ReleaseRequest request;
            try {
                request = SqsReleaseRequests.requestFrom(message.getBody());
            } catch (IllegalArgumentException e) {
                // Its reason quotes nothing of the body (requestFrom's contract), so it may go in the log.
                throw new SqsMessages.Failed(null, "not a release request: " + e.getMessage(), e);
            }
            String scope = request.wholeIncident() ? "incident " + request.incidentId()
                    : "incident " + request.incidentId() + ", case " + request.caseId() + ", batch " + request.batchNo();
            Merged merged = byMessage.get(message.getMessageId());
            try {
                if (merged == null) {
                    requireTimeToStart(context);
                    return handled(request, scope, release.publishReleased(request));
                }
                NoticeDispatch.Dispatched done = merged.publishOnce(release, context);
                if (!merged.reportsFor(message)) {
                    return new SqsMessages.Handled(request.caseId(), scope + ": published with the event's other requests of "
                            + "incident " + request.incidentId(), List.of(new Metric("NoticesPublished", 0)));
                }
                return handled(request, scope + " and " + (merged.messages().size() - 1) + " other request(s) of the event",
                        done);
            } catch (RuntimeException e) {
                throw new SqsMessages.Failed(request.caseId(), scope, e);
            }
        });
    }

    /** Throws, before anything is claimed, when the invocation has too little time left for one round. */
    private static void requireTimeToStart(Context context) {
        if (context != null && context.getRemainingTimeInMillis() < START_RESERVE_MILLIS) {
            throw new IllegalStateException("not started: " + context.getRemainingTimeInMillis()
                    + " ms of the invocation left, under " + START_RESERVE_MILLIS);
        }
    }

    private static SqsMessages.Handled handled(ReleaseRequest request, String scope, NoticeDispatch.Dispatched done) {
        return new SqsMessages.Handled(request.caseId(), scope + ": " + done.published() + " notice(s) published"
                + (done.peopleHeld() > 0 ? ", " + done.peopleHeld() + " person(s) held" : ""),
                List.of(new Metric("NoticesPublished", done.published())));
    }

    /**
     * The event's well-formed batch requests, grouped by incident where an incident has more than one,
     * keyed by message id. A message that does not parse, or asks for a whole incident, is left out and
     * handled on its own.
     */
    static Map<String, Merged> mergeBatchRequests(SQSEvent event) {
        if (event == null || event.getRecords() == null) {
            return Map.of();
        }
        Map<String, List<SQSMessage>> byIncident = new LinkedHashMap<>();
        Map<String, ReleaseRequest> requests = new HashMap<>();
        for (SQSMessage message : event.getRecords()) {
            ReleaseRequest request;
            try {
                request = SqsReleaseRequests.requestFrom(message.getBody());
            } catch (IllegalArgumentException e) {
                continue; // reported, on its own, by the per-message loop
            }
            if (!request.wholeIncident() && message.getMessageId() != null && !requests.containsKey(message.getMessageId())) {
                requests.put(message.getMessageId(), request);
                byIncident.computeIfAbsent(request.incidentId(), k -> new ArrayList<>()).add(message);
            }
        }
        Map<String, Merged> byMessage = new HashMap<>();
        for (List<SQSMessage> messages : byIncident.values()) {
            if (messages.size() > 1) {
                Merged merged = new Merged(messages, messages.stream().map(m -> requests.get(m.getMessageId())).toList());
                messages.forEach(m -> byMessage.put(m.getMessageId(), merged));
            }
        }
        return byMessage;
    }

    /**
     * Batch requests of one incident, published as one: the first of its messages to be handled runs
     * it, the others share the outcome (and its failure, which fails each of them).
     */
    static final class Merged {
        private final List<SQSMessage> messages;
        private final ReleaseRequest first;
        private final List<String> payNumbers;
        private NoticeDispatch.Dispatched done;
        private RuntimeException failure;

        Merged(List<SQSMessage> messages, List<ReleaseRequest> requests) {
            this.messages = List.copyOf(messages);
            Set<String> people = new LinkedHashSet<>();
            requests.forEach(r -> people.addAll(r.payNumbers()));
            this.first = requests.getFirst();
            this.payNumbers = List.copyOf(people);
        }

        List<SQSMessage> messages() {
            return messages;
        }

        /**
         * Runs the merged request once, {@link #PEOPLE_PER_CALL} people a call, each call started only with
         * enough time left; the publisher reads only the incident and the people, so the first batch names
         * every part in logs.
         */
        NoticeDispatch.Dispatched publishOnce(ReleaseNotices release, Context context) {
            if (done == null && failure == null) {
                NoticeDispatch.Dispatched total = new NoticeDispatch.Dispatched(0, 0);
                try {
                    for (int from = 0; from < payNumbers.size(); from += PEOPLE_PER_CALL) {
                        requireTimeToStart(context);
                        List<String> part = payNumbers.subList(from, Math.min(payNumbers.size(), from + PEOPLE_PER_CALL));
                        NoticeDispatch.Dispatched d = release.publishReleased(
                                ReleaseRequest.forBatch(first.incidentId(), first.caseId(), first.batchNo(), part));
                        total = new NoticeDispatch.Dispatched(total.published() + d.published(), total.peopleHeld() + d.peopleHeld());
                    }
                    done = total;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return done;
        }

        /** The first message carries the merged request's figures, so metrics count each notice once. */
        boolean reportsFor(SQSMessage message) {
            return messages.getFirst() == message;
        }
    }
}
