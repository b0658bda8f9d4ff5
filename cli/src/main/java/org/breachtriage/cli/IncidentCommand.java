package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "incident",
        description = {"Show one incident: its manifests (with their status, and whether a later one superseded them), its distinct people and their bands, where they stand on being told (notices published, awaiting release, held, covered by the general staff communication), and the Art. 33 clock.",
            "With --log, it also prints the incident's decision log (joins, supersedes, reports, reminders, releases, holds); with --people, the pay numbers of people named only in superseded manifests, to review."},
        mixinStandardHelpOptions = true)
final class IncidentCommand extends IncidentScopedCommand {


    @Option(names = "--people", description = "Also list the pay numbers of people no longer listed (for the restricted"
            + " operator; they are sent nothing automatically).")
    boolean people;

    @Option(names = "--log", description = "Also print the incident's decision log, oldest first.")
    boolean log;

    @Mixin
    OutputOption output;

    @Override
    int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        IncidentView view = backend.services().queries().view(incident);
        List<String> noLongerListed = people ? backend.services().queries().noLongerListed(incident) : List.of();
        List<DecisionEntry> decisions = log ? backend.incidents().decisions(incident.incidentId()) : List.of();
        if (output.format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(view, Map.class));
            if (people) {
                json.put("noLongerListedPayNumbers", noLongerListed);
            }
            if (log) {
                json.put("decisions", decisions);
            }
            out.println(Json.pretty(json));
            return ExitCodes.OK;
        }
        Tables.printIncident(out, view);
        if (log) {
            out.println("Decision log");
            for (DecisionEntry d : decisions) {
                out.printf("  %s  %-22s %s%n", d.at(), d.decision(), d.reason());
            }
        }
        if (people) {
            out.println("No longer listed (named only in superseded manifests; review, nothing is sent automatically):");
            if (noLongerListed.isEmpty()) {
                out.println("  nobody");
            }
            noLongerListed.forEach(pay -> out.println("  " + pay));
        }
        return ExitCodes.OK;
    }
}
