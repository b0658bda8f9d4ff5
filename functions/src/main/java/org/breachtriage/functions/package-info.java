/**
 * The AWS Lambda handlers: thin translations from an event to a core service.
 *
 * <ul>
 *   <li>{@link org.breachtriage.functions.IngestHandler}: S3 {@code ObjectCreated} under
 *       {@code manifests/} → {@code IngestService}.</li>
 *   <li>{@link org.breachtriage.functions.ScoreHandler}: the batch queue → {@code ScoreService},
 *       one {@code batchItemFailures} entry per failed message.</li>
 *   <li>{@link org.breachtriage.functions.ReportHandler}: the report queue → {@code ReportService}.</li>
 * </ul>
 *
 * <h2>How the report is triggered, and why</h2>
 *
 * The call that moves a case from SCORING to SCORED ({@code CaseLifecycle}, in core) asks for the report
 * through the {@code ReportRequests} port, which on AWS sends {@code {"schemaVersion":…,"caseId":…}} to
 * the report queue ({@link org.breachtriage.aws.SqsReportRequests}). That move is a conditional
 * write on the case item, so across any number of concurrent scorers (and the ingest, for a manifest
 * with nothing to score) exactly one caller makes it and exactly one trigger is sent. We chose a queue
 * message over the alternatives because:
 * <ul>
 *   <li>SQS gives the report step retries with back-off, a dead-letter queue with an alarm, and
 *       {@code ReportBatchItemFailures}, the same failure handling as scoring;</li>
 *   <li>a DynamoDB stream would fire on every one of the tens of thousands of result writes of a
 *       case and need filtering for the one status change, and streams need extra IAM and a shard
 *       iterator model for a once-per-case event;</li>
 *   <li>an SNS-to-SQS subscription on {@code case.scored} would work too, but would put the pipeline's
 *       control flow on the alerts topic, which the Federation and on-call subscribe to; a private
 *       queue keeps those concerns apart.</li>
 * </ul>
 * If sending the request fails, the batch (or S3 event) is retried; the retry finds its batch counted
 * and the case still SCORED, and asks again. {@code ReportService} does nothing for a case already
 * REPORTED, so a duplicate request is harmless.
 *
 * <h2>What a handler does</h2>
 *
 * Only translation: the event becomes a command for one use case of the pipeline
 * ({@code IngestManifest}, {@code ScoreBatch}, {@code ReportCase}); the per-message failure loop of
 * the SQS handlers is {@link org.breachtriage.functions.SqsMessages}.
 *
 * <h2>Cold starts</h2>
 *
 * Adapters and services are built once per JVM ({@link org.breachtriage.functions.FunctionWiring#shared()})
 * and primed for SnapStart before the snapshot ({@code Priming}, an {@code org.crac} resource: one
 * request of each kind, answered offline from canned bodies). The SQS handlers' entry point reads the
 * event with the project's Jackson ({@link org.breachtriage.functions.SqsFunction}), not the runtime's
 * serialiser. docs/benchmarks.md, "Cold start", has the figures ({@code bench/cold-start.sh}).
 */
package org.breachtriage.functions;
