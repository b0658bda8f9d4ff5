package org.breachtriage.cli;

import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.embedded.LocalPipeline;

/** Opens the embedded pipeline on the chosen state directory, and resolves case ids given by a user. */
final class LocalSession {
    private LocalSession() {
    }

    static LocalPipeline open() {
        return LocalPipeline.open(Settings.stateDir());
    }

    static CaseRecord requireCase(CaseStore cases, String caseId) {
        String id = caseId.trim();
        if (!CaseIds.looksValid(id)) {
            throw new InvalidInputException("'" + caseId + "' is not a case id: expected BT- and 16 hex digits "
                    + "(see: triage cases)");
        }
        return cases.find(id).orElseThrow(() -> new InvalidInputException("no case " + id + " in "
                + Settings.stateDir() + " (see: triage cases)"));
    }
}
