package org.breachtriage.core.pipeline;

import org.breachtriage.core.incident.IcoSubmissions;
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.incident.IncidentQueries;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.incident.PersonLedger;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.release.NoticeDispatch;
import org.breachtriage.core.release.ReleaseService;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * The services of the pipeline, built from one {@link PipelineAdapters} record and sharing one
 * {@link CaseLifecycle}. Handlers and the local pipeline only translate their input into a command
 * for one of these and hand it over.
 */
public final class Pipeline {
    private final PipelineAdapters adapters;
    private final PipelineSettings settings;
    private final CaseLifecycle lifecycle;
    private final IncidentService incidents;
    private final IngestService ingest;
    private final ScoreService score;
    private final ReportService report;
    private final IncidentQueries queries;
    private final IncidentClock incidentClock;
    private final IcoSubmissions icoSubmissions;
    private final ReleaseService release;
    private final Letters letters;

    public Pipeline(PipelineAdapters adapters, PipelineSettings settings) {
        this.adapters = adapters;
        this.settings = settings;
        this.lifecycle = new CaseLifecycle(adapters.cases(), adapters.publisher(), adapters.reportRequests(),
                settings.clock());
        this.incidents = new IncidentService(adapters.incidents(), settings.clock());
        this.ingest = new IngestService(adapters.manifests(), adapters.cases(), lifecycle, incidents, adapters.batches(),
                settings.policy().version(), settings.force(), settings.clock());
        PersonLedger ledger = new PersonLedger(new SeverityScorer(settings.policy()), settings.policy(), settings.clock());
        this.score = new ScoreService(adapters.staff(), adapters.cases(), adapters.incidents(), adapters.persons(), lifecycle,
                adapters.releaseRequests(), ledger);
        this.report = new ReportService(adapters.cases(), incidents, adapters.persons(), lifecycle, adapters.outputs(),
                adapters.publisher(), settings.force(), settings.clock(), settings.policy().noticeAtOrAbove());
        this.queries = new IncidentQueries(adapters.incidents(), adapters.cases(), adapters.persons(), settings.clock(),
                settings.policy().noticeAtOrAbove());
        this.incidentClock = new IncidentClock(incidents, adapters.persons(), adapters.publisher(), settings.clock());
        this.icoSubmissions = new IcoSubmissions(incidents, settings.clock());
        this.letters = Letters.checked(settings.letters(), settings.force(), settings.policy());
        NoticeDispatch dispatch = new NoticeDispatch(adapters.persons(), adapters.staff(), adapters.outputs(),
                adapters.publisher(), incidents, letters, settings.policy().generalCommunicationTemplate(), settings.clock());
        this.release = new ReleaseService(incidents, adapters.persons(), dispatch, settings.clock());
    }

    public PipelineAdapters adapters() {
        return adapters;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public CaseLifecycle lifecycle() {
        return lifecycle;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public IngestService ingest() {
        return ingest;
    }

    public ScoreService score() {
        return score;
    }

    public ReportService report() {
        return report;
    }

    public IncidentQueries queries() {
        return queries;
    }

    public IncidentClock clock() {
        return incidentClock;
    }

    public IcoSubmissions icoSubmissions() {
        return icoSubmissions;
    }

    /** The words people read, in the deployment's languages (rendered by the release step; here for the CLI's letter). */
    public Letters letters() {
        return letters;
    }

    /** Approvals, holds, and publishing what they released. */
    public ReleaseService release() {
        return release;
    }
}
