package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.breachtriage.core.cases.CaseRecord;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command about one stored case (status, person, rejects, report): checks the case id, opens the
 * state directory (or AWS) and hands over the case, so each command is only what it prints.
 */
abstract class CaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE_ID", description = "A case id, as printed by run or cases (BT-…).")
    String caseId;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Backend backend = LocalSession.openFor(caseId)) {
            CaseRecord caseRecord = LocalSession.requireCase(backend, caseId);
            return show(backend, caseRecord, spec.commandLine().getOut());
        }
    }

    abstract int show(Backend backend, CaseRecord caseRecord, PrintWriter out) throws Exception;
}
