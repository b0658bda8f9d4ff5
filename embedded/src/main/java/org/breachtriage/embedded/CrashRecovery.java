package org.breachtriage.embedded;

import java.time.Clock;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.GeneralCommunication;
import org.breachtriage.core.incident.IncidentRecord;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What a state directory needs after the process holding it died (SIGKILL, power cut, a full disk).
 *
 * <p>A publisher claims a notice before it sends it, and the claim keeps other publishers off for
 * {@code PersonNotice.CLAIM_LEASE}, because on AWS a claimer may be a slow Lambda that is still alive.
 * Here only one process can hold the state directory (the store file is locked), so every claim found
 * when it is opened after an unclean end belongs to a dead process. Leaving them for the lease would
 * keep those people waiting out the lease and make a re-run report them as "releasing"; dropping them
 * lets the re-run send them now. A notice the dead process had already written to the topic file is
 * not written again: the file is idempotent by notice id ({@link JsonLinesTopicSink}).
 *
 * <p>An unclean end is told from a clean one by a marker in the store's meta map: set (and committed)
 * on open, removed on close.
 */
public final class CrashRecovery {
    static final String OPEN_MARKER = "session.open";

    private CrashRecovery() {
    }

    /** What was found: whether the last holder died, and the claims of its dropped. */
    public record Recovered(boolean uncleanEnd, int peopleUnclaimed, int generalCommunicationsUnplanned) {
        static final Recovered CLEAN = new Recovered(false, 0, 0);
    }

    /** Marks the store open, first recovering if the marker says its last holder never closed it. */
    static Recovered onOpen(MVStore store, MVMap<String, String> meta, MvStoreIncidentStore incidents,
                            MvStorePersonStore persons, Clock clock) {
        Recovered recovered = meta.containsKey(OPEN_MARKER) ? recover(incidents, persons, clock) : Recovered.CLEAN;
        meta.put(OPEN_MARKER, clock.instant().toString());
        store.commit();
        return recovered;
    }

    static void onClose(MVMap<String, String> meta) {
        meta.remove(OPEN_MARKER);
    }

    private static Recovered recover(MvStoreIncidentStore incidents, MvStorePersonStore persons, Clock clock) {
        int people = 0;
        int communications = 0;
        for (IncidentRecord incident : incidents.list()) {
            int unclaimed = persons.dropDeadClaims(incident.incidentId());
            boolean unplanned = dropDeadGeneralCommunication(incidents, incident);
            if (unclaimed > 0 || unplanned) {
                incidents.appendDecision(incident.incidentId(), new DecisionEntry(clock.instant(), "incident",
                        "recovered after a crash", "The process that last held the state directory ended without"
                        + " closing it. " + unclaimed + " people's notices it had claimed but not marked sent"
                        + (unplanned ? ", and the general staff communication it had planned," : "")
                        + " are free to send again; any it had already written to the topic are not written twice."));
            }
            people += unclaimed;
            communications += unplanned ? 1 : 0;
        }
        return new Recovered(true, people, communications);
    }

    private static boolean dropDeadGeneralCommunication(MvStoreIncidentStore incidents, IncidentRecord incident) {
        GeneralCommunication planned = incident.generalCommunication();
        if (planned == null || !planned.plannedUnsent()) {
            return false;
        }
        // No other writer can exist while the store is locked by this process, so one attempt suffices.
        return incidents.replace(incident.withGeneralCommunication(null), incident.version());
    }
}
