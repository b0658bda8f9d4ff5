package org.breachtriage.core.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.cases.CaseOpening;
import java.util.UUID;
import org.breachtriage.core.cases.Art33Verdict;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.IncidentMetadataLoader;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.ReportRequests;
import org.breachtriage.core.ports.Topic;

/**
 * The one owner of a case's status: INGESTING → SCORING → SCORED → REPORTED, or FAILED. Every move
 * is a conditional write in the store, so under at-least-once delivery each happens once, and only
 * the caller that made a move announces it (decision log, alert) or acts on it (asks for the report).
 *
 * <p>Who asks for the report: whoever moves the case to SCORED. That is the batch whose counts
 * complete it, or ingest when the scorers finished before it knew how many batches there were (or
 * there were none). A request can be lost if that caller dies right after the move, so two
 * re-deliveries ask again while the case still waits in SCORED: a re-delivered manifest event, and
 * a batch the transport has handed out before. A duplicate request is harmless: reporting a
 * REPORTED case does nothing.
 *
 * <p>Alerts, where the store keeps a marker per alert ({@link CaseStore#recordsAlerts()}, DynamoDB):
 * each alert is claimed on the case, published, then marked sent, under its stable id. The same
 * re-deliveries that ask for a lost report, a re-delivered manifest event and the report step itself
 * publish any alert the case's status makes due that nobody marked sent and no live claim holds
 * ({@link #catchUpAlerts}). So an alert whose publisher died before publishing still goes out, and
 * one that went out goes out again only if its publisher died between publishing and marking (at
 * least once, under the same id). Without markers each alert goes out from the call that made its
 * move, and never again.
 */
public final class CaseLifecycle {
    private static final int MAX_ATTEMPTS = 20;
    /** How long a claim on an alert holds: a publisher claims, publishes and marks in well under a second. */
    public static final Duration ALERT_LEASE = PersonNotice.CLAIM_LEASE;

    private final CaseStore cases;
    private final NoticePublisher publisher;
    private final ReportRequests reports;
    private final Clock clock;

    public CaseLifecycle(CaseStore cases, NoticePublisher publisher, ReportRequests reports, Clock clock) {
        this.cases = cases;
        this.publisher = publisher;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Opens the case unless it exists. Only the call that creates it logs the opening decisions (Art.
     * 33(5): the assumptions made and the Art. 33 decision) and alerts on-call.
     *
     * @return the case as stored: the candidate, or the one a previous delivery opened
     */
    public CaseRecord open(CaseRecord candidate) {
        CaseStore.OpenOutcome outcome = cases.open(candidate);
        CaseRecord stored = outcome.stored();
        if (outcome.created()) {
            String id = stored.caseId();
            log(id, "opened", "Manifest " + stored.source() + " (version " + stored.sourceVersion() + "); regime "
                    + stored.regime() + "; scoring policy " + stored.policyVersion());
            for (String assumption : stored.incident().assumptions()) {
                log(id, "assumption", assumption);
            }
            for (String warning : stored.incident().warnings()) {
                log(id, "warning", warning);
            }
            for (String effect : stored.incident().mitigations().effects()) {
                log(id, "mitigation", effect);
            }
            log(id, stored.art33Required() ? "art33 notification required" : "art33 notification not required",
                    Art33Verdict.PROVISIONAL + stored.art33Reasoning() + " Deadline " + stored.art33Deadline()
                            + ". Decided again from the assessment once the incident's people are scored.");
            alertOnce(id, List.of(openedAlert(stored)));
        } else {
            catchUpAlerts(stored);
        }
        return stored;
    }

    private static OutboundMessage openedAlert(CaseRecord c) {
        return Messages.alert(Messages.CASE_OPENED, c, null, Map.of(), "Breach Triage opened case " + c.caseId() + " for "
                + c.incident().supplier() + " (" + c.incident().reference() + "). ICO Art. 33 deadline: "
                + c.art33Deadline() + ".");
    }

    private static OutboundMessage failedAlert(CaseRecord failed) {
        return Messages.alert(Messages.CASE_FAILED, failed, null, Map.of("reason", failed.failureReason()),
                "Breach Triage case " + failed.caseId() + " FAILED: " + failed.failureReason());
    }

    private static OutboundMessage scoredAlert(CaseRecord scored) {
        Map<String, Object> bands = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            bands.put(band.name(), scored.counter(Counters.band(band)));
        }
        return Messages.alert(Messages.CASE_SCORED, scored, Messages.highestBand(scored),
                Map.of("persons", scored.counter(Counters.PERSONS_TOTAL), "bands", bands),
                "Breach Triage case " + scored.caseId() + " scored: " + scored.counter(Counters.PERSONS_TOTAL)
                        + " people, bands " + bands + ".");
    }

