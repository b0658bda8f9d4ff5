package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A person's decision about one person of an incident (hold, unhold): who they are and who decides. */
abstract class PersonDecisionCommand extends IncidentScopedCommand {

    @Parameters(index = "1", paramLabel = "PAY_NUMBER", description = "The person's pay number.")
    String payNumber;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who decides (a name; recorded with the identity that runs the command).")
    String by;

    @Override
    final int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        return decide(backend, incident, payNumber.trim(), Releases.approver(backend, by), out);
    }

    abstract int decide(Backend backend, IncidentRecord incident, String payNumber, Approver who, PrintWriter out);
}
