package org.breachtriage.cli;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cases", description = "List every case in the state directory, newest first.",
        mixinStandardHelpOptions = true)
final class CasesCommand implements Callable<Integer> {

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Backend pipeline = Backend.open()) {
            List<CaseRecord> cases = pipeline.cases().list();
            var out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                out.println(Json.pretty(cases.stream().map(c -> pipeline.summaryOf(c, 0)).toList()));
                return ExitCodes.OK;
            }
            if (cases.isEmpty()) {
                out.println("No cases yet. Try: triage demo");
                return ExitCodes.OK;
            }
            out.printf("%-20s %-20s %-10s %-22s %-30s %9s %9s %9s%n", "CASE", "INCIDENT", "STATUS", "OPENED", "SOURCE",
                    "PERSONS", "NOTICES", "WAITING");
            for (CaseRecord c : cases) {
                RunSummary s = pipeline.summaryOf(c, 0);
                out.printf("%-20s %-20s %-10s %-22s %-30s %,9d %,9d %,9d%n", c.caseId(), c.incidentId(), c.status(),
                        c.openedAt().truncatedTo(ChronoUnit.SECONDS), Tables.abbreviate(c.source(), 30),
                        s.persons().total(), s.notices().published(), s.notices().awaitingRelease() + s.notices().held());
            }
            return ExitCodes.OK;
        }
    }
}