    /**
     * Publishes the alerts of a case that its status makes due (opened; failed; scored, once SCORED or
     * REPORTED) and that nobody has sent or is sending: those whose publisher died first. Does nothing
     * where the store keeps no alert markers.
     */
    public void catchUpAlerts(CaseRecord c) {
        if (!cases.recordsAlerts()) {
            return;
        }
        List<OutboundMessage> due = new ArrayList<>();
        due.add(openedAlert(c));
        if (c.status() == CaseStatus.FAILED) {
            due.add(failedAlert(c));
        }
        if (c.status() == CaseStatus.SCORED || c.status() == CaseStatus.REPORTED) {
            due.add(scoredAlert(c));
        }
        alertOnce(c.caseId(), due);
    }

    /**
     * Publishes these alerts of the case, each once: claimed, published, marked sent (see the class
     * note). Those sent before, or claimed by a publisher still within its lease, are left out.
     *
     * @return how many this call published
     */
    public int alertOnce(String caseId, List<OutboundMessage> alerts) {
        if (!cases.recordsAlerts()) {
            publisher.publish(Topic.ALERTS, alerts);
            return alerts.size();
        }
        String token = UUID.randomUUID().toString();
        List<OutboundMessage> mine = new ArrayList<>();
        for (OutboundMessage alert : alerts) {
            if (cases.claimAlert(caseId, alert.id(), token, clock.instant(), ALERT_LEASE)) {
                mine.add(alert);
            }
        }
        if (mine.isEmpty()) {
            return 0;
        }
        publisher.publish(Topic.ALERTS, mine);
        for (OutboundMessage alert : mine) {
            cases.markAlertSent(caseId, alert.id(), clock.instant());
        }
        return mine.size();
    }

    /**
     * INGESTING → FAILED: the file cannot be read as a manifest. Logged and alerted once.
     *
     * @return true if this call failed the case
     */
    public boolean fail(CaseRecord caseRecord, String reason) {
        if (!cases.transition(caseRecord.caseId(), CaseStatus.INGESTING, CaseStatus.FAILED, reason)) {
            return false;
        }
        log(caseRecord.caseId(), "failed", reason);
        alertOnce(caseRecord.caseId(), List.of(failedAlert(caseRecord.withStatus(CaseStatus.FAILED, reason))));
        return true;
    }

    /** What {@link #ingested} left: the case as it stands, and whether that call moved it to SCORED. */
    public record Ingested(CaseRecord caseRecord, boolean scoredNow) {
    }

    /**
     * Ingest has read the whole manifest: records its totals (set, not added: a retried ingest writes
     * the same numbers) and the number of batches queued, moves INGESTING → SCORING, and, if every batch
     * is already scored (or there were none), on to SCORED.
     */
    public Ingested ingested(String caseId, long rowsRead, long rowsAccepted, long rowsRejected, long batchesQueued) {
        Optional<CaseRecord> finished = cases.finishIngest(caseId, rowsRead, rowsAccepted, rowsRejected, batchesQueued);
        log(caseId, "ingested", rowsRead + " rows read: " + rowsAccepted + " accepted, " + rowsRejected
                + " rejected (kept with reasons); " + batchesQueued + " batches queued for scoring");
        if (rowsRead > 0 && rowsAccepted == 0) {
            log(caseId, "no art33 verdict", noVerdictReason(caseId, rowsRejected));
        }
        CaseRecord afterIngest = finished.orElseGet(() -> require(caseId));
        // The last scorer may have finished before ingest knew how many batches there were.
        boolean scoredNow = scoredIfComplete(afterIngest);
        return new Ingested(scoredNow ? require(caseId) : afterIngest, scoredNow);
    }

    /**
     * A manifest event arrived for a case that was already ingested (S3 re-delivers, or the same file
     * is run again). An earlier attempt may have moved it to SCORED and died before asking for the
     * report, so a case waiting in SCORED is asked for again.
     */
    public void foundAlreadyIngested(CaseRecord existing) {
        catchUpAlerts(existing);
        if (existing.status() == CaseStatus.SCORED) {
            reports.request(existing.caseId());
        }
    }

