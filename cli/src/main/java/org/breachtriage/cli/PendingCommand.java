package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.release.ReleaseFigures;
import org.breachtriage.core.release.ReleaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pending",
        description = {"Show what waits for a person's decision in an incident: the notices awaiting release, by band, and the people held.",
            "With --people, it also lists each waiting person's pay number, the notice that waits and the approvals it has; that list is for the restricted operator and is never logged."},
        mixinStandardHelpOptions = true)
final class PendingCommand extends IncidentScopedCommand {


    @Option(names = "--people", description = "Also list the people waiting or held, by pay number (restricted operator).")
    boolean people;

    @Mixin
    OutputOption output;

    @Override
    int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        ReleaseService release = backend.services().release();
        ReleaseFigures figures = release.figures(incident.incidentId());
        List<ReleaseService.PendingPerson> waiting = people ? release.pending(incident.incidentId()) : List.of();
        if (output.format == OutputFormat.json) {
            Map<String, Object> json = Releases.figuresJson(incident.incidentId(), figures,
                    backend.services().settings().policy());
            if (people) {
                json.put("people", waiting);
            }
            out.println(Json.pretty(json));
            return ExitCodes.OK;
        }
        Releases.printFigures(out, incident.incidentId(), figures, backend.services().settings().policy());
        if (people) {
            out.println("Waiting or held (restricted: pay numbers):");
            if (waiting.isEmpty()) {
                out.println("  nobody");
            }
            for (ReleaseService.PendingPerson p : waiting) {
                out.println("  " + Releases.describe(p));
            }
        }
        return ExitCodes.OK;
    }
}
