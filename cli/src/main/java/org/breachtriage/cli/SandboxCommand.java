package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsService;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.sandbox.LocalEmulators;
import org.breachtriage.aws.sandbox.SandboxQueues;
import org.breachtriage.aws.sandbox.SandboxResources;
import org.breachtriage.aws.sandbox.SandboxState;
import org.breachtriage.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sqs.model.Message;

@Command(name = "sandbox",
        description = {"Run a no-Docker AWS sandbox on this machine: fauxqs (S3, SQS, SNS) and dynalite (DynamoDB) from infra/local, with every resource template.yaml declares.",
            "While it runs, --aws commands use it without further configuration.",
            "DynamoDB (staff, cases, incidents, people and who was told) is kept in the state folder across down and up; S3, SQS and SNS start empty each time."},
        mixinStandardHelpOptions = true,
        subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Status.class, SandboxCommand.Peek.class})
final class SandboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: up, down, status or peek.");
    }

    enum EnvFormat { table, env }

    /** {@code --output table|env}, shared by up and status. */
    static final class EnvOutput {
        @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
                description = "The output format: table (the default) or env (export lines for eval).")
        EnvFormat format;
    }

    /** The sandbox keeps its DynamoDB tables: a restart must not forget who was told. */
    static LocalEmulators emulators() {
        return LocalEmulators.locate(Settings.repositoryHint()).withStateDir(AwsConfiguration.sandboxDir()).keepingDynamoDb();
    }

    /** Every variable that points a shell, the CLI or a function at the sandbox. */
    static Map<String, String> environment(SandboxState state) {
        Map<String, String> env = new LinkedHashMap<>(state.environment());
        for (AwsService service : AwsService.values()) {
            env.put(service.endpointVariable(), state.awsSettings().endpoints().get(service).toString());
        }
        try (AwsClients clients = new AwsClients(state.awsSettings())) {
            env.put("TRIAGE_SANDBOX_NOTICES_QUEUE_URL", clients.sqs().getQueueUrl(
                    r -> r.queueName(SandboxResources.NOTICES_INSPECTION_QUEUE)).queueUrl());
            env.put("TRIAGE_SANDBOX_FEDERATION_QUEUE_URL", clients.sqs().getQueueUrl(
                    r -> r.queueName(SandboxResources.FEDERATION_INSPECTION_QUEUE)).queueUrl());
        }
        return env;
    }

    static void print(PrintWriter out, SandboxState state, EnvFormat format) {
        Map<String, String> env = environment(state);
        if (format == EnvFormat.env) {
            env.forEach((name, value) -> out.println("export " + name + "='" + value.replace("'", "'\\''") + "'"));
            return;
        }
        out.printf("fauxqs   pid %d on %s (S3, SQS, SNS)%n", state.fauxqs().pid(), state.fauxqs().endpoint());
        out.printf("dynalite pid %d on %s (DynamoDB, kept in %s)%n", state.dynalite().pid(), state.dynalite().endpoint(),
                emulators().dynamoDbFolder().map(Object::toString).orElse("memory"));
        env.forEach((name, value) -> out.printf("  %-36s %s%n", name, value));
        out.println("Use it:  triage --aws staff import events/staff/roster.csv   (or: eval \"$(triage sandbox status --output env)\")");
    }

    @Command(name = "up", description = "Start the emulators in the background (installing them with npm ci first if needed) and create the resources.",
            mixinStandardHelpOptions = true)
    static final class Up implements Callable<Integer> {
        private static final java.time.Duration NPM_CI_TIMEOUT = java.time.Duration.ofMinutes(5);

        @Mixin
        EnvOutput output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalEmulators emulators = emulators();
            Optional<LocalEmulators.Status> running = emulators.status().filter(LocalEmulators.Status::running);
            SandboxState state;
            if (running.isPresent()) {
                state = running.get().state();
                spec.commandLine().getErr().println("triage: the sandbox is already running; reusing it");
            } else {
                if (!emulators.installed()) {
                    // As bin/triage builds itself: a fresh clone needs no separate install step.
                    spec.commandLine().getErr().println("triage: installing the pinned emulators (npm ci in "
                            + emulators.infraLocal() + ")...");
                    emulators.install(Settings.environment, NPM_CI_TIMEOUT);
                }
                state = emulators.start(LocalEmulators.DEFAULT_READY_TIMEOUT);
            }
            try (AwsClients clients = new AwsClients(state.awsSettings())) {
                SandboxResources.Created created = new SandboxResources(clients)
                        .create(ResourceNames.sandboxDefaults(state.region()));
                state = state.withResources(created.names());
                state.write(emulators.stateDir());
            }
            print(spec.commandLine().getOut(), state, output.format);
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", description = {"Stop exactly the processes `sandbox up` started.",
            "The DynamoDB tables stay in the state folder for the next `sandbox up`, unless --forget is given."},
            mixinStandardHelpOptions = true)
    static final class Down implements Callable<Integer> {
        @Option(names = "--forget", description = "Also delete the kept DynamoDB tables, so the next `sandbox up` starts empty.")
        boolean forget;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalEmulators emulators = emulators();
            boolean stopped = emulators.stop();
            PrintWriter out = spec.commandLine().getOut();
            out.println(stopped ? "sandbox stopped" : "no sandbox was running");
            if (forget) {
                boolean deleted = emulators.forgetDynamoDb();
                out.println(deleted ? "DynamoDB tables deleted from " + emulators.dynamoDbFolder().orElseThrow()
                        : "no DynamoDB tables were kept");
            } else if (stopped) {
                emulators.dynamoDbFolder().ifPresent(folder -> out.println("DynamoDB tables kept in " + folder
                        + " (sandbox down --forget deletes them)"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Say whether the sandbox runs, and print its variables.",
            mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Mixin
        EnvOutput output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<LocalEmulators.Status> status = emulators().status();
            PrintWriter out = spec.commandLine().getOut();
            if (status.isEmpty() || !status.get().running()) {
                out.println(status.isEmpty() ? "no sandbox (start one: triage sandbox up)"
                        : "sandbox is NOT running (fauxqs alive: " + status.get().fauxqsAlive() + ", dynalite alive: "
                                + status.get().dynaliteAlive() + "); restart: triage sandbox down && triage sandbox up");
                return ExitCodes.FAILURE;
            }
            print(out, status.get().state(), output.format);
            return ExitCodes.OK;
        }
    }

    @Command(name = "peek",
            description = {"Show the messages waiting on a sandbox queue and leave them there: what the notice sender (notices) or the Federation, through its filter policy (federation), would receive."},
            mixinStandardHelpOptions = true)
    static final class Peek implements Callable<Integer> {
        private static final int MAX_PER_RECEIVE = 10;

        @Parameters(paramLabel = "QUEUE", description = "The queue: notices or federation (the inspection queues), or any queue's name or URL.")
        String queue;

        @Option(names = "--max", defaultValue = "10", paramLabel = "N",
                description = "The most messages to show (default ${DEFAULT-VALUE}).")
        int max;

        @Mixin
        OutputOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Optional<LocalEmulators.Status> status = emulators().status().filter(LocalEmulators.Status::running);
            if (status.isEmpty()) {
                throw new IllegalStateException("no sandbox is running (start one: triage sandbox up)");
            }
            try (AwsClients clients = new AwsClients(status.get().state().awsSettings())) {
                String url = queueUrl(clients);
                List<Message> messages = SandboxQueues.peek(clients.sqs(), url, Math.max(1, max));
                PrintWriter out = spec.commandLine().getOut();
                if (output.format == OutputFormat.json) {
                    out.println(Json.pretty(messages.stream().map(SandboxQueues::describe).toList()));
                } else {
                    out.printf("%d message(s) on %s (left on the queue)%n", messages.size(), ResourceNames.queueName(url));
                    for (Message m : messages) {
                        Map<String, Object> d = SandboxQueues.describe(m);
                        out.printf("--- %s  %s%n%s%n", d.get("eventType"), m.messageId(), Json.pretty(d.get("message")));
                    }
                }
            }
            return ExitCodes.OK;
        }

        private String queueUrl(AwsClients clients) {
            String name = switch (queue) {
                case "notices" -> SandboxResources.NOTICES_INSPECTION_QUEUE;
                case "federation" -> SandboxResources.FEDERATION_INSPECTION_QUEUE;
                default -> queue;
            };
            if (name.startsWith("http://") || name.startsWith("https://")) {
                return name;
            }
            try {
                return clients.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl();
            } catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException e) {
                throw new InvalidInputException("the sandbox has no queue named " + name + " (try notices or federation)");
            }
        }
    }
}
