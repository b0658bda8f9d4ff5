package org.breachtriage.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Options every subcommand inherits. Picocli calls the top command's setters whichever command the
 * option was written after, so they land here.
 */
final class Settings {
    static Path stateDir;
    static boolean verbose;
    static boolean aws;
    static String endpointUrl;
    static String stack;
    static String region;
    static String profile;
    /** {@code --service-endpoint} values by upper-case service id (S3, DYNAMODB, …). */
    static Map<String, String> serviceEndpoints = Map.of();
    /** The process environment; tests point --aws at their emulators by replacing it. */
    static Map<String, String> environment = System.getenv();

    private Settings() {
    }

    static void reset() {
        stateDir = null;
        verbose = false;
        aws = false;
        endpointUrl = null;
        stack = null;
        region = null;
        profile = null;
        serviceEndpoints = Map.of();
        environment = System.getenv();
    }

    /** Where the repository is, for {@code infra/local}: bin/triage says; else the working directory. */
    static Path repositoryHint() {
        String repo = environment.get("TRIAGE_REPO");
        return Path.of(repo == null || repo.isBlank() ? "" : repo).toAbsolutePath();
    }

    static Path stateDir() {
        if (stateDir != null) {
            return stateDir;
        }
        String home = environment.get("TRIAGE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".breach-triage");
    }
}
