package org.breachtriage.cli;

import java.util.List;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.aws.AwsAdapters;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;

/**
 * AWS, or an emulator: region, credentials and endpoints follow the standard AWS configuration
 * ({@code AWS_REGION}, {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL[_S3|_DYNAMODB|_SQS|_SNS]}), or
 * {@code --endpoint-url}; resource names come from the functions' variables ({@code TRIAGE_BUCKET}, …)
 * or from a stack's outputs with {@code --stack}.
 */
final class AwsBackend implements Backend {
    private final AwsClients clients;
    private final ResourceNames names;
    private final PipelineAdapters adapters;
    private final Pipeline services;
    private String callerIdentity;

    AwsBackend(AwsClients clients, ResourceNames names) {
        this.clients = clients;
        this.names = names;
        this.adapters = AwsAdapters.create(clients, names);
        this.services = new Pipeline(adapters, PipelineSettings.fromEnvironment());
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
        return adapters.cases();
    }

    @Override
    public IncidentStore incidents() {
        return adapters.incidents();
    }

    @Override
    public PersonStore persons() {
        return adapters.persons();
    }

    @Override
    public ObjectStore outputs() {
        return adapters.outputs();
    }

    @Override
    public Pipeline services() {
        return services;
    }

    @Override
    public void importStaff(List<StaffMember> members) {
        adapters.staff().putAll(members);
    }

    /**
     * Told apart by the AWS caller identity (see {@link CallerIdentity}): the ARN STS gives for these
     * credentials, or in the sandbox the access key id. Asked once per command.
     */
    @Override
    public Approver approver(String name) {
        if (callerIdentity == null) {
            callerIdentity = CallerIdentity.of(clients.settings());
        }
        return Approver.byIdentity(name, callerIdentity);
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
