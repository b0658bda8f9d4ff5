package org.breachtriage.functions;

import java.time.Clock;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.DynamoCaseStore;
import org.breachtriage.aws.DynamoStaffDirectory;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.SnsNoticePublisher;
import org.breachtriage.aws.SqsBatchQueue;
import org.breachtriage.core.pipeline.ForceName;
import org.breachtriage.core.pipeline.IngestService;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.ScoreService;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * The AWS adapters and core services the handlers share, built once per JVM: a Lambda execution
 * environment handles many events, and SnapStart snapshots the JVM after this is built, so no event
 * pays for building clients or parsing the policy.
 *
 * <p>Configuration is the environment the SAM template sets: resource names from
 * {@link ResourceNames#fromEnvironment()} ({@code TRIAGE_BUCKET}, {@code TRIAGE_STAFF_TABLE}, …),
 * the force from {@link ForceName#fromEnvironment()} ({@code TRIAGE_FORCE}), and region, credentials
 * and endpoints from the standard AWS variables. Tests and the CLI build their own instance with
 * {@link #FunctionWiring(AwsClients, ResourceNames, ScoringPolicy, String, Clock)}.
 */
public final class FunctionWiring {

    /** Lazy holder: the first handler instance in a JVM builds it; SnapStart priming is registered with it. */
    private static final class Shared {
        static final FunctionWiring INSTANCE = build();

        private static FunctionWiring build() {
            FunctionWiring wiring = fromEnvironment();
            Priming.register(wiring);
            return wiring;
        }
    }

    private final AwsClients clients;
    private final ResourceNames names;
    private final ScoringPolicy policy;
    private final String force;
    private final Clock clock;
    private final S3ObjectStore objects;
    private final DynamoStaffDirectory staff;
    private final DynamoCaseStore cases;
    private final SqsBatchQueue batches;
    private final SnsNoticePublisher publisher;
    private final ReportTrigger reportTrigger;
    private final IngestService ingest;
    private final ScoreService score;
    private final ReportService report;

    public FunctionWiring(AwsClients clients, ResourceNames names, ScoringPolicy policy, String force, Clock clock) {
        this.clients = clients;
        this.names = names;
        this.policy = policy;
        this.force = force;
        this.clock = clock;
        this.objects = new S3ObjectStore(clients.s3(), names.bucket());
        this.staff = new DynamoStaffDirectory(clients.dynamoDb(), names.staffTable());
        this.cases = new DynamoCaseStore(clients.dynamoDb(), names.caseTable());
        this.batches = new SqsBatchQueue(clients.sqs(), names.batchQueueUrl());
        this.publisher = new SnsNoticePublisher(clients.sns(), names);
        this.reportTrigger = new ReportTrigger(clients.sqs(), names.reportQueueUrl());
        this.ingest = new IngestService(objects, cases, batches, publisher, policy.version(), clock);
        this.score = new ScoreService(staff, cases, publisher, new SeverityScorer(policy), policy);
        this.report = new ReportService(cases, objects, publisher, force, clock);
    }

    /** The JVM-wide wiring the handlers' no-argument constructors use (the Lambda runtime calls those). */
    public static FunctionWiring shared() {
        return Shared.INSTANCE;
    }

    /** Shared clients, names from the environment, the packaged scoring policy, the system clock. */
    public static FunctionWiring fromEnvironment() {
        return new FunctionWiring(AwsClients.shared(), ResourceNames.fromEnvironment(), ScoringPolicy.loadDefault(),
                ForceName.fromEnvironment(), Clock.systemUTC());
    }

    public AwsClients clients() {
        return clients;
    }

    public ResourceNames names() {
        return names;
    }

    public ScoringPolicy policy() {
        return policy;
    }

    public String force() {
        return force;
    }

    public Clock clock() {
        return clock;
    }

    public S3ObjectStore objects() {
        return objects;
    }

    public DynamoStaffDirectory staff() {
        return staff;
    }

    public DynamoCaseStore cases() {
        return cases;
    }

    public SqsBatchQueue batches() {
        return batches;
    }

    public SnsNoticePublisher publisher() {
        return publisher;
    }

    public ReportTrigger reportTrigger() {
        return reportTrigger;
    }

    public IngestService ingestService() {
        return ingest;
    }

    public ScoreService scoreService() {
        return score;
    }

    public ReportService reportService() {
        return report;
    }
}
