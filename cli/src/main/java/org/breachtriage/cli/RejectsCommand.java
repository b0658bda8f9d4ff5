package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.RowRejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "rejects", description = "List the rows of a case's manifest that were rejected, with the reasons.",
        mixinStandardHelpOptions = true)
final class RejectsCommand extends CaseCommand {

    @Mixin
    OutputOption output;

    @Override
    int show(Backend pipeline, CaseRecord c, PrintWriter out) {
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
