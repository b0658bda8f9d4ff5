package org.breachtriage.aws.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the no-Docker AWS emulators as plain child processes: fauxqs (S3, SQS, SNS) and
 * dynalite (DynamoDB), each on a free loopback port. Their PIDs and ports go into a state file so
 * that another process ({@code triage sandbox status/down}) can find them, and stop() kills exactly
 * the processes recorded there, never anything found by name.
 *
 * <p>The emulators come from {@code infra/local} ({@code npm ci --prefix infra/local}). Their output
 * goes to log files next to the state file; a start that fails shows the end of the log.
 *
 * <p>With {@link #keepingDynamoDb()} dynalite keeps its tables in a LevelDB folder in the state folder
 * ({@link #DYNAMODB_FOLDER}), so cases, incidents, people and their notices outlive a stop and a
 * start; {@link #forgetDynamoDb()} deletes them. fauxqs keeps nothing: it holds its queues, topics,
 * subscriptions, messages, buckets and objects in memory only.
 */
public final class LocalEmulators {

    public static final String DEFAULT_REGION = "eu-west-2";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String INSTALL_HINT = "run: npm ci --prefix infra/local";
    private static final int START_ATTEMPTS = 3;
    /** dynalite's LevelDB folder inside the state folder, when DynamoDB is kept. */
    public static final String DYNAMODB_FOLDER = "dynamodb";

    private final Path infraLocal;
    private final Path stateDir;
    private final String region;
    private final boolean keepDynamoDb;

    /** Emulators that keep nothing across a stop: each start is empty (what tests want). */
    public LocalEmulators(Path infraLocal, Path stateDir, String region) {
        this(infraLocal, stateDir, region, false);
    }

    private LocalEmulators(Path infraLocal, Path stateDir, String region, boolean keepDynamoDb) {
        this.infraLocal = infraLocal.toAbsolutePath().normalize();
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.region = region;
        this.keepDynamoDb = keepDynamoDb;
    }

    /**
     * Finds {@code infra/local} above {@code start} and keeps state in {@code <repo>/.triage/sandbox}.
     */
    public static LocalEmulators locate(Path start) {
        Path infra = findInfraLocal(start);
        return new LocalEmulators(infra, infra.getParent().getParent().resolve(".triage").resolve("sandbox"), DEFAULT_REGION);
    }

    public LocalEmulators withStateDir(Path dir) {
        return new LocalEmulators(infraLocal, dir, region, keepDynamoDb);
    }

    /**
     * The same emulators, with dynalite's tables kept on disk in {@link #dynamoDbFolder()}: a sandbox
     * stopped and started again still has its staff, cases and people, and so knows who was told.
     */
    public LocalEmulators keepingDynamoDb() {
        return new LocalEmulators(infraLocal, stateDir, region, true);
    }

    /** Where dynalite keeps its tables, when it keeps them. */
    public Optional<Path> dynamoDbFolder() {
        return keepDynamoDb ? Optional.of(stateDir.resolve(DYNAMODB_FOLDER)) : Optional.empty();
    }

    /**
     * Deletes the kept tables, so the next start is empty. Refused while an emulator of this state
     * folder runs (LevelDB holds its files open).
     *
     * @return false if there was nothing to delete
     */
    public boolean forgetDynamoDb() {
        Optional<Status> running = status().filter(s -> s.fauxqsAlive() || s.dynaliteAlive());
        if (running.isPresent()) {
            throw new EmulatorUnavailableException("the sandbox is running (state in " + SandboxState.file(stateDir)
                    + "); stop it first");
        }
        Path folder = stateDir.resolve(DYNAMODB_FOLDER);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var walk = Files.walk(folder)) {
            // Deepest first; Files.walk does not follow links, so nothing outside the folder goes.
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the sandbox's DynamoDB tables in " + folder, e);
        }
        return true;
    }

    public Path infraLocal() {
        return infraLocal;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Walks up from {@code start} (a file or folder) to the first folder holding {@code infra/local/package.json}. */
    public static Path findInfraLocal(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("infra").resolve("local");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new EmulatorUnavailableException("no infra/local/package.json in " + dir + " or any folder above it;"
                + " run this from inside the Breach Triage checkout");
    }

    /**
     * Starts both emulators and writes the state file. Fails if the state file names emulators that
     * are still running (stop them first), or if either emulator does not answer within {@code readyTimeout}.
     */
    public SandboxState start(Duration readyTimeout) {
        Optional<SandboxState> previous = SandboxState.read(stateDir);
        if (previous.isPresent()) {
            Status status = status(previous.get());
            if (status.fauxqsAlive() || status.dynaliteAlive()) {
                throw new EmulatorUnavailableException("a sandbox is already running (state in "
                        + SandboxState.file(stateDir) + "); stop it first");
            }
        }
        Path node = findNode();
        Path dynaliteCli = infraLocal.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!installed()) {
            throw new EmulatorUnavailableException("the emulators are not installed in " + infraLocal.resolve("node_modules")
                    + "; " + INSTALL_HINT);
        }
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the sandbox state folder " + stateDir, e);
        }

        Emulator fauxqs = new Emulator("fauxqs", "/health", true, port -> {
            ProcessBuilder pb = new ProcessBuilder(node.toString(), infraLocal.resolve("fauxqs-loopback.mjs").toString());
            pb.environment().put("FAUXQS_PORT", Integer.toString(port));
            pb.environment().put("FAUXQS_DEFAULT_REGION", region);
            pb.environment().put("FAUXQS_LOGGER", "false");
            return pb;
        });
        Emulator dynalite = new Emulator("dynalite", "/", false, port -> {
            List<String> command = new ArrayList<>(List.of(node.toString(), dynaliteCli.toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--createTableMs", "0", "--updateTableMs", "0", "--deleteTableMs", "0"));
            dynamoDbFolder().ifPresent(folder -> command.addAll(List.of("--path", folder.toString())));
            return new ProcessBuilder(command);
        });
        List<Launched> launched = new ArrayList<>();
        try {
            // Both start at once (each takes a second or two to load), then we wait for each.
            launched.add(launch(fauxqs));
            launched.add(launch(dynalite));
            SandboxState.EmulatorProcess fauxqsProcess = awaitReady(launched, 0, readyTimeout);
            SandboxState.EmulatorProcess dynaliteProcess = awaitReady(launched, 1, readyTimeout);
            SandboxState state = new SandboxState(fauxqsProcess, dynaliteProcess, region, Instant.now(), null);
            state.write(stateDir);
            return state;
        } catch (RuntimeException e) {
            launched.forEach(l -> kill(l.recorded()));
            throw e;
        }
    }

    /** Are the pinned emulators in infra/local/node_modules? */
    public boolean installed() {
        Path modules = infraLocal.resolve("node_modules");
        return Files.isRegularFile(modules.resolve("fauxqs").resolve("package.json"))
                && Files.isRegularFile(modules.resolve("dynalite").resolve("cli.js"));
    }

    /**
     * Installs the emulators pinned by infra/local/package-lock.json: {@code npm ci} there, as bin/test
     * does. npm is {@code TRIAGE_NPM} if set, else the first {@code npm} on the PATH. Its output goes
     * to {@code npm-ci.log} in the state folder; a failure shows the end of it.
     */
    public void install(Map<String, String> env, Duration timeout) {
        Path npm = findExecutable(env, "TRIAGE_NPM", "npm");
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the sandbox state folder " + stateDir, e);
        }
        Path log = stateDir.resolve("npm-ci.log");
        ProcessBuilder pb = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(infraLocal.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            Process process = pb.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmulatorUnavailableException("npm ci in " + infraLocal + " did not finish within "
                        + timeout.toSeconds() + " s. End of " + log + ":\n" + tail(log));
            }
            if (process.exitValue() != 0 || !installed()) {
                throw new EmulatorUnavailableException("npm ci in " + infraLocal + " failed (exit " + process.exitValue()
                        + "). End of " + log + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new EmulatorUnavailableException("could not run " + npm + " ci in " + infraLocal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorUnavailableException("interrupted while installing the emulators", e);
        }
    }

    /** Reads the state file, if there is one. */
    public Optional<SandboxState> state() {
        return SandboxState.read(stateDir);
    }

    public record Status(SandboxState state, boolean fauxqsAlive, boolean dynaliteAlive) {
        public boolean running() {
            return fauxqsAlive && dynaliteAlive;
        }
    }

    public Optional<Status> status() {
        return state().map(LocalEmulators::status);
    }

    public static Status status(SandboxState state) {
        return new Status(state, recordedProcess(state.fauxqs()).isPresent(), recordedProcess(state.dynalite()).isPresent());
    }

    /**
     * Stops the emulators named in the state file and deletes it.
     *
     * @return false if there was no state file
     */
    public boolean stop() {
        Optional<SandboxState> state = state();
        if (state.isEmpty()) {
            return false;
        }
        stop(state.get());
        try {
            Files.deleteIfExists(SandboxState.file(stateDir));
        } catch (IOException e) {
            throw new UncheckedIOException("emulators stopped, but could not delete " + SandboxState.file(stateDir), e);
        }
        return true;
    }

    /** Kills exactly the recorded processes (if they still run and are the same processes). */
    public static void stop(SandboxState state) {
        kill(state.fauxqs());
        kill(state.dynalite());
    }

    private interface CommandForPort {
        ProcessBuilder build(int port);
    }

    private record Emulator(String name, String probePath, boolean needs2xx, CommandForPort command) {
    }

    private record Launched(Emulator emulator, Process process, SandboxState.EmulatorProcess recorded) {
    }

    private Launched launch(Emulator emulator) {
        int port = freeLoopbackPort();
        Path log = stateDir.resolve(emulator.name() + ".log");
        ProcessBuilder pb = emulator.command().build(port).directory(infraLocal.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new EmulatorUnavailableException("could not start " + emulator.name() + " ("
                    + String.join(" ", pb.command()) + "): " + e.getMessage(), e);
        }
        return new Launched(emulator, process, new SandboxState.EmulatorProcess(emulator.name(), process.pid(), port,
                process.info().startInstant().orElse(null), log.toString()));
    }

    /**
     * Waits for {@code launched[index]} to answer. Between choosing a free port and the emulator binding
     * it another process may take the port; then we start again on another one.
     */
    private SandboxState.EmulatorProcess awaitReady(List<Launched> launched, int index, Duration readyTimeout) {
        for (int attempt = 1; ; attempt++) {
            Launched l = launched.get(index);
            Path log = Path.of(l.recorded().logFile());
            try {
                waitUntilAnswering(l.emulator().name(), l.process(), l.recorded().port(), l.emulator().probePath(),
                        l.emulator().needs2xx(), readyTimeout, log);
                return l.recorded();
            } catch (EmulatorUnavailableException e) {
                kill(l.recorded());
                if (attempt >= START_ATTEMPTS || !tail(log).contains("EADDRINUSE")) {
                    throw e;
                }
                launched.set(index, launch(l.emulator()));
            }
        }
    }

    private static void waitUntilAnswering(String name, Process process, int port, String path, boolean needs2xx,
                                           Duration timeout, Path log) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new EmulatorUnavailableException(name + " exited with code " + process.exitValue()
                        + " before answering on port " + port + ". End of " + log + ":\n" + tail(log));
            }
            Integer code = probe(uri);
            if (code != null && (!needs2xx || (code >= 200 && code < 300))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EmulatorUnavailableException(name + " did not answer on " + uri + " within " + timeout.toSeconds()
                        + " s. End of " + log + ":\n" + tail(log));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorUnavailableException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** The HTTP status, or null if nothing answered. */
    private static Integer probe(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return null;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static Optional<ProcessHandle> recordedProcess(SandboxState.EmulatorProcess recorded) {
        if (recorded == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(recorded.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> recorded.processStart() == null
                        || handle.info().startInstant().map(recorded.processStart()::equals).orElse(true));
    }

    private static void kill(SandboxState.EmulatorProcess recorded) {
        recordedProcess(recorded).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // Reported by status(): it shows the process as still alive.
                }
            }
        });
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free loopback port", e);
        }
    }

    /** {@code TRIAGE_NODE} if set, else the first {@code node} on the PATH. */
    static Path findNode() {
        return findNode(System.getenv());
    }

    static Path findNode(Map<String, String> env) {
        return findExecutable(env, "TRIAGE_NODE", "node");
    }

    /** The program the variable names, else the first one of that name on the PATH. */
    static Path findExecutable(Map<String, String> env, String variable, String program) {
        String explicit = env.get(variable);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new EmulatorUnavailableException(variable + " points at " + p + ", which is not an executable");
        }
        String path = env.getOrDefault("PATH", "");
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : windows ? List.of(program + ".exe", program + ".cmd") : List.of(program)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String what = program.equals("npm") ? "npm (it comes with Node.js)" : program + " (Node.js 20 or later)";
        throw new EmulatorUnavailableException(what + " is not on the PATH; install it, then " + INSTALL_HINT);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null");
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return last.isEmpty() ? "(no output)" : String.join("\n", last);
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
