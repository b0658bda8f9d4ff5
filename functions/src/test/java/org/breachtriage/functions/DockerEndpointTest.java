package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the LocalStack test may say "no Docker" and skip, and when it must try, and fail if it cannot. */
class DockerEndpointTest {
    @TempDir
    Path root;

    private Path home() throws IOException {
        return Files.createDirectories(root.resolve("home/someone"));
    }

    @Test
    void nothingConfiguredAndNoSocketIsNoDocker() throws IOException {
        assertEquals(Optional.empty(), DockerEndpoint.find(Map.of(), home(), root));
    }

    @Test
    void dockerHostPointsAtAnEngine() throws IOException {
        assertEquals(Optional.of("DOCKER_HOST=tcp://127.0.0.1:2375"),
                DockerEndpoint.find(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home(), root));
        assertEquals(Optional.empty(), DockerEndpoint.find(Map.of("DOCKER_HOST", " "), home(), root), "blank is unset");
    }

    @Test
    void testcontainersPropertiesPointAtAnEngine() throws IOException {
        Path home = home();
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix:///tmp/d.sock\n");
        assertEquals(Optional.of("docker.host=unix:///tmp/d.sock in " + home.resolve(".testcontainers.properties")),
                DockerEndpoint.find(Map.of(), home, root));
    }

    @Test
    void testcontainersPropertiesWithoutADockerHostPointNowhere() throws IOException {
        Path home = home();
        Files.writeString(home.resolve(".testcontainers.properties"), "testcontainers.reuse.enable=true\n");
        assertEquals(Optional.empty(), DockerEndpoint.find(Map.of(), home, root));
    }

    @Test
    void aSocketWhereAnEngineKeepsItIsAnEngine() throws IOException {
        Path home = home();
        Path desktop = Files.createDirectories(home.resolve(".docker/run")).resolve("docker.sock");
        Files.createFile(desktop);
        assertEquals(Optional.of("a Docker socket at " + desktop), DockerEndpoint.find(Map.of(), home, root));

        Path system = Files.createDirectories(root.resolve("var/run")).resolve("docker.sock");
        Files.createFile(system);
        assertEquals(Optional.of("a Docker socket at " + system), DockerEndpoint.find(Map.of(), home, root),
                "the system socket is looked at first");
    }

    @Test
    void rootlessDockersSocketIsFoundThroughXdgRuntimeDir() throws IOException {
        Path runtime = Files.createDirectories(root.resolve("run/user/1000"));
        Files.createFile(runtime.resolve("docker.sock"));
        assertEquals(Optional.of("a Docker socket at " + runtime.resolve("docker.sock")),
                DockerEndpoint.find(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home(), root));
    }
}
