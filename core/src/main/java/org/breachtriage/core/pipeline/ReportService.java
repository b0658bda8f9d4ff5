package org.breachtriage.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.report.FederationSummaries;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.report.HtmlReport;
import org.breachtriage.core.report.IcoArt33Draft;
import org.breachtriage.core.report.IcoArt33Drafts;
import org.breachtriage.core.report.OnCallSummaries;
import org.breachtriage.core.report.OnCallSummary;
import org.breachtriage.core.report.ReportContext;

/**
 * Once a case is scored: writes the Federation summary, the on-call summary, the ICO Art. 33 draft
 * and the HTML report under {@code reports/<caseId>/}, publishes them to the alerts topic, and moves
 * the case to REPORTED. Reports are built from the case's counters only, so they cannot carry
 * personal data and cost no scan of the results.
 */
public final class ReportService implements ReportCase {
    public static final String REPORTS_PREFIX = "reports/";
    /** Rejected rows may quote a pay number, so they sit under their own prefix with their own retention. */
    public static final String REJECTS_PREFIX = "rejects/";

    private final CaseStore cases;
    private final CaseLifecycle lifecycle;
    private final ObjectStore outputs;
    private final NoticePublisher publisher;
    private final String force;
    private final Clock clock;

    /** @param force the controller named in the reports (the force whose staff were affected) */
    public ReportService(CaseStore cases, CaseLifecycle lifecycle, ObjectStore outputs, NoticePublisher publisher,
                         String force, Clock clock) {
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.outputs = outputs;
        this.publisher = publisher;
        this.force = force;
        this.clock = clock;
    }

    /** Every rendering of a case's reports. */
    public record Rendered(FederationSummary federation, OnCallSummary onCall, IcoArt33Draft icoDraft, String html) {
    }

    public record ReportOutcome(CaseRecord caseRecord, List<String> keys, boolean reportedNow) {
    }

    /**
     * Reports a SCORED case. A case already REPORTED is left as it is and nothing is published again,
     * so a re-delivered trigger is harmless.
     */
    @Override
    public ReportOutcome report(String caseId) {
        CaseRecord scored = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        if (scored.status() == CaseStatus.REPORTED) {
            return new ReportOutcome(scored, keysFor(caseId), false);
        }
        if (scored.status() != CaseStatus.SCORED) {
            throw new IllegalStateException("case " + caseId + " is " + scored.status()
                    + "; reports are written once it is SCORED");
        }
        Rendered rendered = render(scored);
        List<String> keys = keysFor(caseId);
        put(keys.get(0), rendered.federation().toJson(), "application/json");
        put(keys.get(1), rendered.onCall().toJson(), "application/json");
        put(keys.get(2), rendered.icoDraft().toMarkdown(), "text/markdown; charset=utf-8");
        put(keys.get(3), rendered.icoDraft().toJson(), "application/json");
        put(keys.get(4), rendered.html(), "text/html; charset=utf-8");
        if (scored.counter(Counters.ROWS_REJECTED) > 0) {
            put(rejectsKey(caseId), rejectsAsJsonLines(caseId), "application/x-ndjson");
        }
        publisher.publish(Topic.ALERTS, List.of(OnCallSummaries.toMessage(rendered.onCall()),
                FederationSummaries.toMessage(rendered.federation())));
        boolean reportedNow = lifecycle.reported(caseId, "Federation summary, on-call summary and ICO Art. 33 draft"
                + " written under " + REPORTS_PREFIX + caseId + "/ and published to the alerts topic");
        return new ReportOutcome(cases.find(caseId).orElse(scored), keys, reportedNow);
    }

    /** Renders the reports of a case as it stands, without storing or publishing anything. */
    public Rendered render(CaseRecord caseRecord) {
        ReportContext context = ReportContext.defaults(force, clock.instant(), caseRecord.policyVersion())
                .withCategoriesSeen(categoriesSeen(caseRecord));
        FederationSummary federation = FederationSummaries.from(caseRecord, context);
        OnCallSummary onCall = OnCallSummaries.from(caseRecord, context);
        IcoArt33Draft draft = IcoArt33Drafts.from(caseRecord, context);
        return new Rendered(federation, onCall, draft, HtmlReport.render(onCall, federation, draft));
    }

    public static List<String> keysFor(String caseId) {
        String folder = REPORTS_PREFIX + caseId + "/";
        return List.of(folder + "federation-summary.json", folder + "oncall-summary.json",
                folder + "ico-art33-draft.md", folder + "ico-art33-draft.json", folder + "report.html");
    }

    public static String rejectsKey(String caseId) {
        return REJECTS_PREFIX + caseId + "/rejects.jsonl";
    }

    /** One JSON object per rejected row, in row order: small, since only invalid rows are here. */
    private String rejectsAsJsonLines(String caseId) {
        StringBuilder lines = new StringBuilder();
        cases.forEachReject(caseId, reject -> lines.append(Json.write(reject)).append('\n'));
        return lines.toString();
    }

    private static Set<DataCategory> categoriesSeen(CaseRecord caseRecord) {
        Set<DataCategory> seen = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            if (caseRecord.counter(Counters.category(category)) > 0) {
                seen.add(category);
            }
        }
        return seen;
    }

    private void put(String key, String content, String contentType) {
        try {
            outputs.put(key, content.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + key + ": " + e.getMessage(), e);
        }
    }
}
