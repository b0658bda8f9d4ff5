package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.manifest.PayNumbers;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.SubjectType;
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

    /** The stored key an operator's PERSON argument names: a pay number, or TYPE:SUBJECT_REF. */
    static String personKey(String given) {
        try {
            return org.breachtriage.core.manifest.PersonKeys.fromArgument(given);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * The stored key an operator's PERSON argument names in one incident. A pay number of the incident is
     * itself; a bare subject_ref (no TYPE:) names the one person outside the workforce with that ref, whatever
     * their type, so {@code triage person IN NS-V-0003} finds VICTIM:NS-V-0003. Several matches are refused,
     * listing the TYPE:REF forms to choose from.
     *
     * @param outsideWorkforceOnly true where only someone outside the workforce makes sense (hold --s68-7): a
     *                             staff pay number is then not a match
     */
    static String personKey(Backend backend, String incidentId, String given, boolean outsideWorkforceOnly) {
        String key = personKey(given);
        if (key.indexOf(':') >= 0) {
            return key;
        }
        boolean staffThere = backend.persons().find(incidentId, key).isPresent();
        boolean staff = !outsideWorkforceOnly && staffThere;
        List<String> subjects = new ArrayList<>();
        for (SubjectType type : SubjectType.values()) {
            if (!type.staff() && PayNumbers.subjectRefProblem(key) == null
                    && backend.persons().find(incidentId, PersonKeys.subject(type, key)).isPresent()) {
                subjects.add(PersonKeys.subject(type, key));
            }
        }
        if (staff && subjects.isEmpty()) {
            return key;
        }
        if (!staff && subjects.size() == 1) {
            return subjects.getFirst();
        }
        if (!staff && subjects.isEmpty()) {
            if (outsideWorkforceOnly && !staffThere) {
                throw new InvalidInputException("incident " + incidentId + " has nobody outside the workforce with"
                        + " subject_ref " + key + ": a s.68(7) restriction is for a victim, witness, suspect or other"
                        + " subject, named as TYPE:REF, for example VICTIM:" + key);
            }
            return key; // the caller's "not in incident" error says what to try
        }
        List<String> forms = new ArrayList<>(subjects);
        if (staff) {
            forms.addFirst(key + " (the staff member with that pay number)");
        }
        throw new InvalidInputException(key + " names more than one person of incident " + incidentId + "; give one"
                + " of: " + String.join(", ", forms));
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
        json.put("noIndividualNotice", figures.noIndividualNotice());
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
        out.printf("Told        %,d people; %,d covered by the general staff communication only%s%n", figures.initial(),
                figures.generalCommunication(), figures.noIndividualNotice() == 0 ? "" : String.format("; %,d outside"
                        + " the workforce with no individual notice", figures.noIndividualNotice()));
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
