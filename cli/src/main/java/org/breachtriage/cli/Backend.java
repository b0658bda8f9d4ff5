package org.breachtriage.cli;

import java.util.List;
import java.util.Optional;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.embedded.LocalPipeline;

/**
 * Where the CLI reads and writes: the embedded state directory, or AWS (real or emulated) with
 * {@code --aws}. The commands that look at stored cases and incidents, and the clock and the ICO
 * submission, work the same on both, through the same pipeline services.
 */
interface Backend extends AutoCloseable {

    CaseStore cases();

    ObjectStore outputs();

    IncidentStore incidents();

    PersonStore persons();

    /** The pipeline's services over these stores (reports, incident views, the clock, ICO submissions). */
    Pipeline services();

    void importStaff(List<StaffMember> members);

    /** What the staff table costs a run's memory, where a run holds it in this process's heap (not on AWS). */
    default Optional<LocalPipeline.StaffFootprint> staffFootprint() {
        return Optional.empty();
    }

    /** A case's run summary, with where its notices stand (one read of its incident's people). */
    default RunSummary summaryOf(CaseRecord c, long publishedThisRun) {
        CaseNotices notices = c.incidentId() == null ? CaseNotices.NONE
                : CaseNotices.read(c.incidentId(), c.caseId(), persons());
        var incident = c.incidentId() == null ? null
                : services().queries().art33(c.incidentId()).orElse(null);
        return RunSummary.of(c, notices, publishedThisRun, incident);
    }

    /**
     * The approver of a release, hold or unhold given this name: with the identity that runs the command
     * (the OS user locally, the AWS caller identity with {@code --aws}) and the key that tells two
     * approvers apart (the name on one machine, which may be shared; the caller identity on AWS).
     */
    Approver approver(String name);

    /** A few words saying where this is, for messages ("state dir …", "AWS table …"). */
    String where();

    @Override
    void close();

    /** The backend the global options ask for. */
    static Backend open() {
        return Settings.aws ? AwsBackend.open() : new LocalBackend(LocalSession.open());
    }
}
