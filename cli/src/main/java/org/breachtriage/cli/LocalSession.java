package org.breachtriage.cli;

import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.embedded.LocalPipeline;

/** Opens the embedded pipeline on the chosen state directory, and resolves case ids given by a user. */
final class LocalSession {
    private LocalSession() {
    }

    static LocalPipeline open() {
        return LocalPipeline.open(Settings.stateDir());
    }

    /** For commands that only run on the state directory. */
    static void refuseAws(picocli.CommandLine.Model.CommandSpec spec, String instead) {
        if (Settings.aws) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "'" + spec.name() + "' runs on the local state directory; " + instead);
        }
    }

    static CaseRecord requireCase(Backend backend, String caseId) {
        String id = caseId.trim();
        if (!CaseIds.looksValid(id)) {
            throw new InvalidInputException("'" + caseId + "' is not a case id: expected BT- and 16 hex digits "
                    + "(see: triage cases)");
        }
        return backend.cases().find(id).orElseThrow(() -> new InvalidInputException("no case " + id + " in "
                + backend.where() + " (see: triage cases)"));
    }
}
