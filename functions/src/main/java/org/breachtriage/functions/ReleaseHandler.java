package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
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
 */
public final class ReleaseHandler implements SqsFunction {
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
            try {
                NoticeDispatch.Dispatched done = release.publishReleased(request);
                return new SqsMessages.Handled(request.caseId(), scope + ": " + done.published() + " notice(s) published"
                        + (done.peopleHeld() > 0 ? ", " + done.peopleHeld() + " person(s) held" : ""),
                        List.of(new Metric("NoticesPublished", done.published())));
            } catch (RuntimeException e) {
                throw new SqsMessages.Failed(request.caseId(), scope, e);
            }
        });
    }
}
