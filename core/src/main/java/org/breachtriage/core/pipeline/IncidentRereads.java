package org.breachtriage.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseOpening;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.IncidentMetadataLoader;

/**
 * A manifest run again finds its case by the manifest's content, so a corrected incident file beside
 * it (a sidecar, the metadata given with the run) would go unread. This reads it again and compares it
 * with what the case was opened with:
 * <ul>
 *   <li>an earlier {@code awareAt} moves the case's and the incident's Art. 33 deadline earlier (the
 *       earliest awareness wins: the force knew then, whatever it wrote first);</li>
 *   <li>a later one is not applied: a deadline never moves later, since the force cannot un-know;</li>
 *   <li>other changed fields are named but not applied, because the case's people were assessed on
 *       what the metadata said then; a new manifest that supersedes this one applies them.</li>
 * </ul>
 * Each finding goes in the case's decision log once, however often the file is run again, and back to
 * the caller as a warning sentence.
 */
final class IncidentRereads {
    private IncidentRereads() {
    }

    /** @return one sentence per finding, for {@code triage: warning:} lines (the fresh metadata's own warnings first) */
    static List<String> reconcile(CaseRecord existing, IngestService.ResolvedIncident fresh, CaseLifecycle lifecycle,
                                  IncidentService incidents) {
        if (fresh == null) {
            return List.of();
        }
        IncidentMetadata now = fresh.metadata();
        IncidentMetadata then = existing.incident();
        List<String> said = new ArrayList<>(now.warnings());
        String caseId = existing.caseId();
        String changedSince = fresh.source() + " changed since case " + caseId + " was opened: ";
        if (!IncidentMetadataLoader.awarenessAssumed(now) && now.awareAt().isBefore(then.awareAt())) {
            String incidentDeadline = "";
            if (existing.incidentId() != null && incidents.store().find(existing.incidentId()).isPresent()) {
                IncidentService.DeadlineMove move = incidents.moveAwarenessEarlier(existing.incidentId(), caseId,
                        existing.source(), now.awareAt());
                incidentDeadline = "; the deadline of incident " + existing.incidentId() + " is now " + move.after();
            }
            lifecycle.moveAwarenessEarlier(caseId, now.awareAt());
            said.add(note(lifecycle, caseId, "awareness corrected", changedSince + "awareAt is now " + now.awareAt()
                    + ", earlier than " + then.awareAt() + ", so this manifest's Art. 33 deadline moves from "
                    + existing.art33Deadline() + " to " + now.awareAt().plus(CaseOpening.ART33_WINDOW)
                    + incidentDeadline + " (the earliest awareness wins)."));
        } else if (!IncidentMetadataLoader.awarenessAssumed(now) && now.awareAt().isAfter(then.awareAt())) {
            said.add(note(lifecycle, caseId, "awareness kept", changedSince + "awareAt is now " + now.awareAt()
                    + ", later than " + then.awareAt() + "; the earlier is kept and the Art. 33 deadline stays "
                    + existing.art33Deadline() + ", because a deadline never moves later."));
        }
        List<String> changed = now.changedFieldsOtherThanAwareness(then);
        if (!changed.isEmpty()) {
            said.add(note(lifecycle, caseId, "incident metadata changed", changedSince + (changed.size() == 1
                    ? "field " : "fields ") + String.join(", ", changed) + " changed; only an earlier awareAt is applied"
                    + " to a case already opened, because its people were assessed on what the metadata said then. To"
                    + " apply the rest, submit the manifest again under a new name with this metadata and"
                    + " \"supersedes\": \"" + existing.source() + "\"."));
        }
        return said;
    }

    private static String note(CaseLifecycle lifecycle, String caseId, String decision, String sentence) {
        lifecycle.noteOnce(caseId, decision, sentence);
        return sentence;
    }
}
