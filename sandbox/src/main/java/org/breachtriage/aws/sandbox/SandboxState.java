package org.breachtriage.aws.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.regions.Region;

/**
 * What {@code triage sandbox up} leaves behind so that later processes can find and stop the
 * emulators: their PIDs, ports and start times, the region, and (once created) the resource names.
 * Stored as JSON in {@code <stateDir>/sandbox.json}.
 */
public record SandboxState(
        EmulatorProcess fauxqs,
        EmulatorProcess dynalite,
        String region,
        Instant startedAt,
        ResourceNames resources) {

    public static final String FILE_NAME = "sandbox.json";

    /**
     * One emulator process. {@code processStart} is the OS's start time of that PID (null if the OS
     * would not say); stop() compares it so a PID reused by an unrelated process is never killed.
     */
    public record EmulatorProcess(String name, long pid, int port, Instant processStart, String logFile) {
        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** Client settings that talk to these emulators. */
    public AwsSettings awsSettings() {
        return AwsSettings.forEmulators(Region.of(region), fauxqs.endpoint(), dynalite.endpoint());
    }

    /**
     * The variables that point a shell, the CLI or a function at this sandbox (for
     * {@code triage sandbox status} to print as {@code export} lines), resource names included once known.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        // AWS CLI v1 reads only this one.
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ENDPOINT_URL", fauxqs.endpoint().toString());
        env.put(AwsService.DYNAMODB.endpointVariable(), dynalite.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        if (resources != null) {
            env.putAll(resources.toEnvironment());
        }
        return env;
    }

    public SandboxState withResources(ResourceNames names) {
        return new SandboxState(fauxqs, dynalite, region, startedAt, names);
    }

    public static Path file(Path stateDir) {
        return stateDir.resolve(FILE_NAME);
    }

    /** Writes atomically (temp file, then rename), so a reader never sees half a file. */
    public void write(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Path tmp = Files.createTempFile(stateDir, FILE_NAME, ".tmp");
            Files.writeString(tmp, Json.pretty(this));
            Files.move(tmp, file(stateDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write sandbox state to " + file(stateDir), e);
        }
    }

    public static Optional<SandboxState> read(Path stateDir) {
        Path file = file(stateDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readString(file), SandboxState.class));
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("sandbox state file " + file + " is unreadable (" + e.getMessage()
                    + "); stop the emulators by hand if they still run, then delete the file", e);
        }
    }
}
