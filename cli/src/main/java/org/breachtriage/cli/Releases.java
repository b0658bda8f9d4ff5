package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.ReleaseFigures;
import org.breachtriage.core.release.ReleaseService;
import org.breachtriage.core.scoring.ReleaseRule;
import org.breachtriage.core.scoring.ScoringPolicy;

/** What {@code pending}, {@code release}, {@code hold} and {@code unhold} share: who approves, and what they print. */
final class Releases {
    private Releases() {
    }

    /** The approver a --by name stands for on this backend; a blank name is a usage error. */
    static Approver approver(Backend backend, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("--by is empty: give the name of the person deciding");
        }
        return backend.approver(name);
    }

    /** Runs a change to one person, turning "no such person" into one line naming the pay number. */
    /** The stored key an operator's PERSON argument names: a pay number, or TYPE:SUBJECT_REF. */
    static String personKey(String given) {
        try {
            return org.breachtriage.core.manifest.PersonKeys.fromArgument(given);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    static <T> T onPerson(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage() + " (see: triage person, triage pending --people)");
        }
    }

    /**
     * Notices awaiting release by band: every band whose rule needs an approver, and any other band
     * that has notices waiting (a person held and let go, for example).
     */
    static Map<String, Long> awaitingByBand(ReleaseFigures figures, ScoringPolicy policy) {
        Map<String, Long> byBand = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            long n = figures.awaitingRelease().getOrDefault(band, 0L);
            if (n > 0 || policy.releaseFor(band) != ReleaseRule.AUTO) {
                byBand.put(band.name(), n);
            }
        }
        return byBand;
    }

    static Map<String, Object> figuresJson(String incidentId, ReleaseFigures figures, ScoringPolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incidentId", incidentId);
        json.put("awaitingRelease", awaitingByBand(figures, policy));
        json.put("held", figures.held());
        json.put("releasing", figures.releasing());
        json.put("told", figures.initial());
        json.put("generalCommunication", figures.generalCommunication());
        return json;
    }

    static void printFigures(PrintWriter out, String incidentId, ReleaseFigures figures, ScoringPolicy policy) {
        out.printf("Incident    %s%n", incidentId);
        StringBuilder waiting = new StringBuilder();
        awaitingByBand(figures, policy).forEach((band, n) -> waiting.append(waiting.isEmpty() ? "" : ", ")
                .append(String.format("%,d %s (%s)", n, band, rule(policy.releaseFor(Band.valueOf(band))))));
        out.printf("Awaiting    %s%n", waiting);
        out.printf("Held        %,d %s%n", figures.held(), figures.held() == 1 ? "person" : "people");
        if (figures.releasing() > 0) {
            out.printf("Releasing   %,d notices released, not yet published%n", figures.releasing());
        }
        out.printf("Told        %,d people; %,d covered by the general staff communication only%n", figures.initial(),
                figures.generalCommunication());
    }

    static String rule(ReleaseRule rule) {
        return switch (rule) {
            case AUTO -> "released automatically";
            case ONE -> "one approver";
            case TWO -> "two different approvers";
        };
    }

    static String describe(ReleaseService.PendingPerson p) {
        String hold = p.hold() == null ? "" : "HELD by " + p.hold().by() + ": " + p.hold().reason();
        if (p.noticeId() == null) {
            return String.format("%-12s %-9s %s", p.payNumber(), p.band(), hold);
        }
        String approvals = p.approvedBy().size() + " of " + p.approvalsNeeded() + " approvals"
                + (p.approvedBy().isEmpty() ? "" : " (" + String.join(", ", p.approvedBy()) + ")");
        return String.format("%-12s %-9s %s %s notice, %s", p.payNumber(), p.band(), p.kind().wireName(),
                p.noticeBand(), hold.isEmpty() ? approvals : hold);
    }
}
