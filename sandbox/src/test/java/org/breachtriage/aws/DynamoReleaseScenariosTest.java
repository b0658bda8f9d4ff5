package org.breachtriage.aws;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.scenarios.ReleaseScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release scenarios on the AWS wire protocols: approvals, holds and claims as conditional writes
 * on dynalite, letters in S3 under {@code letters/}, notices and the general staff communication on
 * SNS (fauxqs). Each scenario has its own pay numbers and incident reference, so it shares the
 * emulated tables with every other test.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoReleaseScenariosTest extends ReleaseScenarios {
    private final EmulatorStack stack;

    DynamoReleaseScenariosTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ScenarioHarness.Backend backend() {
        return DynamoIncidentScenariosTest.backendOn(stack);
    }
}
