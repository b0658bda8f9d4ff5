package org.breachtriage.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "incidents",
        description = {"List every incident, most recently opened first, with its manifests, distinct people, notices and Art. 33 deadline.",
            "Manifests that name the same incident reference belong to one incident."},
        mixinStandardHelpOptions = true)
final class IncidentsCommand implements Callable<Integer> {

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Backend backend = Backend.open()) {
            List<IncidentRecord> incidents = backend.incidents().list();
            List<IncidentView> views = incidents.stream().map(i -> backend.services().queries().view(i)).toList();
            var out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                out.println(Json.pretty(views));
                return ExitCodes.OK;
            }
            if (views.isEmpty()) {
                out.println("No incidents yet. Try: triage demo");
                return ExitCodes.OK;
            }
            out.printf("%-20s %-18s %9s %9s %9s %-22s %s%n", "INCIDENT", "REFERENCE", "MANIFESTS", "PEOPLE",
                    "NOTICES", "ICO DEADLINE", "SUBMITTED");
            for (IncidentView v : views) {
                out.printf("%-20s %-18s %,9d %,9d %,9d %-22s %s%n", v.incidentId(),
                        Tables.abbreviate(v.reference() == null ? "(none)" : v.reference(), 18), v.manifests().size(),
                        v.persons().total(), v.notices().initial() + v.notices().escalation(), v.art33().deadline(),
                        v.art33().submittedAt() == null ? "no" : v.art33().submittedAt().toString());
            }
            return ExitCodes.OK;
        }
    }
}
