package org.breachtriage.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether this machine has a Docker engine configured anywhere Testcontainers looks for one: the
 * {@code DOCKER_HOST} variable, {@code docker.host} in {@code ~/.testcontainers.properties}, or a
 * Docker socket (or Windows named pipe) where the usual engines put it. "None of these" is the one
 * case the LocalStack test may skip on; with any of them present, Docker is meant to be there, so a
 * failure to reach it is a failure, not a skip.
 */
final class DockerEndpoint {
    /** Where engines put their socket: Docker Engine, rootless Docker, Docker Desktop, Colima, Rancher, OrbStack. */
    private static final List<String> SOCKETS_UNDER_ROOT = List.of("var/run/docker.sock", "run/docker.sock");
    private static final List<String> SOCKETS_UNDER_HOME = List.of(".docker/run/docker.sock",
            ".docker/desktop/docker.sock", ".colima/default/docker.sock", ".colima/docker.sock", ".rd/docker.sock",
            ".orbstack/run/docker.sock");
    private static final String WINDOWS_PIPE = "\\\\.\\pipe\\docker_engine";

    private DockerEndpoint() {
    }

    /** On this machine. */
    static Optional<String> find() {
        return find(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/"));
    }

    /**
     * @param env  the environment
     * @param home the user's home folder
     * @param root the file system root (a temporary folder in tests)
     * @return where the engine is configured, in words, or empty when nothing points at one
     */
    static Optional<String> find(Map<String, String> env, Path home, Path root) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return Optional.of("DOCKER_HOST=" + dockerHost);
        }
        Path properties = home.resolve(".testcontainers.properties");
        if (Files.isRegularFile(properties)) {
            String configured = dockerHostIn(properties);
            if (configured != null && !configured.isBlank()) {
                return Optional.of("docker.host=" + configured + " in " + properties);
            }
        }
        for (Path socket : candidates(env, home, root)) {
            if (Files.exists(socket)) {
                return Optional.of("a Docker socket at " + socket);
            }
        }
        if (System.getProperty("os.name", "").startsWith("Windows") && Files.exists(Path.of(WINDOWS_PIPE))) {
            return Optional.of("the named pipe " + WINDOWS_PIPE);
        }
        return Optional.empty();
    }

    /** Every place {@link #find} looked, for the message that says why nothing was found. */
    static List<Path> candidates(Map<String, String> env, Path home, Path root) {
        List<Path> sockets = new ArrayList<>();
        SOCKETS_UNDER_ROOT.forEach(s -> sockets.add(root.resolve(s)));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(Path.of(runtimeDir).resolve("docker.sock"));
        }
        SOCKETS_UNDER_HOME.forEach(s -> sockets.add(home.resolve(s)));
        return sockets;
    }

    private static String dockerHostIn(Path properties) {
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            read.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        return read.getProperty("docker.host");
    }
}
