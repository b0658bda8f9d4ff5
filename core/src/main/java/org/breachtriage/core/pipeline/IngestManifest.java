package org.breachtriage.core.pipeline;

import java.io.IOException;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;

/** The ingest use case: what the S3 handler and the local pipeline ask for, and nothing else. */
public interface IngestManifest {

    /**
     * @param key               the manifest's key in the object store
     * @param explicitIncident  incident metadata given by the operator, or null to look for a sidecar,
     *                          object metadata or an envelope, in that order, before assuming the worst
     * @param requeueUnfinished also re-read a case stuck in SCORING with batches never scored. Only for
     *                          an in-process queue, whose batches die with the process; SQS keeps them.
     */
    record Command(String key, IncidentMetadata explicitIncident, boolean requeueUnfinished) {
        public static Command of(String key) {
            return new Command(key, null, false);
        }
    }

    IngestOutcome ingest(Command command) throws IOException;
}
