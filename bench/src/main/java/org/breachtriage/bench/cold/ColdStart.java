package org.breachtriage.bench.cold;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.breachtriage.bench.cold.LocalRuntimeApi.Answer;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The cold-start benchmark (bench/cold-start.sh): in one run, alternating, a bare hello-world JVM and
 * the score function in a fresh JVM to its first handled event, under the real Java runtime interface
 * client (aws-lambda-java-runtime-interface-client, the process's main class, as Lambda's java21
 * bootstrap starts it) with the deployment package unpacked as the task root, against
 * {@link LocalRuntimeApi} and the emulators. Flags go in {@code JAVA_TOOL_OPTIONS}, as the template
 * sets them, for both.
 *
 * <p>Time: from just before the process is started to when its answer reaches the Runtime API (the
 * hello world: to its exit). Classes: a separate run of each with {@code -Xlog:class+load}, counting
 * the classes loaded up to the answer, and how many of them came from a CDS archive.
 */
public final class ColdStart {
    static final String HANDLER = "org.breachtriage.functions.ScoreHandler::handleRequest";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * One way of starting a JVM: the flags, and whether it is the handler or the hello world; a handler
     * of another deployment package names that package's task root (null: the package under test).
     */
    record Variant(String name, boolean handler, List<String> flags, Path taskRoot) {
        Variant(String name, boolean handler, List<String> flags) {
            this(name, handler, flags, null);
        }
    }

    private final Path root;
    private final Path work;
    private final Path taskRoot;
    private final String java;
    private final ScoreEvents fixture;
    private final Deque<String> events = new ArrayDeque<>();

