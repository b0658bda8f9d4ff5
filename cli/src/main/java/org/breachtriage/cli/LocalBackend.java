package org.breachtriage.cli;

import java.util.List;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.embedded.LocalPipeline;

/** The embedded state directory. */
record LocalBackend(LocalPipeline pipeline) implements Backend {

    @Override
    public CaseStore cases() {
        return pipeline.cases();
    }

    @Override
    public ObjectStore outputs() {
        return pipeline.outputs();
    }

    @Override
    public ReportService reports() {
        return pipeline.reports();
    }

    @Override
    public void importStaff(List<StaffMember> members) {
        pipeline.importStaff(members);
    }

    @Override
    public String where() {
        return "state dir " + pipeline.stateDir();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
