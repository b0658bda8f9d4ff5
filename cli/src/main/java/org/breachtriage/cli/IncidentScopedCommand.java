package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IncidentRecord;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command about one incident: it takes the incident id first, opens the backend, checks the
 * incident exists (one line and exit 3 if not) and hands both over.
 */
abstract class IncidentScopedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT_ID", description = "The incident (IN-…), as printed by run or incidents.")
    String incidentId;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        before();
        try (Backend backend = LocalSession.openFor(incidentId)) {
            IncidentRecord incident = LocalSession.requireIncident(backend, incidentId);
            return run(backend, incident, spec.commandLine().getOut());
        }
    }

    /** Checks of the arguments alone, before anything is opened. */
    void before() {
    }

    abstract int run(Backend backend, IncidentRecord incident, PrintWriter out) throws Exception;
}
