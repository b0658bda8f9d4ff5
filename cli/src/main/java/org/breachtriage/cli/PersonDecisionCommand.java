package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A person's decision about one person of an incident (hold, unhold): who they are and who decides. */
abstract class PersonDecisionCommand extends IncidentScopedCommand {

    @Parameters(index = "1", paramLabel = "PERSON", description = "The person's pay number, or TYPE:SUBJECT_REF for someone outside the workforce (for example VICTIM:NS-V-0001).")
    String payNumber;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides (a name; recorded with the identity that runs the command).")
    String by;

    @Override
    final int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        return decide(backend, incident, Releases.personKey(backend, incident.incidentId(), payNumber,
                outsideWorkforceOnly()), Releases.approver(backend, by), out);
    }

    /** True where the decision only makes sense for someone outside the workforce (a s.68(7) restriction). */
    boolean outsideWorkforceOnly() {
        return false;
    }

    abstract int decide(Backend backend, IncidentRecord incident, String payNumber, Approver who, PrintWriter out);
}
