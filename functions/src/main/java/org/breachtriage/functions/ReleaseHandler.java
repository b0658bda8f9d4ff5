package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * all their people: a batch releases about ten notices, so publishing each on its own would send a
 * part-filled PublishBatch per batch, while together they fill requests of 10 across the batches and
 * leave at most one part-filled request per invocation. Nothing changes about when a person is marked
 * told: each notice is still marked only after the PublishBatch that carried it succeeded. If the
 * merged request fails, every message of it is reported failed and re-delivered; a re-delivery
 * publishes only what is still unpublished (claims are per person), so nobody is told twice.
 *
 * <p>A merged request names at most {@link #MAX_MERGED_PEOPLE} people, one round of the dispatch: the
 * work a single request was before the event source handed out 10 at a time. And a request is started
 * only while {@link #START_RESERVE_MILLIS} of the invocation remain, enough for one round with
 * throttled retries; a later one is reported failed untouched and comes back after the queue's
 * visibility timeout. Together they keep an invocation inside its timeout, and so a dead publisher's
 * re-send inside the notices topic's five-minute de-duplication window (docs/design-notes.md).
 */
public final class ReleaseHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** People in one merged request: one round of {@link NoticeDispatch}. */
    static final int MAX_MERGED_PEOPLE = 100;
    /** Time an invocation must have left to start a request: half the function's 30 s timeout. */
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
            if ((merged == null || !merged.ran()) && context != null && context.getRemainingTimeInMillis() < START_RESERVE_MILLIS) {
                throw new SqsMessages.Failed(request.caseId(), scope + ": not started, " + context.getRemainingTimeInMillis()
                        + " ms of the invocation left", new IllegalStateException("too little time left to start"));
            }
            try {
                if (merged == null) {
                    return handled(request, scope, release.publishReleased(request));
                }
                NoticeDispatch.Dispatched done = merged.publishOnce(release);
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
            for (List<SQSMessage> group : upToMaxPeople(messages, requests)) {
                if (group.size() > 1) {
                    Merged merged = new Merged(group, group.stream().map(m -> requests.get(m.getMessageId())).toList());
                    group.forEach(m -> byMessage.put(m.getMessageId(), merged));
                }
            }
        }
        return byMessage;
    }

    /** Consecutive requests of one incident, in groups naming at most {@link #MAX_MERGED_PEOPLE} people. */
    private static List<List<SQSMessage>> upToMaxPeople(List<SQSMessage> messages, Map<String, ReleaseRequest> requests) {
        List<List<SQSMessage>> groups = new ArrayList<>();
        List<SQSMessage> current = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (SQSMessage message : messages) {
            List<String> asked = requests.get(message.getMessageId()).payNumbers();
            Set<String> together = new HashSet<>(people);
            together.addAll(asked);
            if (!current.isEmpty() && together.size() > MAX_MERGED_PEOPLE) {
                groups.add(current);
                current = new ArrayList<>();
                together = new HashSet<>(asked);
            }
            current.add(message);
            people = together;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /**
     * Batch requests of one incident, published as one: the first of its messages to be handled runs
     * it, the others share the outcome (and its failure, which fails each of them).
     */
    static final class Merged {
        private final List<SQSMessage> messages;
        private final ReleaseRequest request;
        private NoticeDispatch.Dispatched done;
        private RuntimeException failure;

        Merged(List<SQSMessage> messages, List<ReleaseRequest> requests) {
            this.messages = List.copyOf(messages);
            Set<String> payNumbers = new LinkedHashSet<>();
            requests.forEach(r -> payNumbers.addAll(r.payNumbers()));
            ReleaseRequest first = requests.getFirst();
            // The publisher reads only the incident and the people; the first batch names the merged request in logs.
            this.request = ReleaseRequest.forBatch(first.incidentId(), first.caseId(), first.batchNo(), List.copyOf(payNumbers));
        }

        List<SQSMessage> messages() {
            return messages;
        }

        /** The merged request has run (or failed), so handling another of its messages does no work. */
        boolean ran() {
            return done != null || failure != null;
        }

        NoticeDispatch.Dispatched publishOnce(ReleaseNotices release) {
            if (done == null && failure == null) {
                try {
                    done = release.publishReleased(request);
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
