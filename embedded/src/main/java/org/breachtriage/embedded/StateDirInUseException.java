package org.breachtriage.embedded;

import java.nio.file.Path;

/** The state dir's store file is held by another triage process (or already open in this one). */
public final class StateDirInUseException extends IllegalStateException {
    private final Path stateDir;

    StateDirInUseException(Path stateDir, String detail) {
        super("state dir " + stateDir + " is in use by another triage process" + detail);
        this.stateDir = stateDir;
    }

    public Path stateDir() {
        return stateDir;
    }
}
