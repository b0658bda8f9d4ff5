package org.breachtriage.cli;

import java.util.List;
import org.breachtriage.aws.AwsAdapters;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.DynamoCaseStore;
import org.breachtriage.aws.DynamoStaffDirectory;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.ObjectStore;

/**
 * AWS, or an emulator: region, credentials and endpoints follow the standard AWS configuration
 * ({@code AWS_REGION}, {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL[_S3|_DYNAMODB|_SQS|_SNS]}), or
 * {@code --endpoint-url}; resource names come from the functions' variables ({@code TRIAGE_BUCKET}, …)
 * or from a stack's outputs with {@code --stack}.
 */
final class AwsBackend implements Backend {
    private final AwsClients clients;
    private final ResourceNames names;
    private final CaseStore cases;
    private final S3ObjectStore bucket;
    private final DynamoStaffDirectory staff;

    AwsBackend(AwsClients clients, ResourceNames names) {
        this.clients = clients;
        this.names = names;
        this.cases = new DynamoCaseStore(clients.dynamoDb(), names.caseTable());
        this.bucket = new S3ObjectStore(clients.s3(), names.bucket());
        this.staff = new DynamoStaffDirectory(clients.dynamoDb(), names.staffTable());
    }

    static AwsBackend open() {
        AwsSettings settings = AwsConfiguration.settings();
        return new AwsBackend(new AwsClients(settings), AwsConfiguration.resourceNames(settings));
    }

    AwsClients clients() {
        return clients;
    }

    ResourceNames names() {
        return names;
    }

    @Override
    public CaseStore cases() {
        return cases;
    }

    @Override
    public ObjectStore outputs() {
        return bucket;
    }

    @Override
    public ReportService reports() {
        return new Pipeline(AwsAdapters.create(clients, names), PipelineSettings.fromEnvironment()).report();
    }

    @Override
    public void importStaff(List<StaffMember> members) {
        staff.putAll(members);
    }

    @Override
    public String where() {
        return "AWS bucket " + names.bucket() + ", tables " + names.staffTable() + " and " + names.caseTable();
    }

    @Override
    public void close() {
        clients.close();
    }
}
