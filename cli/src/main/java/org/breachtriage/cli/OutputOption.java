package org.breachtriage.cli;

import picocli.CommandLine.Option;

/** {@code --output table|json}, shared by the commands that print results. */
final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "The output format: table (the default) or json (nothing but JSON on stdout).")
    OutputFormat format = OutputFormat.table;
}
