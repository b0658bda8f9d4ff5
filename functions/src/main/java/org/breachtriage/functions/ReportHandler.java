package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.pipeline.ReportCase;
import org.breachtriage.core.pipeline.ReportService.ReportOutcome;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * Triggered by the report queue: each message names a scored case, handed to {@link ReportCase},
 * which writes its reports under {@code reports/}, publishes them and moves the case to REPORTED. A
 * case already REPORTED is left alone, so a re-delivered request publishes nothing.
 */
public final class ReportHandler implements SqsFunction {
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
        return SqsMessages.processEach(event, context, "report", "ReportsFailed", message -> {
            String caseId = SqsReportRequests.caseIdFrom(message.getBody());
            ReportOutcome outcome = report.report(caseId);
            if (outcome.reportedNow()) {
                emitPeoplePerBand(context, outcome);
            }
            return new SqsMessages.Handled(caseId, "case " + caseId + (outcome.reportedNow() ? " reported" : " was already reported"),
                    List.of());
        });
    }

    /** Once per case, when it is reported: how many people it put in each band (metric People, dimension Band). */
    private static void emitPeoplePerBand(Context context, ReportOutcome outcome) {
        for (Band band : Band.values()) {
            HandlerMetrics.emit(context, "report", outcome.caseRecord().caseId(), Map.of("Band", band.name()),
                    List.of(new Metric("People", outcome.caseRecord().counter(Counters.band(band)))));
        }
    }
}
