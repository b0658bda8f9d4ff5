package org.breachtriage.aws;

import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.scenarios.IncidentScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident scenarios on the AWS wire protocols: S3 for manifests and reports, DynamoDB (dynalite)
 * for staff, cases, incidents and people, SNS (fauxqs) for both topics. Scenarios have their own pay
 * numbers and incident references, so they share the emulated table with every other test.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoIncidentScenariosTest extends IncidentScenarios {
    private final EmulatorStack stack;

    DynamoIncidentScenariosTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ScenarioHarness.Backend backend() {
        return backendOn(stack);
    }

    /** Every store of a scenario on the emulators' one bucket, two tables and topics. */
    static ScenarioHarness.Backend backendOn(EmulatorStack stack) {
        AwsClients clients = stack.clients();
        ResourceNames names = stack.names();
        return new ScenarioHarness.Backend(new S3ObjectStore(clients.s3(), names.bucket()),
                new DynamoStaffDirectory(clients.dynamoDb(), names.staffTable()),
                new DynamoCaseStore(clients.dynamoDb(), names.caseTable()),
                new DynamoIncidentStore(clients.dynamoDb(), names.caseTable()),
                new DynamoPersonStore(clients.dynamoDb(), names.caseTable()),
                new SnsNoticePublisher(clients.sns(), names));
    }
}
