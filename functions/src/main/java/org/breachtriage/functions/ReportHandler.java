package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.core.pipeline.ReportCase;

/**
 * Triggered by the report queue: each message names a scored case, handed to {@link ReportCase},
 * which writes its reports under {@code reports/}, publishes them and moves the case to REPORTED. A
 * case already REPORTED is left alone, so a re-delivered request publishes nothing.
 */
public final class ReportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ReportCase report;

    /** Used by the Lambda runtime. */
    public ReportHandler() {
        this(FunctionWiring.shared());
    }

    public ReportHandler(FunctionWiring wiring) {
        this(wiring.pipeline().report());
    }

    public ReportHandler(ReportCase report) {
        this.report = report;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsMessages.processEach(event, context, "report", message -> {
            String caseId = SqsReportRequests.caseIdFrom(message.getBody());
            boolean reportedNow = report.report(caseId).reportedNow();
            return "case " + caseId + (reportedNow ? " reported" : " was already reported");
        });
    }
}
