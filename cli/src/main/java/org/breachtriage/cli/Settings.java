package org.breachtriage.cli;

import java.nio.file.Path;

/**
 * Options every subcommand inherits. Picocli calls the top command's setters whichever command the
 * option was written after, so they land here.
 */
final class Settings {
    static Path stateDir;
    static boolean verbose;

    private Settings() {
    }

    static void reset() {
        stateDir = null;
        verbose = false;
    }

    static Path stateDir() {
        if (stateDir != null) {
            return stateDir;
        }
        String home = System.getenv("TRIAGE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".breach-triage");
    }
}
