package org.breachtriage.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.Hold;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.S68Release;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ScoringPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "person",
        description = {"Explain one person's assessment: what leaked (across every manifest of the incident that named them), the ENISA inputs (DPC, EI, CB), the score and band, every rule that fired, the manifests that named them and what each said, and their notice history. With a case id, also what that manifest alone says about them.",
            "A victim, witness, suspect or other subject outside the workforce is named by their subject type and the manifest's subject_ref, joined by a colon: for example VICTIM:NS-V-0001."},
        mixinStandardHelpOptions = true)
final class PersonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "An incident id (IN-…) or a case id (BT-…).")
    String id;

    @Parameters(index = "1", paramLabel = "PERSON", description = "The person's pay number, or TYPE:SUBJECT_REF for someone outside the workforce (VICTIM, WITNESS, SUSPECT or OTHER; any case).")
    String payNumber;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Backend backend = LocalSession.openFor(id)) {
            LocalSession.Target target = LocalSession.requireCaseOrIncident(backend, id);
            String incidentId = target.incident().incidentId();
            String key = Releases.personKey(backend, incidentId, payNumber, false);
            CaseRecord c = target.caseRecord();
            IncidentPerson p = backend.persons().find(incidentId, key).orElseThrow(() -> new InvalidInputException(
                    notFound(key, incidentId)));
            if (c != null && p.manifest(c.caseId()).isEmpty()) {
                throw new InvalidInputException(PersonKeys.describe(key) + " is in incident " + incidentId + " but not in case "
                        + c.caseId() + " (see: triage person " + incidentId + " " + key + ")");
            }
            Set<String> superseded = target.incident().supersededCaseIds();
            PersonView view = PersonView.of(p, c, backend.services().settings().policy(), superseded,
                    target.incident().regime());
            PrintWriter out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                out.println(Json.pretty(view));
            } else {
                print(out, p, c, view, superseded, target.incident().regime());
            }
            return ExitCodes.OK;
        }
    }

    /** A bare key that matched nobody may have been meant as either: say both were looked for. */
    private static String notFound(String key, String incidentId) {
        String who = key.indexOf(':') < 0 ? "no pay number or subject ref " + key + " is"
                : PersonKeys.describe(key) + " is not";
        return who + " in incident " + incidentId + " (was the row rejected? see: triage rejects CASE_ID; for someone"
                + " outside the workforce, TYPE:REF names the type too, for example VICTIM:REF)";
    }

    private static void print(PrintWriter out, IncidentPerson p, CaseRecord c, PersonView view, Set<String> superseded,
                              IncidentRegime regime) {
        var a = p.assessment();
        out.printf("Person      %s in incident %s%s%n", p.payNumber(), p.incidentId(),
                view.noLongerListed() ? "  (NO LONGER LISTED: named only in superseded manifests; review)" : "");
        out.printf("Matched     %s%n", p.matched() ? "yes, " + p.staffType() + ", " + p.force()
                : p.subjectType().staff() ? "no: scored from the manifests alone"
                : "not looked up: a " + p.subjectType() + " outside the workforce (subject_ref " + PersonKeys.ref(p.payNumber())
                        + "), scored from the manifests alone");
        out.printf("Exposed     %s  (everything any manifest of the incident listed)%n", Categories.format(p.exposed()));
        out.printf("Score       %s = DPC %s × EI %s + CB %s  → %s%n", plain(a.score()), plain(a.dpc()),
                plain(a.ei()), plain(a.cb().total()), a.band());
        out.printf("CB parts    confidentiality %s, integrity %s, availability %s, malicious %s%n",
                plain(a.cb().confidentiality()), plain(a.cb().integrity()), plain(a.cb().availability()),
                plain(a.cb().malicious()));
        out.println("Why");
        a.reasons().forEach(reason -> out.println("  - " + reason));
        out.println("Named by");
        for (ManifestExposure m : p.manifests()) {
            out.printf("  %s%s  %s  → %s on its own%s%n", m.caseId(), c != null && m.caseId().equals(c.caseId()) ? " (this case)" : "",
                    Categories.format(m.categories()), m.band(), superseded.contains(m.caseId()) ? "  (superseded)" : "");
        }
        // The provision the person's notice cites: s.68 for a victim, witness or suspect under DPA 2018 Part 3.
        boolean s68 = IncidentRegime.forNotice(regime, p.subjectType()) == Regime.DPA_2018_PART_3;
        out.printf("%s%s%n", s68 ? "s.68        " : "Art. 34     ", s68
                ? view.art34().reason().replace("Notice required", "Notice required (DPA 2018 s.68)") : view.art34().reason());
        if (p.notices().isEmpty()) {
            out.println("Notices     none");
        } else {
            out.println("Notices");
            for (PersonNotice n : p.notices()) {
                out.printf("  %-10s %-9s by %-9s planned %s by %s: %s%n", n.kind().wireName(), n.band(), n.channel(),
                        n.plannedAt(), n.caseId(), state(p, n));
            }
        }
        if (p.held()) {
            out.printf("Hold        %sheld by %s (%s) at %s: %s%n", p.hold().restriction() == null ? ""
                    : "withheld under " + p.hold().restriction().provision() + " (" + p.hold().restriction().purpose()
                            + "), ", p.hold().by(), p.hold().identity(), p.hold().at(), p.hold().reason());
        }
        p.reviewNotes().forEach(note -> out.println("Review      " + note));
    }

    /** Where one notice stands, in words: published (and its letter), on its way, waiting, held or withdrawn. */
    static String state(IncidentPerson p, PersonNotice n) {
        String approvals = n.approvals().isEmpty() ? "" : " (approved by " + String.join(", ",
                n.approvals().stream().map(a -> a.name()).toList()) + ")";
        return switch (n.state()) {
            case PUBLISHED -> "published " + n.publishedAt() + approvals + ", letter "
                    + Letters.noticeKey(p.incidentId(), n.noticeId());
            case RELEASED -> "released " + n.releasedAt() + approvals + ", being published";
            case WITHDRAWN -> "withdrawn, never sent: replaced by " + n.withdrawnBy();
            case PLANNED -> p.held() ? "HELD" : "AWAITING RELEASE (" + n.approvals().size() + " of "
                    + n.approvalsNeeded() + " approvals" + (n.approvals().isEmpty() ? "" : ": " + String.join(", ",
                    n.approvals().stream().map(a -> a.name()).toList())) + ")";
        };
    }

    /** 2.5 rather than 2.50, 4 rather than 4.00: scores are sums of quarters and halves. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** One manifest's part, as the JSON shows it. */
    record ManifestView(String caseId, String exposedFields, String band, boolean superseded) {
    }

    /**
     * The person JSON: the required fields first, flat, then the rest. {@code caseId} is the case asked
     * about, or null for an incident id; {@code art34} is the policy's decision for the band, with the
     * channel of the notice actually planned where there is one.
     */
    record PersonView(String incidentId, String caseId, String payNumber, boolean matched, String band, double score,
                      double dpc, double ei, double cb, Object cbParts, List<String> reasons, String exposedFields,
                      String staffType, String force, NoticeDecision art34, boolean noticeSent,
                      List<ManifestView> manifests, List<PersonNotice> notices, List<String> letters, Hold hold,
                      String release, List<String> reviewNotes, boolean noLongerListed, String subjectType) {

        static PersonView of(IncidentPerson p, CaseRecord c, ScoringPolicy policy, Set<String> superseded,
                             IncidentRegime regime) {
            var a = p.assessment();
            NoticeDecision decision = policy.decide(a, null);
            if (S68Release.applies(regime, p.subjectType(), null)) {
                decision = S68Release.waitForApprover(decision, a.band()); // as the ledger planned it
            }
            PersonNotice latest = p.notices().isEmpty() ? null : p.notices().getLast();
            NoticeDecision art34 = latest == null ? decision
                    : new NoticeDecision(latest.art34(), latest.channel(), latest.templateId(), decision.release(),
                    decision.reason());
            List<String> letters = p.notices().stream().filter(PersonNotice::published)
                    .map(n -> Letters.noticeKey(p.incidentId(), n.noticeId())).toList();
            List<ManifestView> manifests = p.manifests().stream().map(m -> new ManifestView(m.caseId(),
                    Categories.format(m.categories()), m.band().name(), superseded.contains(m.caseId()))).toList();
            return new PersonView(p.incidentId(), c == null ? null : c.caseId(), p.payNumber(), p.matched(),
                    a.band().name(), a.score(), a.dpc(), a.ei(), a.cb().total(), a.cb(), a.reasons(),
                    Categories.format(p.exposed()), p.staffType() == null ? null : p.staffType().name(), p.force(), art34,
                    p.notices().stream().anyMatch(PersonNotice::published), manifests, p.notices(), letters, p.hold(),
                    releaseState(p), p.reviewNotes(), p.noLongerListed(superseded), p.subjectType().name());
        }

        /** "told", "held", "awaiting release", "being published", or "general communication" (no individual notice). */
        private static String releaseState(IncidentPerson p) {
            if (p.notices().stream().anyMatch(n -> n.published() && n.kind() == org.breachtriage.core.incident.NoticeKind.INITIAL)) {
                return p.notices().stream().anyMatch(n -> n.live() && !n.published()) ? "told, more waiting" : "told";
            }
            if (p.held()) {
                return "held";
            }
            if (p.notices().stream().noneMatch(PersonNotice::live)) {
                return "general communication";
            }
            return p.notices().stream().anyMatch(PersonNotice::released) ? "being published" : "awaiting release";
        }
    }
}
