package org.breachtriage.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "incident",
        description = {"Show one incident: its manifests (with their status, and whether a later one superseded them), its distinct people and their bands, the notices sent (initial and escalation), and the Art. 33 clock.",
            "With --people, it also lists the pay numbers of people named only in superseded manifests, to review."},
        mixinStandardHelpOptions = true)
final class IncidentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INCIDENT_ID", description = "An incident id (IN-…), as printed by run or incidents.")
    String incidentId;

    @Option(names = "--people", description = "Also list the pay numbers of people no longer listed (for the restricted"
            + " operator; they are sent nothing automatically).")
    boolean people;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Backend backend = Backend.open()) {
            IncidentRecord incident = LocalSession.requireIncident(backend, incidentId);
            IncidentView view = backend.services().queries().view(incident);
            List<String> noLongerListed = people ? backend.services().queries().noLongerListed(incident) : List.of();
            var out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(view, Map.class));
                if (people) {
                    json.put("noLongerListedPayNumbers", noLongerListed);
                }
                out.println(Json.pretty(json));
                return ExitCodes.OK;
            }
            Tables.printIncident(out, view);
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
}
