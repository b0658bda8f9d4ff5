package org.breachtriage.aws.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.sandbox.LocalEmulators;
import org.breachtriage.aws.sandbox.SandboxResources;
import org.breachtriage.aws.sandbox.SandboxState;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The emulators of one test JVM with the pipeline's resources created in them. Tests share it (see
 * {@link EmulatorStackExtension}), so each test uses its own case ids, keys or queues.
 */
public final class EmulatorStack implements AutoCloseable {

    private final Path stateDir;
    private final SandboxState state;
    private final AwsClients clients;
    private final SandboxResources.Created resources;
    private final Thread shutdownHook;
    private boolean closed;

    private EmulatorStack(Path stateDir, SandboxState state, AwsClients clients, SandboxResources.Created resources,
                          Thread shutdownHook) {
        this.stateDir = stateDir;
        this.state = state;
        this.clients = clients;
        this.resources = resources;
        this.shutdownHook = shutdownHook;
    }

    /** Starts the emulators from the checkout's infra/local, with state in a temporary folder. */
    static EmulatorStack start() {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("triage-emulators-");
        } catch (IOException e) {
            throw new IllegalStateException("could not create a temporary folder for the emulators", e);
        }
        // A temporary state folder, so tests never touch a developer's running `triage sandbox`.
        LocalEmulators emulators = LocalEmulators.locate(Path.of("")).withStateDir(stateDir);
        SandboxState state = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
        // If the JVM ends without closing the JUnit store (System.exit, Ctrl-C), do not leave node running.
        Thread hook = new Thread(() -> LocalEmulators.stop(state), "stop-test-emulators");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            AwsClients clients = new AwsClients(state.awsSettings());
            SandboxResources.Created created = new SandboxResources(clients)
                    .create(ResourceNames.sandboxDefaults(state.region()));
            return new EmulatorStack(stateDir, state.withResources(created.names()), clients, created, hook);
        } catch (RuntimeException e) {
            LocalEmulators.stop(state);
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
    }

    public SandboxState state() {
        return state;
    }

    /** Shared clients without interceptors; do not close. */
    public AwsClients clients() {
        return clients;
    }

    public ResourceNames names() {
        return resources.names();
    }

    public SandboxResources.Created resources() {
        return resources;
    }

    public AwsSettings settings() {
        return state.awsSettings();
    }

    /** New clients to the same emulators with these interceptors (counting, fault injection); the caller closes them. */
    public AwsClients newClients(ExecutionInterceptor... interceptors) {
        return new AwsClients(settings().withInterceptors(interceptors));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.close();
        } finally {
            LocalEmulators.stop(state);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run; nothing left to do.
            }
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless.
        }
    }
}