    /**
     * A scored batch's counts were added to the case ({@code counted} is the case afterwards), or had
     * been before ({@code counted} empty: the store counts each batch number once).
     *
     * @param redelivered the transport has handed this batch out before (SQS: receive count above 1),
     *                    so an earlier attempt may have moved the case and died before asking
     * @return true if this call moved the case to SCORED
     */
    public boolean batchScored(String caseId, Optional<CaseRecord> counted, boolean redelivered) {
        CaseRecord latest = counted.orElseGet(() -> require(caseId));
        if (scoredIfComplete(latest)) {
            return true;
        }
        if (counted.isEmpty() && redelivered) {
            catchUpAlerts(latest);
            if (latest.status() == CaseStatus.SCORED) {
                reports.request(caseId);
            }
        }
        return false;
    }

    /**
     * Moves a fully scored case to SCORED, exactly once across all callers, tells on-call and asks for
     * the report. Callers that only want to make sure nothing is left behind (a local run after its
     * queue drained) may call it on any case.
     *
     * @return true if this call made the move
     */
    public boolean scoredIfComplete(CaseRecord caseRecord) {
        if (caseRecord.status() != CaseStatus.SCORING || !caseRecord.allBatchesDone()) {
            return false;
        }
        if (!cases.transition(caseRecord.caseId(), CaseStatus.SCORING, CaseStatus.SCORED, null)) {
            return false;
        }
        // Every batch is done in the record we hold, so its counters are final; the move changed only the
        // status. No read back (one DynamoDB read a case).
        CaseRecord scored = caseRecord.withStatus(CaseStatus.SCORED, null);
        alertOnce(scored.caseId(), List.of(scoredAlert(scored)));
        reports.request(caseRecord.caseId());
        return true;
    }

    /**
     * SCORED → REPORTED, once; {@code what} says what was written and published, for the decision log.
     *
     * @return true if this call made the move
     */
    public boolean reported(String caseId, String what) {
        boolean reportedNow = cases.transition(caseId, CaseStatus.SCORED, CaseStatus.REPORTED, null);
        if (reportedNow) {
            log(caseId, "reported", what);
        }
        return reportedNow;
    }

    /** Why a manifest whose every row was rejected gives no Art. 33 verdict, and what to do about it. */
    public static String noVerdictReason(String caseId, long rowsRejected) {
        return "All " + rowsRejected + " rows of the manifest were rejected, so it names nobody and gives no Art. 33"
                + " verdict of its own: no report is written for it and it does not count towards the incident's"
                + " decision. The incident's clock still runs. Correct the rejected rows (triage rejects " + caseId
                + ") and submit the corrected file.";
    }

    /**
     * Moves the case's awareness to {@code awareAt}, and its deadline with it, if that is earlier than
     * the case says now: a compare-and-set on the stored deadline, retried while another writer moves
     * it, so the earliest awareness wins whatever the order.
     *
     * @return the deadline before the move, or empty if the case already says as early
     */
    public Optional<Instant> moveAwarenessEarlier(String caseId, Instant awareAt) {
        Instant deadline = awareAt.plus(CaseOpening.ART33_WINDOW);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CaseRecord c = require(caseId);
            if (!deadline.isBefore(c.art33Deadline())) {
                return Optional.empty();
            }
            if (cases.correctAwareness(caseId, c.art33Deadline(),
                    IncidentMetadataLoader.withGivenAwareness(c.incident(), awareAt), deadline)) {
                return Optional.of(c.art33Deadline());
            }
        }
        throw new IllegalStateException("case " + caseId + " kept changing under us (" + MAX_ATTEMPTS
                + " attempts); run it again");
    }

    /**
     * Adds a decision to the log unless the log already holds the same one: a re-run that finds the
     * same change again (a re-delivered event, a second run of the same file) says it once.
     */
    public void noteOnce(String caseId, String decision, String reason) {
        boolean logged = cases.decisions(caseId).stream()
                .anyMatch(d -> decision.equals(d.decision()) && reason.equals(d.reason()));
        if (!logged) {
            log(caseId, decision, reason);
        }
    }

    /** Adds a decision about the case to its log (Art. 33(5)), for the steps that own no transition. */
    public void note(String caseId, String decision, String reason) {
        log(caseId, decision, reason);
    }

    private void log(String caseId, String decision, String reason) {
        cases.appendDecision(caseId, new DecisionEntry(clock.instant(), "case", decision, reason));
    }

    private CaseRecord require(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " vanished"));
    }
}
