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
 * The call that moves a case from SCORING to SCORED sends {@code {"schemaVersion":"1","caseId":…}}
 * to the report queue ({@link org.breachtriage.functions.ReportTrigger}). That move is a conditional
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
 * If sending the trigger fails, the batch (or S3 event) is retried; the retry finds its batch counted
 * and the case still SCORED, and sends the trigger again. {@code ReportService} does nothing for a case
 * already REPORTED, so a duplicate trigger is harmless.
 *
 * <h2>Cold starts</h2>
 *
 * Adapters and services are built once per JVM ({@link org.breachtriage.functions.FunctionWiring#shared()})
 * and primed for SnapStart before the snapshot ({@code Priming}, an {@code org.crac} resource).
 */
package org.breachtriage.functions;
