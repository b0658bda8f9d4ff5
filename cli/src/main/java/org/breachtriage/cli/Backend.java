package org.breachtriage.cli;

import java.util.List;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;

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

    /** A few words saying where this is, for messages ("state dir …", "AWS table …"). */
    String where();

    @Override
    void close();

    /** The backend the global options ask for. */
    static Backend open() {
        return Settings.aws ? AwsBackend.open() : new LocalBackend(LocalSession.open());
    }
}
