package org.breachtriage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.embedded.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rejects", description = "List the rows of a case's manifest that were rejected, with the reasons.",
        mixinStandardHelpOptions = true)
final class RejectsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CASE_ID")
    String caseId;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LocalPipeline pipeline = LocalSession.open()) {
            CaseRecord c = LocalSession.requireCase(pipeline.cases(), caseId);
            var out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                List<RowRejection> all = new ArrayList<>();
                pipeline.cases().forEachReject(c.caseId(), all::add);
                out.println(Json.pretty(all));
                return ExitCodes.OK;
            }
            long[] count = {0};
            pipeline.cases().forEachReject(c.caseId(), r -> {
                count[0]++;
                out.println(r.describe() + (r.value() == null || r.value().isEmpty() ? "" : " (was: \"" + r.value() + "\")"));
            });
            out.printf("%,d rejected rows in %s%n", count[0], c.caseId());
            return ExitCodes.OK;
        }
    }
}
