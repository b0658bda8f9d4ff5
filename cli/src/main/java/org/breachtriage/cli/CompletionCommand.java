package org.breachtriage.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Print a shell completion script for triage, generated from its commands and options.",
            "Bash: source <(triage completion bash), or add that line to ~/.bashrc.",
            "Zsh: add source <(triage completion zsh) to ~/.zshrc; the script loads bashcompinit itself."},
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "The shell to complete for: bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // picocli's script serves both shells: under zsh it turns on bashcompinit before registering.
        spec.commandLine().getOut().print(AutoComplete.bash("triage", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
