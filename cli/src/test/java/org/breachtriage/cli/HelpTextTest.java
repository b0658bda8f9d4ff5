package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every description in {@code --help} is made of whole sentences: picocli prints each element of a
 * description on a line of its own and lists a command by its first element, so an element cut
 * mid-phrase shows up cut ("the ENISA inputs (DPC, EI, CB),"). Each element must start with a capital
 * letter and end with a full stop.
 */
class HelpTextTest {
    private static final Pattern SENTENCES = Pattern.compile("^[A-Z].*[.!?]$", Pattern.DOTALL);

    @Test
    void everyDescriptionOfEveryCommandOptionAndParameterIsWholeSentences() {
        List<String> cut = new ArrayList<>();
        check(TriageCommand.commandLine(), cut);
        assertEquals(List.of(), cut, "descriptions that are not whole sentences");
    }

    @Test
    void theCommandListShowsEachCommandsWholeFirstSentence() {
        String help = TriageCommand.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(help.contains("the ENISA inputs (DPC, EI, CB), the score and band, every rule that fired, the manifests that"
                + " named them and what each said, and their notice history."), help);
    }

    private static void check(CommandLine command, List<String> cut) {
        CommandSpec spec = command.getCommandSpec();
        for (String line : spec.usageMessage().description()) {
            line = line.replace("%n", " ");
            if (!line.isBlank() && !SENTENCES.matcher(line.strip()).matches()) {
                cut.add(spec.qualifiedName() + ": " + line);
            }
        }
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            for (String line : arg.description()) {
                if (!line.isBlank() && !SENTENCES.matcher(line.strip()).matches()) {
                    cut.add(spec.qualifiedName() + " " + arg.paramLabel() + ": " + line);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> check(sub, cut));
    }
}
