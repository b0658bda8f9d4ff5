package org.breachtriage.cli;

import java.util.List;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.ObjectStore;

/**
 * Where the CLI reads and writes: the embedded state directory, or AWS (real or emulated) with
 * {@code --aws}. The commands that only look at stored cases work the same on both.
 */
interface Backend extends AutoCloseable {

    CaseStore cases();

    ObjectStore outputs();

    ReportService reports();

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
