package org.breachtriage.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.cases.Art33Verdict;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.incident.IncidentFigures;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentReport;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.release.ReleaseFigures;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.report.FederationSummaries;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.report.HtmlReport;
import org.breachtriage.core.report.IcoArt33Draft;
import org.breachtriage.core.report.IcoArt33Drafts;
import org.breachtriage.core.report.OnCallSummaries;
import org.breachtriage.core.report.OnCallSummary;
import org.breachtriage.core.report.ReportContext;
import org.breachtriage.core.report.ReportSubject;

/**
 * Once a manifest's case is scored, reports its incident: the Federation summary, the on-call
 * summary, the ICO Art. 33 draft and the HTML report, over the incident's distinct people. The first
 * manifest's report is the initial one, written under {@code reports/<incidentId>/}; each later
 * manifest's is a numbered follow-up under {@code reports/<incidentId>/followup-<n>/} that says what
 * changed (Art. 33(4)). Reports are built from aggregate counters only, so they cannot carry
 * personal data.
 *
 * <p>Exactly once per case: the report's number and the figures it shows are reserved on the
 * incident (compare-and-set) before anything is written, so a retry renders the same report from the
 * same figures and publishes it under the same message ids, and two manifests reporting at the same
 * moment get different numbers. The case then moves to REPORTED; a request for a REPORTED case does
 * nothing.
 */
public final class ReportService implements ReportCase {
    public static final String REPORTS_PREFIX = "reports/";
    /** Rejected rows may quote a pay number, so they sit under their own prefix with their own retention. */
    public static final String REJECTS_PREFIX = "rejects/";
    private static final List<String> FILE_NAMES = List.of("federation-summary.json", "oncall-summary.json",
            "ico-art33-draft.md", "ico-art33-draft.json", "report.html");

    private final CaseStore cases;
    private final IncidentService incidents;
    private final PersonStore persons;
    private final CaseLifecycle lifecycle;
    private final ObjectStore outputs;
    private final NoticePublisher publisher;
    private final String force;
    private final Clock clock;
    private final Band noticeAtOrAbove;

    /** @param force the controller named in the reports (the force whose staff were affected) */
    public ReportService(CaseStore cases, IncidentService incidents, PersonStore persons, CaseLifecycle lifecycle,
                         ObjectStore outputs, NoticePublisher publisher, String force, Clock clock,
                         Band noticeAtOrAbove) {
        this.noticeAtOrAbove = noticeAtOrAbove;
        this.cases = cases;
        this.incidents = incidents;
        this.persons = persons;
        this.lifecycle = lifecycle;
        this.outputs = outputs;
        this.publisher = publisher;
        this.force = force;
        this.clock = clock;
    }

    /** Every rendering of one report. */
    public record Rendered(FederationSummary federation, OnCallSummary onCall, IcoArt33Draft icoDraft, String html) {
    }

    /** @param keys where the report's files are; {@code number} is its number in the incident */
    public record ReportOutcome(CaseRecord caseRecord, String incidentId, int number, List<String> keys,
                                boolean reportedNow) {
    }

