package org.breachtriage.core.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.ports.IncidentStore;

/**
 * Keeps incidents: which incident a manifest belongs to, joining it (once, however often ingest is
 * retried), and the manifests a later one supersedes. Every change goes through {@link #update}, a
 * compare-and-set loop, so two manifests joining at the same moment are both kept.
 */
public final class IncidentService {
    private static final int MAX_ATTEMPTS = 20;

    private final IncidentStore incidents;
    private final Clock clock;

    public IncidentService(IncidentStore incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    public IncidentStore store() {
        return incidents;
    }

    /**
     * The incident a manifest belongs to: its force (the metadata's, else the deployment's) and
     * incident reference, or the manifest alone when it names no reference.
     */
    public static String incidentIdFor(String deploymentForce, IncidentMetadata metadata, String caseId) {
        if (!metadata.hasReference()) {
            return IncidentIds.ofOwnManifest(caseId);
        }
        return IncidentIds.derive(forceOf(deploymentForce, metadata), metadata.reference());
    }

    public static String forceOf(String deploymentForce, IncidentMetadata metadata) {
        return metadata.force() != null ? metadata.force() : deploymentForce;
    }

    /**
     * What joining did, for the case's decision log.
     *
     * @param regimeNote what the manifest's stated regime did to the incident's, or null (none stated, or a re-run)
     */
    public record Joined(IncidentRecord incident, boolean joinedNow, List<String> notes, String regimeNote) {
    }

    /**
     * Adds the case's manifest to its incident, creating the incident for its first manifest, and
     * marks the manifests it names in {@code supersedes} as superseded by it. Doing it again changes
     * nothing.
     */
    public Joined join(CaseRecord c, String deploymentForce) {
        IncidentMetadata metadata = c.incident();
        IncidentManifest manifest = new IncidentManifest(c.caseId(), c.source(), metadata.awareAt(), clock.instant(), null);
        String reference = metadata.hasReference() ? metadata.reference() : null;
        IncidentRecord candidate = IncidentRecord.open(c.incidentId(), forceOf(deploymentForce, metadata), reference,
                metadata.supplier(), manifest, clock.instant());
        IncidentStore.CreateOutcome created = incidents.create(candidate);
        boolean joinedNow = created.created();
        if (!joinedNow && created.stored().manifest(c.caseId()).isEmpty()) {
            update(c.incidentId(), incident -> incident.withManifest(manifest));
            joinedNow = true;
        }
        if (joinedNow) {
            log(c.incidentId(), "manifest joined", "Manifest " + c.source() + " (case " + c.caseId() + ") joined the"
                    + " incident; it says the force became aware at " + metadata.awareAt() + ".");
        }
        List<String> notes = new ArrayList<>();
        for (String named : metadata.supersedes()) {
            notes.add(supersede(c, named));
        }
        String regimeNote = metadata.regime() == null ? null : stateRegime(c, metadata.regime());
        return new Joined(require(c.incidentId()), joinedNow, notes, regimeNote);
    }

    /**
     * A manifest's metadata states the regime: it replaces none, and a derived DPA 2018 Part 3 when it
     * states DPA 2018 Part 3 too. It never downgrades a derived one: victims', witnesses' and suspects'
     * data is law enforcement data whatever a staff supplier states, so a stated UK GDPR leaves the incident
     * under Part 3, with a warning on the case and the incident. An incident whose regime an earlier manifest
     * stated keeps that one (a person must sort out the disagreement). Whichever order the manifests come
     * in, the incident ends under the same regime ({@link #deriveRegime} does the other half).
     *
     * @return the note for the case's decision log, or null when nothing needed saying (a re-run)
     */
    private String stateRegime(CaseRecord c, Regime stated) {
        IncidentRegime[] before = new IncidentRegime[1];
        IncidentRecord after = update(c.incidentId(), current -> {
            before[0] = current.regime();
            boolean replaceable = current.regime() == null
                    || current.regime().derived() && stated == Regime.DPA_2018_PART_3;
            return replaceable
                    ? current.withRegime(new IncidentRegime(stated, false, "stated in the incident metadata of manifest "
                            + c.source() + " (case " + c.caseId() + ")"))
                    : null;
        });
        if (after.regime() != before[0]) {
            log(c.incidentId(), "regime", "The incident is reported under " + stated + ": "
                    + after.regime().reason() + ".");
            return "regime " + stated + " stated by this manifest's incident metadata: the incident is reported under it";
        }
        if (after.regime().derived() && stated == Regime.UK_GDPR) {
            String warning = keptPartThree("Manifest " + c.source() + " (case " + c.caseId() + ")");
            logOnce(c.incidentId(), "regime warning", warning);
            return warning;
        }
        if (after.regime().regime() != stated) {
            return "regime " + stated + " stated by this manifest, but the incident's regime was stated earlier as "
                    + after.regime().regime() + " (" + after.regime().reason() + "); kept: a person should check which"
                    + " applies";
        }
        return null;
    }

    /** The warning when a stated UK GDPR meets victims, witnesses or suspects. */
    public static String keptPartThree(String who) {
        return who + " states UK_GDPR, but the incident holds victims/witnesses/suspects: kept DPA 2018 Part 3 (their"
                + " data is law enforcement data whatever a supplier states); the report cites s.67 and their notices"
                + " s.68.";
    }

    /**
     * A manifest lists a victim, witness or suspect: the incident is DPA 2018 Part 3, unless a manifest stated
     * DPA 2018 Part 3 already. A stated UK GDPR is overridden (with a warning): it cannot downgrade law
     * enforcement data. Called by ingest before the batch holding that row is queued, so every notice scored
     * from it already knows; a compare-and-set, so doing it again, or from two manifests at once, changes
     * the incident once.
     *
     * @return true if this call set it
     */
    public boolean deriveRegime(String incidentId) {
        IncidentRegime derived = new IncidentRegime(Regime.DPA_2018_PART_3, true, IncidentRegime.DERIVED_REASON);
        boolean[] changed = {false};
        IncidentRegime[] overridden = new IncidentRegime[1];
        update(incidentId, current -> {
            IncidentRegime was = current.regime();
            changed[0] = was == null || was.regime() == Regime.UK_GDPR;
            overridden[0] = was;
            return changed[0] ? current.withRegime(derived) : null;
        });
        if (changed[0]) {
            if (overridden[0] != null) {
                log(incidentId, "regime warning", keptPartThree("The incident's regime (" + overridden[0].reason()
                        + ")"));
            }
            log(incidentId, "regime", "The incident is reported under DPA 2018 Part 3 (" + derived.reason() + "): the"
                    + " regulator's draft cites s.67, and notices to victims, witnesses and suspects cite s.68.");
        }
        return changed[0];
    }

    /**
     * A manifest lists someone of the workforce: marked on the incident before the batch holding that row is
     * queued, so that the release step knows whether a general staff communication is due without reading
     * every person. A compare-and-set; marking again changes nothing.
     */
    public void markWorkforceManifest(String incidentId, String caseId) {
        update(incidentId, current -> {
            IncidentRecord marked = current.withWorkforceManifest(caseId);
            return marked == current ? null : marked;
        });
    }

    /**
     * A manifest's corrected incident metadata says the force became aware earlier: moves that
     * manifest's awareness, and the incident's deadline if it is now the earliest, by compare-and-set
     * (the deadline only ever moves earlier). Logged on the incident when something changed.
     *
     * @return the incident's deadline before and after (equal when another manifest was earlier still)
     */
    public DeadlineMove moveAwarenessEarlier(String incidentId, String caseId, String source, Instant awareAt) {
        Instant[] before = new Instant[1];
        boolean[] changed = {false};
        IncidentRecord after = update(incidentId, current -> {
            before[0] = current.art33Deadline();
            IncidentRecord next = current.withEarlierAwareness(caseId, awareAt);
            changed[0] = next != current;
            return next;
        });
        if (changed[0]) {
            log(incidentId, "awareness corrected", "The incident metadata of manifest " + source + " (case " + caseId
                    + ") now says the force became aware at " + awareAt + ", earlier than before: "
                    + (after.art33Deadline().equals(before[0]) ? "the incident's Art. 33 deadline stays "
                            + after.art33Deadline() + ", since another manifest's awareness is earlier still."
                            : "the incident's Art. 33 deadline moves from " + before[0] + " to " + after.art33Deadline()
                            + " (the earliest awareness wins; the deadline never moves later)."));
        }
        return new DeadlineMove(before[0], after.art33Deadline());
    }

    /** The incident's Art. 33 deadline before and after a correction. */
    public record DeadlineMove(Instant before, Instant after) {
        public boolean moved() {
            return !before.equals(after);
        }
    }

    /** Marks the manifests a name (source key or case id) points at as superseded by {@code by}. */
    private String supersede(CaseRecord by, String named) {
        IncidentRecord incident = require(by.incidentId());
        List<String> targets = incident.manifests().stream()
                .filter(m -> !m.caseId().equals(by.caseId()))
                .filter(m -> m.caseId().equals(named) || m.source().equals(named))
                .map(IncidentManifest::caseId).toList();
        if (targets.isEmpty()) {
            return "supersedes '" + named + "': no other manifest of incident " + by.incidentId()
                    + " has that source or case id, so nothing was superseded";
        }
        for (String target : targets) {
            boolean[] changed = {false};
            update(by.incidentId(), current -> {
                boolean already = current.manifest(target).map(IncidentManifest::superseded).orElse(true);
                changed[0] = !already;
                return already ? null : current.withSuperseded(target, by.caseId());
            });
            if (changed[0]) {
                log(by.incidentId(), "manifest superseded", "Manifest case " + target + " is superseded by case "
                        + by.caseId() + ": its rows no longer count towards the incident's figures; people named only"
                        + " in it are listed as no longer listed, for review, and are sent nothing automatically.");
            }
        }
        return "supersedes '" + named + "': case(s) " + String.join(", ", targets) + " superseded";
    }

    /**
     * Applies {@code change} to the stored incident with compare-and-set, re-reading and retrying when
     * another writer got there first. {@code change} returns null (or the record unchanged) to make
     * no write, and must be a pure function of the record it is given: it may run more than once.
     *
     * @return the incident as stored afterwards
     */
    public IncidentRecord update(String incidentId, UnaryOperator<IncidentRecord> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            IncidentRecord current = require(incidentId);
            IncidentRecord next = change.apply(current);
            if (next == null || next == current) {
                return current;
            }
            if (incidents.replace(next, current.version())) {
                return next;
            }
        }
        throw new IllegalStateException("incident " + incidentId + " kept changing under us (" + MAX_ATTEMPTS
                + " attempts); the caller's event will be retried");
    }

    public IncidentRecord require(String incidentId) {
        return incidents.find(incidentId).orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    }

    /** Logs on the incident unless the same entry is there already (a retried ingest says it once). */
    private void logOnce(String incidentId, String decision, String reason) {
        boolean there = incidents.decisions(incidentId).stream()
                .anyMatch(d -> d.decision().equals(decision) && d.reason().equals(reason));
        if (!there) {
            log(incidentId, decision, reason);
        }
    }

    public void log(String incidentId, String decision, String reason) {
        incidents.appendDecision(incidentId, new DecisionEntry(clock.instant(), "incident", decision, reason));
    }
}
