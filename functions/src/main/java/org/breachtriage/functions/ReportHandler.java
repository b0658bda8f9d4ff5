package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.pipeline.ReportService.ReportOutcome;

/**
 * Triggered by the report queue: for each {@link ReportTrigger} message, writes the Federation
 * summary, the on-call summary and the ICO Art. 33 draft of a scored case under
 * {@code reports/<caseId>/}, publishes {@code case.reported} and moves the case to REPORTED. A case
 * already REPORTED is left alone, so a re-delivered trigger publishes nothing.
 */
public final class ReportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionWiring wiring;

    /** Used by the Lambda runtime. */
    public ReportHandler() {
        this(FunctionWiring.shared());
    }

    public ReportHandler(FunctionWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSMessage message : messages) {
            try {
                String caseId = ReportTrigger.caseIdFrom(message.getBody());
                ReportOutcome outcome = wiring.reportService().report(caseId);
                HandlerLog.log(context, "report: case " + caseId + (outcome.reportedNow() ? " reported" : " was already reported"));
            } catch (RuntimeException e) {
                HandlerLog.log(context, "report: message " + message.getMessageId() + " failed and will be retried: "
                        + HandlerLog.describe(e));
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
