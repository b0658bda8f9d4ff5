package org.breachtriage.embedded;

import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.StaffDirectory;

/**
 * The stores a run on one machine keeps its state in: the state directory's ({@link EmbeddedState}),
 * or plain maps for the benchmark's floor. The queue and the report requests are per run, and the
 * manifest is read where it lies, so they are not here.
 */
public record LocalStores(StaffDirectory staff, CaseStore cases, IncidentStore incidents, PersonStore persons,
                          ObjectStore outputs, NoticePublisher publisher) {
}
