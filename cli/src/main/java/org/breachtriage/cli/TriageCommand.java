package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.staff.RosterFormatException;
import org.breachtriage.functions.UnprocessableEventException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "triage",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        description = {
            "Breach Triage turns a supplier's data-breach manifests into a severity decision for each affected person (ENISA method), the notices they need, a Federation summary and an ICO Art. 33 draft. Manifests that name the same incident reference form one incident: each person is assessed and told once.",
            "",
            "It runs on embedded storage in the state directory, with no cloud account and no Docker; with --aws it runs against AWS or the sandbox."},
        subcommands = {
            StaffCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            StatusCommand.class,
            PersonCommand.class,
            CasesCommand.class,
            IncidentsCommand.class,
            IncidentCommand.class,
            ClockCommand.class,
            IcoCommand.class,
            PendingCommand.class,
            ReleaseCommand.class,
            HoldCommand.class,
            UnholdCommand.class,
            LetterCommand.class,
            RejectsCommand.class,
            ReportCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            SandboxCommand.class,
            SubmitCommand.class,
            ProcessCommand.class,
            InvokeCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nState directory:%n",
        footer = {
            "  --state-dir, else $TRIAGE_HOME, else ~/.breach-triage.",
            "",
            "Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid input.",
            "",
            "Start with:  triage demo"})
public final class TriageCommand implements Runnable {

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where cases, staff and outputs live (default: $TRIAGE_HOME or ~/.breach-triage).")
    void stateDir(Path dir) {
        Settings.stateDir = dir;
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    void verbose(boolean on) {
        Settings.verbose = on;
    }

    @Option(names = "--aws", scope = ScopeType.INHERIT,
            description = "Use AWS (or an emulator) instead of the state directory: the running sandbox, or the standard AWS "
                    + "configuration with the TRIAGE_* resource variables or --stack.")
    void aws(boolean on) {
        Settings.aws = on;
    }

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "With --aws: send every AWS call to this endpoint, such as an emulator (as AWS_ENDPOINT_URL).")
    void endpointUrl(String url) {
        Settings.endpointUrl = url;
    }

    @Option(names = "--service-endpoint", scope = ScopeType.INHERIT, paramLabel = "SERVICE=URL",
            description = "With --aws: send one service's calls to this endpoint (as AWS_ENDPOINT_URL_<SERVICE>). "
                    + "SERVICE is s3, dynamodb, sqs, sns, cloudformation, lambda or sts (who approves a release); repeat the option for several.")
    void serviceEndpoint(Map<String, String> endpoints) {
        Map<String, String> byId = new java.util.HashMap<>(Settings.serviceEndpoints);
        endpoints.forEach((service, url) -> {
            String id = service.trim().toUpperCase(java.util.Locale.ROOT);
            if (!AwsConfiguration.SERVICE_IDS.contains(id) || url.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--service-endpoint takes SERVICE=URL with SERVICE one of "
                        + "s3, dynamodb, sqs, sns, cloudformation, lambda, sts; got '" + service + "=" + url + "'");
            }
            byId.put(id, url);
        });
        Settings.serviceEndpoints = Map.copyOf(byId);
    }

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "With --aws: the AWS region, such as eu-west-2 (else AWS_REGION, AWS_DEFAULT_REGION or the profile's).")
    void region(String name) {
        Settings.region = name;
    }

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "With --aws: the profile of the AWS config and credentials files to use (else AWS_PROFILE or default).")
    void profile(String name) {
        Settings.profile = name;
    }

    @Option(names = "--stack", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "With --aws: take resource names from this CloudFormation stack's outputs.")
    void stack(String name) {
        Settings.stack = name;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'triage demo' or 'triage --help'.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with its output captured; tests call this instead of main. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(System.getenv(), out, err, args);
    }

    /** As {@link #execute(PrintWriter, PrintWriter, String...)} with a given environment (AWS variables). */
    static int execute(java.util.Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        // The SDK's last resort for region and credentials is the instance-metadata address; the CLI
        // resolves both itself (AwsConfiguration) and asks it only when AWS_EC2_METADATA_DISABLED=false.
        if (!"false".equalsIgnoreCase(String.valueOf(environment.get("AWS_EC2_METADATA_DISABLED")).trim())) {
            System.setProperty("aws.disableEc2Metadata", "true");
        }
        Settings.reset();
        Settings.environment = environment;
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TriageCommand());
        cli.setExecutionExceptionHandler(TriageCommand::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        // `--profile sandbox` names a profile, not the sandbox command.
        cli.setAllowSubcommandsAsOptionParameters(true);
        return cli;
    }

    /** One clear line on stderr instead of a stack trace, unless --verbose. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (Settings.verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof AwsConfiguration.AwsNotConfiguredException) {
            err.println("triage: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (e instanceof InvalidInputException || e instanceof ManifestFormatException || e instanceof RosterFormatException
                || e instanceof UnprocessableEventException) {
            err.println("triage: invalid input: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        java.util.Optional<String> full = DiskFull.reason(e);
        if (full.isPresent()) {
            err.println("triage: error: " + DiskFull.message(full.get(), Settings.aws ? "a local file"
                    : "the state directory " + Settings.stateDir()));
            return ExitCodes.FAILURE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("triage: error: " + message + (Settings.verbose ? "" : " (--verbose shows the stack trace)"));
        return ExitCodes.FAILURE;
    }

    /** "triage 0.1.0 (commit 6f4dbcf1a2b3)", from what the build wrote into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties build = new java.util.Properties();
            try (var in = TriageCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            String version = build.getProperty("version", "").strip();
            String commit = build.getProperty("commit", "").strip();
            return new String[] {"triage " + (version.isEmpty() || version.startsWith("${") ? "(version unknown)" : version)
                    + " (commit " + (commit.isEmpty() || commit.startsWith("${") ? "unknown: not built from a git checkout" : commit) + ")"};
        }
    }
}
