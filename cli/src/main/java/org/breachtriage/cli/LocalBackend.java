package org.breachtriage.cli;

import java.util.List;
import java.util.Optional;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.embedded.LocalPipeline;

/** The embedded state directory. */
record LocalBackend(LocalPipeline pipeline) implements Backend {

    @Override
    public CaseStore cases() {
        return pipeline.cases();
    }

    @Override
    public IncidentStore incidents() {
        return pipeline.incidents();
    }

    @Override
    public PersonStore persons() {
        return pipeline.persons();
    }

    @Override
    public ObjectStore outputs() {
        return pipeline.outputs();
    }

    @Override
    public Pipeline services() {
        return pipeline.services();
    }

    @Override
    public void importStaff(List<StaffMember> members) {
        pipeline.importStaff(members);
    }

    @Override
    public Optional<LocalPipeline.StaffFootprint> staffFootprint() {
        return Optional.of(pipeline.staffFootprint());
    }

    /** Told apart by name: one laptop may be shared by several people under one OS user. */
    @Override
    public Approver approver(String name) {
        return Approver.byName(name, "os-user:" + System.getProperty("user.name", "unknown"));
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
