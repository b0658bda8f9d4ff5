package org.breachtriage.cli;

import java.io.PrintWriter;
import org.breachtriage.core.pipeline.RunSummary;

/** Human-readable renderings shared by run, status and demo. */
final class Tables {
    private Tables() {
    }

    static String abbreviate(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }

    static void printSummary(PrintWriter out, RunSummary s) {
        out.printf("Case        %s  (%s)%n", s.caseId(), s.status());
        if (s.failureReason() != null) {
            out.printf("Failure     %s%n", s.failureReason());
        }
        out.printf("Incident    %s, %s%n", s.reference(), s.supplier());
        out.printf("Source      %s%n", s.source());
        out.printf("Rows        %,d read = %,d accepted + %,d rejected%n", s.rows().read(), s.rows().accepted(),
                s.rows().rejected());
        out.printf("People      %,d = %,d matched + %,d not in the staff table%n", s.persons().total(),
                s.persons().matched(), s.persons().unmatched());
        out.println("Severity");
        long widest = Math.max(1, s.bands().values().stream().mapToLong(Long::longValue).max().orElse(1));
        for (var band : s.bands().entrySet()) {
            int bar = (int) Math.round(40.0 * band.getValue() / widest);
            out.printf("  %-10s %,9d  %s%n", band.getKey(), band.getValue(), "#".repeat(bar));
        }
        out.printf("Notices     %,d published (Art. 34, policy %s)%n", s.notices().published(), s.policyVersion());
        out.printf("ICO Art. 33 %s, deadline %s%n", s.art33().required() ? "REQUIRED" : "not required",
                s.art33().deadline());
    }
}
