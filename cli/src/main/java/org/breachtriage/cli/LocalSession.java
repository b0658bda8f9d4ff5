package org.breachtriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.incident.IncidentIds;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.embedded.EmbeddedState;
import org.breachtriage.embedded.LocalPipeline;

/** Opens the embedded pipeline on the chosen state directory, and resolves case and incident ids given by a user. */
final class LocalSession {
    private LocalSession() {
    }

    static LocalPipeline open() {
        return LocalPipeline.open(Settings.stateDir());
    }

    /**
     * The backend, for a command about one stored case or incident. A state directory without its
     * store file holds none, and looking must not create one: a mistyped {@code --state-dir} would
     * otherwise be left holding an empty store, and the next look would find "no case" there silently.
     */
    static Backend openFor(String id) {
        Path store = Settings.stateDir().resolve(EmbeddedState.STORE_FILE);
        if (!Settings.aws && !Files.exists(store)) {
            String trimmed = id.trim();
            String what = IncidentIds.looksValid(trimmed) ? "incident" : "case";
            throw new InvalidInputException("no " + what + " " + trimmed + " in state dir " + Settings.stateDir()
                    + ": it holds no cases yet (see: triage run, triage demo)");
        }
        return Backend.open();
    }

    /** For commands that only run on the state directory. */
    static void refuseAws(picocli.CommandLine.Model.CommandSpec spec, String instead) {
        if (Settings.aws) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "'" + spec.name() + "' runs on the local state directory; " + instead);
        }
    }

    /** What a user's id names: an incident, and the case when they gave a case id (else null). */
    record Target(CaseRecord caseRecord, IncidentRecord incident) {
    }

    /** A case id (BT-…) or an incident id (IN-…), checked and found. */
    static Target requireCaseOrIncident(Backend backend, String id) {
        String trimmed = id.trim();
        if (IncidentIds.looksValid(trimmed)) {
            return new Target(null, requireIncident(backend, trimmed));
        }
        if (!CaseIds.looksValid(trimmed)) {
            throw new InvalidInputException("'" + id + "' is neither a case id (BT- and 16 hex digits) nor an incident"
                    + " id (IN- and 16 hex digits) (see: triage cases, triage incidents)");
        }
        CaseRecord c = requireCase(backend, trimmed);
        IncidentRecord incident = c.incidentId() == null ? null : backend.incidents().find(c.incidentId()).orElse(null);
        if (incident == null) {
            throw new InvalidInputException("case " + trimmed + " belongs to no incident in " + backend.where()
                    + " (was it written by an older version? re-run its manifest)");
        }
        return new Target(c, incident);
    }

    static IncidentRecord requireIncident(Backend backend, String incidentId) {
        String id = incidentId.trim();
        if (!IncidentIds.looksValid(id)) {
            throw new InvalidInputException("'" + incidentId + "' is not an incident id: expected IN- and 16 hex digits"
                    + " (see: triage incidents)");
        }
        return backend.incidents().find(id).orElseThrow(() -> new InvalidInputException("no incident " + id + " in "
                + backend.where() + " (see: triage incidents)"));
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
