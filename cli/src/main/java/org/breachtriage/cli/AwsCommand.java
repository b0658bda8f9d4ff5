package org.breachtriage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only makes sense against AWS: refuses to run without {@code --aws}, saying so. */
abstract class AwsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        if (!Settings.aws) {
            throw new ParameterException(spec.commandLine(), "'" + spec.name() + "' talks to AWS: add --aws "
                    + "(with the sandbox running, or AWS_* and TRIAGE_* variables set, or --stack NAME)");
        }
        try (AwsBackend aws = AwsBackend.open()) {
            return run(aws);
        }
    }

    abstract int run(AwsBackend aws) throws Exception;
}
