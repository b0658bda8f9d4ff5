package org.breachtriage.aws;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.scenarios.PartThreeScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DPA 2018 Part 3 scenarios on the AWS wire protocols: the victims and witnesses sample through S3,
 * DynamoDB (dynalite) and SNS (fauxqs); the staff table is the emulated one, asked about nobody.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoPartThreeScenariosTest extends PartThreeScenarios {
    private final EmulatorStack stack;

    DynamoPartThreeScenariosTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ScenarioHarness.Backend backend() {
        return DynamoIncidentScenariosTest.backendOn(stack);
    }
}
