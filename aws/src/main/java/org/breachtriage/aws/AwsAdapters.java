package org.breachtriage.aws;

import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.ports.ObjectStore;

/**
 * The pipeline's adapters on AWS, built once from one set of clients and resource names: S3 for
 * manifests and outputs (one bucket), DynamoDB for staff and for cases, incidents and their people
 * (one single-table design, {@link CaseTableSchema}), SQS for row batches, report requests and
 * release requests, SNS for alerts and notices.
 *
 * <p>The S3 and SNS adapters build their client on first use ({@link OnFirstUse}): the score function's
 * first event usually needs neither, and each costs hundreds of classes on a cold start. DynamoDB and
 * SQS, which every handler uses, are built here.
 */
public final class AwsAdapters {
    private AwsAdapters() {
    }

    public static PipelineAdapters create(AwsClients clients, ResourceNames names) {
        ObjectStore bucket = new OnFirstUse.Objects(() -> new S3ObjectStore(clients.s3(), names.bucket()));
        return new PipelineAdapters(
                bucket,
                bucket,
                new DynamoStaffDirectory(clients.dynamoDb(), names.staffTable()),
                new DynamoCaseStore(clients.dynamoDb(), names.caseTable()),
                new DynamoIncidentStore(clients.dynamoDb(), names.caseTable()),
                new DynamoPersonStore(clients.dynamoDb(), names.caseTable()),
                new SqsBatchQueue(clients.sqs(), names.batchQueueUrl()),
                new OnFirstUse.Publisher(() -> new SnsNoticePublisher(clients.sns(), names)),
                new SqsReportRequests(clients.sqs(), names.reportQueueUrl()),
                new SqsReleaseRequests(clients.sqs(), names.releaseQueueUrl()));
    }
}