    private ColdStart(Path root, Path work, Path taskRoot, String java, ScoreEvents fixture) {
        this.root = root;
        this.work = work;
        this.taskRoot = taskRoot;
        this.java = java;
        this.fixture = fixture;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = options(argv);
        Path root = Path.of(args.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(args.getOrDefault("work", root.resolve("bench/out/cold").toString())).toAbsolutePath();
        Path jar = Path.of(args.getOrDefault("jar", root.resolve("functions/target/breach-triage-functions.jar").toString()));
        int runs = Integer.parseInt(args.getOrDefault("runs", "5"));
        int rows = Integer.parseInt(args.getOrDefault("rows", "5"));
        String archive = args.get("cds-archive");
        // Extra flags for every JVM of the run, for experiments (COLD_EXTRA_FLAGS).
        String extra = args.getOrDefault("extra-flags", "").trim();
        String c1 = ("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 " + extra).trim();
        String c2 = extra;
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        deleteTree(work);
        Path taskRoot = unpack(jar, Files.createDirectories(work.resolve("task")));
        try (ScoreEvents fixture = ScoreEvents.start(root, work.resolve("emulators"))) {
            fixture.importStaff(root.resolve("events/staff/roster.csv"));
            ColdStart bench = new ColdStart(root, work, taskRoot, javaBinary, fixture);

            if (args.containsKey("train")) {
                bench.train(Path.of(args.get("train")).toAbsolutePath(), split(args.getOrDefault("train-flags", c1)), rows);
                if (archive == null) {
                    archive = Path.of(args.get("train")).toAbsolutePath().toString();
                }
            }

            List<Variant> variants = new ArrayList<>();
            variants.add(new Variant("hello world, C1 only", false, split(c1)));
            variants.add(new Variant("score handler, C1 only", true, split(c1)));
            if (archive != null) {
                variants.add(new Variant("score handler, C1 only, AppCDS", true, split(c1 + " -XX:SharedArchiveFile=" + archive)));
            }
            variants.add(new Variant("hello world, C1 and C2", false, split(c2)));
            variants.add(new Variant("score handler, C1 and C2", true, split(c2)));
            if (archive != null) {
                variants.add(new Variant("score handler, C1 and C2, AppCDS", true, split(c2 + " -XX:SharedArchiveFile=" + archive)));
            }
            // Other packages (earlier builds), measured C1 only beside this one: what each change bought.
            List<String> others = split(args.getOrDefault("compare-jars", "").replace(',', ' '));
            for (int i = 0; i < others.size(); i++) {
                Path other = Path.of(others.get(i));
                Path otherRoot = unpack(other, Files.createDirectories(work.resolve("task-" + i)));
                variants.add(1 + i, new Variant("score handler, C1 only, " + other.getFileName(), true, split(c1), otherRoot));
            }
            long handlers = variants.stream().filter(Variant::handler).count();
            int needed = (int) (handlers * (runs + 1) * 2);
            say("preparing " + needed + " score events of " + rows + " rows (one fresh case each)");
            bench.events.addAll(fixture.scoreEvents(root, needed, rows, Long.toHexString(System.nanoTime())));

            Map<Variant, List<Timing>> times = new LinkedHashMap<>();
            variants.forEach(v -> times.put(v, new ArrayList<>()));
            for (int round = 1; round <= runs; round++) {
                for (Variant v : variants) {
                    Timing t = bench.time(v, List.of());
                    times.get(v).add(t);
                    say(String.format(Locale.ROOT, "round %d/%d: %s: %.3f s, CPU %.2f s (second event %.3f s)", round, runs,
                            v.name(), t.first(), t.cpu(), t.warmSecond()));
                }
            }
            Map<Variant, ClassCount> classes = new LinkedHashMap<>();
            for (Variant v : variants) {
                classes.put(v, bench.countClasses(v));
            }
            System.out.print(ColdStartReport.markdown(variants, times, classes, runs, rows, archive));
        }
    }

    /**
     * One fresh JVM of this variant: seconds from the process start to its first answer (the hello
     * world: to its exit), and for the handler the seconds its second event took, the same work on a
     * warm JVM (another case's first batch), which tells the emulators' share of the first event.
     */
    record Timing(double first, double cpu, double warmSecond) {
    }

    private Timing time(Variant v, List<String> extraFlags) throws Exception {
        List<String> flags = new ArrayList<>(v.flags());
        flags.addAll(extraFlags);
        if (!v.handler()) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", helloClassPath(), Hello.class.getName())
                    .redirectErrorStream(true).redirectOutput(work.resolve("hello.log").toFile());
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", flags));
            double cpuBefore = CpuTime.ofReapedChildren();
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("hello world failed: " + Files.readString(work.resolve("hello.log")));
            }
            long end = System.nanoTime();
            return new Timing((end - start) / 1e9, CpuTime.ofReapedChildren() - cpuBefore, Double.NaN);
        }
        List<String> twoEvents = List.of(events.removeFirst(), events.removeFirst());
        Path log = work.resolve("handler.log");
        try (LocalRuntimeApi api = new LocalRuntimeApi(twoEvents)) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", runtimeClassPath(), AWSLambda.class.getName(), HANDLER)
                    .directory(rootOf(v).toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().putAll(functionEnvironment(api, flags, rootOf(v)));
            long start = System.nanoTime();
            Process p = pb.start();
            api.cpuProbe(() -> CpuTime.of(p.pid()));
            try {
                Answer first = scored(v, api.await(0, TIMEOUT), log);
                Answer second = scored(v, api.await(1, TIMEOUT), log);
                return new Timing((first.atNanos() - start) / 1e9, first.cpuSeconds(), (second.atNanos() - second.servedNanos()) / 1e9);
            } finally {
                stop(p);
            }
        }
    }

    private static Answer scored(Variant v, Answer answer, Path log) throws IOException {
        if (answer.error() || !answer.body().contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException(v.name() + ": the handler did not score its batch: " + answer.body()
                    + "\n" + Files.readString(log));
        }
        return answer;
    }

    /** A run with -Xlog:class+load to a file: classes loaded until the answer, and how many from CDS. */
    private ClassCount countClasses(Variant v) throws Exception {
        Path log = work.resolve("classes-" + Math.abs(v.name().hashCode()) + ".log");
        Files.deleteIfExists(log);
        Timing t = time(v, List.of("-Xlog:class+load=info:file=" + log));
        return ClassCount.of(log, t.first());
    }

    /** The training run: the handler on a score event with -XX:ArchiveClassesAtExit, ended as Lambda ends it. */
    private void train(Path archive, List<String> flags, int rows) throws Exception {
        Files.deleteIfExists(archive);
        Files.createDirectories(archive.getParent());
        events.addAll(fixture.scoreEvents(root, 2, rows, "train-" + Long.toHexString(System.nanoTime())));
        List<String> trainFlags = new ArrayList<>(flags);
        trainFlags.add("-XX:ArchiveClassesAtExit=" + archive);
        time(new Variant("training", true, trainFlags), List.of());
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no archive at " + archive + "; see " + work.resolve("handler.log"));
        }
        say("AppCDS archive " + archive + ": " + Files.size(archive) / 1024 / 1024 + " MB");
    }

    /** What Lambda sets for the function (template.yaml's variables), pointing at the emulators. */
    private Path rootOf(Variant v) {
        return v.taskRoot() == null ? taskRoot : v.taskRoot();
    }

    private Map<String, String> functionEnvironment(LocalRuntimeApi api, List<String> flags, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>(fixture.functionEnvironment());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "breach-triage-cold-score");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/breach-triage-cold-score");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[1]0000");
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        List<String> all = new ArrayList<>(flags);
        int feature = Runtime.version().feature();
        // Lambda runs Java 21; on a newer JDK, say yes to what the runtime client does so the JDK prints no warning.
        if (feature >= 22) {
            all.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 23) {
            all.add("--sun-misc-unsafe-memory-access=allow");
        }
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", all));
        return env;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The runtime's own jars (interface client, lambda-core, serialization, utils-lite), not the function's. */
    private static String runtimeClassPath() throws Exception {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
            jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    private static String helloClassPath() throws Exception {
        return Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Lambda unpacks the deployment package into the task root (/var/task). */
    static Path unpack(Path jar, Path taskRoot) throws IOException {
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return taskRoot;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> split(String flags) {
        return flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
    }

    private static Map<String, String> options(String[] argv) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("options are --name value pairs; got " + argv[i]);
            }
            options.put(argv[i].substring(2), argv[++i]);
        }
        return options;
    }

    static void say(String message) {
        System.err.println("cold-start: " + message);
    }
}
