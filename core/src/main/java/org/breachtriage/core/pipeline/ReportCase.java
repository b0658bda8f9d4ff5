package org.breachtriage.core.pipeline;

import org.breachtriage.core.pipeline.ReportService.ReportOutcome;

/** The reporting use case: write and publish a scored case's reports, once. */
public interface ReportCase {

    ReportOutcome report(String caseId);
}