    /**
     * Reports the incident of a SCORED case. A case already REPORTED is left as it is and nothing is
     * published again, so a re-delivered request is harmless.
     */
    @Override
    public ReportOutcome report(String caseId) {
        CaseRecord scored = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        // The last step of every case: an alert whose publisher died before publishing goes out now.
        lifecycle.catchUpAlerts(scored);
        IncidentRecord incident = incidents.require(scored.incidentId());
        if (scored.status() == CaseStatus.REPORTED) {
            int number = incident.reportFor(caseId).map(IncidentReport::number).orElse(0);
            return new ReportOutcome(scored, incident.incidentId(), number,
                    number == 0 ? List.of() : keysFor(incident.incidentId(), number), false);
        }
        if (scored.status() != CaseStatus.SCORED) {
            throw new IllegalStateException("case " + caseId + " is " + scored.status()
                    + "; reports are written once it is SCORED");
        }
        if (!scored.hasArt33Verdict()) {
            return reportNothing(scored, incident.incidentId());
        }
        IncidentReport report = incident.reportFor(caseId).orElseGet(() -> reserve(scored));
        incident = incidents.require(scored.incidentId());
        ReportSubject subject = subject(incident, report, scored);
        Rendered rendered = render(subject);
        // The Art. 33 decision from the assessment, in the case's log: the Art. 33(5) record when not required.
        lifecycle.noteOnce(caseId, subject.art33Required() ? "art33 decided: notification required"
                        : "art33 decided: notification not required",
                "Decided from the assessment of the incident's people (report " + report.number() + "): "
                        + subject.art33Reasoning());
        List<String> keys = keysFor(incident.incidentId(), report.number());
        put(keys.get(0), rendered.federation().toJson(), "application/json");
        put(keys.get(1), rendered.onCall().toJson(), "application/json");
        put(keys.get(2), rendered.icoDraft().toMarkdown(), "text/markdown; charset=utf-8");
        put(keys.get(3), rendered.icoDraft().toJson(), "application/json");
        put(keys.get(4), rendered.html(), "text/html; charset=utf-8");
        if (scored.counter(Counters.ROWS_REJECTED) > 0) {
            put(rejectsKey(caseId), rejectsAsJsonLines(caseId), "application/x-ndjson");
        }
        lifecycle.alertOnce(caseId, List.of(OnCallSummaries.toMessage(rendered.onCall()),
                FederationSummaries.toMessage(rendered.federation())));
        IncidentReport published = report;
        incidents.update(incident.incidentId(), current -> current.report(published.number())
                .filter(r -> !r.published()).map(r -> current.withReport(r.asPublished())).orElse(null));
        boolean reportedNow = lifecycle.reported(caseId, "Incident " + incident.incidentId() + " report "
                + report.number() + " (" + report.phase() + "): Federation summary, on-call summary and ICO Art. 33"
                + " draft written under " + folderFor(incident.incidentId(), report.number())
                + " and published to the alerts topic");
        if (reportedNow) {
            incidents.log(incident.incidentId(), "reported", "Report " + report.number() + " (" + report.phase()
                    + ") after manifest case " + caseId + ", over " + report.figures().getOrDefault(Counters.PERSONS_TOTAL, 0L)
                    + " distinct people.");
        }
        return new ReportOutcome(cases.find(caseId).orElse(scored), incident.incidentId(), report.number(), keys,
                reportedNow);
    }

    /**
     * A manifest whose every row was rejected names nobody: a report of it would be a report of 0
     * people marked "ICO Art. 33 required", and a follow-up saying nothing changed. It gets none: its
     * rejects are exported as for any case, and the case is marked REPORTED (the report step is done)
     * with the reason in its log. No report number is taken and nothing is published.
     */
    private ReportOutcome reportNothing(CaseRecord c, String incidentId) {
        put(rejectsKey(c.caseId()), rejectsAsJsonLines(c.caseId()), "application/x-ndjson");
        boolean reportedNow = lifecycle.reported(c.caseId(), "No report: " + CaseLifecycle.noVerdictReason(c.caseId(),
                c.counter(Counters.ROWS_REJECTED)) + " Its rejects are in " + rejectsKey(c.caseId()) + ".");
        return new ReportOutcome(cases.find(c.caseId()).orElse(c), incidentId, 0, List.of(), reportedNow);
    }

    /** Reserves the next number for this case's report, with the incident's figures as they are now. */
    private IncidentReport reserve(CaseRecord c) {
        IncidentRecord incident = incidents.require(c.incidentId());
        Map<String, Long> figures = figuresNow(incident);
        IncidentRecord stored = incidents.update(c.incidentId(), current -> current.reportFor(c.caseId()).isPresent()
                ? null
                : current.withReport(new IncidentReport(current.reports().size() + 1, c.caseId(), clock.instant(),
                        figures, false)));
        return stored.reportFor(c.caseId()).orElseThrow();
    }

    /**
     * The reports as {@code triage report} shows them: for a case id, the report its scoring produced;
     * for an incident id, its latest report; where there is none yet, the incident as it stands now.
     */
    public Rendered renderFor(String caseOrIncidentId) {
        String incidentId = caseOrIncidentId;
        CaseRecord trigger = null;
        if (!caseOrIncidentId.startsWith("IN-")) {
            trigger = cases.find(caseOrIncidentId).orElseThrow(() ->
                    new IllegalArgumentException("no case " + caseOrIncidentId));
            incidentId = trigger.incidentId();
        }
        IncidentRecord incident = incidents.require(incidentId);
        String caseId = trigger == null ? null : trigger.caseId();
        Optional<IncidentReport> stored = caseId != null ? incident.reportFor(caseId)
                : incident.reports().isEmpty() ? Optional.empty() : Optional.of(incident.reports().getLast());
        IncidentReport report = stored.orElseGet(() -> new IncidentReport(incident.reports().size() + 1,
                caseId != null ? caseId : incident.manifests().getLast().caseId(), clock.instant(),
                figuresNow(incident), false));
        CaseRecord reportCase = trigger != null ? trigger : cases.find(report.caseId()).orElseThrow();
        return render(subject(incident, report, reportCase));
    }

