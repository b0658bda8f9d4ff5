package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.scoring.PersonResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "person",
        description = {"Explain one person's result in a case: what leaked, the ENISA inputs (DPC, EI, CB), the score and band, every rule that fired, and the Art. 34 decision."},
        mixinStandardHelpOptions = true)
final class PersonCommand extends CaseCommand {

    @Parameters(index = "1", paramLabel = "PAY_NUMBER")
    String payNumber;

    @Mixin
    OutputOption output;

    @Override
    int show(Backend pipeline, CaseRecord c, PrintWriter out) {
        String key = payNumber.trim().toUpperCase(Locale.ROOT);
        PersonResult r = pipeline.cases().findResult(c.caseId(), key).orElseThrow(() -> new InvalidInputException(
                "pay number " + key + " is not in case " + c.caseId() + " (was the row rejected? see: triage rejects "
                        + c.caseId() + ")"));
        if (output.format == OutputFormat.json) {
            out.println(Json.pretty(PersonView.of(r)));
            return ExitCodes.OK;
        }
        var a = r.assessment();
        out.printf("Person      %s in %s%n", r.payNumber(), r.caseId());
        out.printf("Matched     %s%n", r.matched() ? "yes, " + r.staffType() + ", " + r.force() : "no: scored from the manifest alone");
        out.printf("Exposed     %s%n", Categories.format(r.exposed()));
        out.printf("Score       %s = DPC %s × EI %s + CB %s  → %s%n", plain(a.score()), plain(a.dpc()),
                plain(a.ei()), plain(a.cb().total()), a.band());
        out.printf("CB parts    confidentiality %s, integrity %s, availability %s, malicious %s%n",
                plain(a.cb().confidentiality()), plain(a.cb().integrity()), plain(a.cb().availability()),
                plain(a.cb().malicious()));
        out.println("Why");
        a.reasons().forEach(reason -> out.println("  - " + reason));
        out.printf("Art. 34     %s%s%n", r.notice().required() ? "notify by " + r.notice().channel() : "no notice",
                r.noticeSent() ? " (sent)" : "");
        out.printf("            %s%n", r.notice().reason());
        return ExitCodes.OK;
    }

    /** 2.5 rather than 2.50, 4 rather than 4.00: scores are sums of quarters and halves. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The person JSON: the required fields first, flat, then the rest. */
    record PersonView(String caseId, String payNumber, boolean matched, String band, double score, double dpc,
                      double ei, double cb, Object cbParts, java.util.List<String> reasons, String exposedFields,
                      String staffType, String force, Object art34, boolean noticeSent) {
        static PersonView of(PersonResult r) {
            var a = r.assessment();
            return new PersonView(r.caseId(), r.payNumber(), r.matched(), a.band().name(), a.score(), a.dpc(), a.ei(),
                    a.cb().total(), a.cb(), a.reasons(), Categories.format(r.exposed()),
                    r.staffType() == null ? null : r.staffType().name(), r.force(), r.notice(), r.noticeSent());
        }
    }
}
