package org.breachtriage.core.pipeline;

import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.ports.ReportRequests;
import org.breachtriage.core.ports.StaffDirectory;

/**
 * Every adapter the pipeline needs, in one place: built once for AWS ({@code AwsAdapters}) and once
 * for one machine ({@code LocalPipeline}), so neither hand-wires the services.
 *
 * @param manifests where manifests (and their sidecars) are read: the bucket on AWS, the manifest's
 *                  own folder for a local run
 * @param outputs   where reports, exported rejects and letters are written: the same bucket on AWS,
 *                  the state directory's object folder locally
 */
public record PipelineAdapters(
        ObjectStore manifests,
        ObjectStore outputs,
        StaffDirectory staff,
        CaseStore cases,
        IncidentStore incidents,
        PersonStore persons,
        BatchQueue batches,
        NoticePublisher publisher,
        ReportRequests reportRequests,
        ReleaseRequests releaseRequests) {
}