    /** Renders the reports of a subject, without storing or publishing anything. */
    public Rendered render(ReportSubject subject) {
        ReportContext context = ReportContext.defaults(force, clock.instant(), policyVersion(subject))
                .withCategoriesSeen(categoriesSeen(subject.counters()));
        FederationSummary federation = FederationSummaries.from(subject, context);
        OnCallSummary onCall = OnCallSummaries.from(subject, context);
        IcoArt33Draft draft = IcoArt33Drafts.from(subject, context);
        return new Rendered(federation, onCall, draft, HtmlReport.render(onCall, federation, draft));
    }

    /**
     * What a report is about: the incident's figures as reserved, the earlier reports' figures, the
     * manifest that asked for it, the incident's earliest awareness and its Art. 33 decision (required
     * if any manifest not superseded says so).
     */
    private ReportSubject subject(IncidentRecord incident, IncidentReport report, CaseRecord trigger) {
        List<CaseRecord> all = casesOf(incident);
        List<CaseRecord> active = all.stream().filter(c -> !incident.supersededCaseIds().contains(c.caseId())).toList();
        // A manifest with no accepted row has no verdict, so it neither requires nor excuses notification.
        Art33Verdict art33 = Art33Verdict.decide(active, report.figures(), noticeAtOrAbove, incident.reportingRegime());
        List<Map<String, Long>> earlier = new ArrayList<>();
        for (IncidentReport r : incident.reports()) {
            if (r.number() < report.number()) {
                earlier.add(r.figures());
            }
        }
        String lateReason = incident.icoSubmission() == null ? null : incident.icoSubmission().lateReason();
        return new ReportSubject(incident.incidentId(), trigger.caseId(), trigger.status(),
                trigger.incident().withAwareAt(incident.earliestAwareAt()), incident.reportingRegime(), art33.required(),
                art33.reasoning(), incident.art33Deadline(), report.figures(), report.number(), earlier,
                lateReason);
    }

    /**
     * The incident's figures as they are now, and where its people stand on being told (published,
     * awaiting release, held): what a report shows and keeps.
     */
    private Map<String, Long> figuresNow(IncidentRecord incident) {
        Map<String, Long> figures = new HashMap<>(IncidentFigures.of(incident, casesOf(incident), persons));
        ReleaseFigures release = ReleaseFigures.read(incident, persons);
        figures.put(Counters.NOTICES_PUBLISHED, release.initial() + release.escalation());
        figures.put(Counters.NOTICES_AWAITING_RELEASE, release.awaitingTotal());
        figures.put(Counters.PEOPLE_HELD, release.held());
        return figures;
    }

    private List<CaseRecord> casesOf(IncidentRecord incident) {
        List<CaseRecord> found = new ArrayList<>();
        for (IncidentManifest m : incident.manifests()) {
            cases.find(m.caseId()).ifPresent(found::add);
        }
        return found;
    }

    private String policyVersion(ReportSubject subject) {
        return cases.find(subject.caseId()).map(CaseRecord::policyVersion).orElse(null);
    }

    /** The folder of an incident's report: the initial one at the top, follow-ups numbered below it. */
    public static String folderFor(String incidentId, int number) {
        String folder = REPORTS_PREFIX + incidentId + "/";
        return number <= 1 ? folder : folder + "followup-" + (number - 1) + "/";
    }

    public static List<String> keysFor(String incidentId, int number) {
        String folder = folderFor(incidentId, number);
        return FILE_NAMES.stream().map(name -> folder + name).toList();
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

    private static Set<DataCategory> categoriesSeen(Map<String, Long> counters) {
        Set<DataCategory> seen = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            if (counters.getOrDefault(Counters.category(category), 0L) > 0) {
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
