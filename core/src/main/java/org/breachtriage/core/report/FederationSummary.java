package org.breachtriage.core.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.json.Json;

/**
 * What the Federation (and other staff associations) are told about an incident: aggregate figures
 * only, every count a string so that "&lt;5" and "[c]" fit ({@link SmallCounts}, {@link ProtectedTable}).
 * Maps keep their order: bands from most to least severe, staff types as in the staff model then
 * UNKNOWN. Each manifest of an incident produces one: the initial summary, then numbered follow-ups
 * over the same distinct people, protected so that no small count can be worked out by comparing two.
 *
 * @param caseId             the manifest whose scoring produced this summary
 * @param reportNumber       1 for the initial summary, 2 for follow-up 1, …
 * @param peopleAffected     the incident's distinct people (each counted once however many manifests
 *                           name them), exact from 5 up
 * @param sinceLastReport    for a follow-up, what changed since the summary before it; null for the initial one
 * @param highestSeverity    the most severe band with anyone in it ("NONE" when nobody), for filtering
 * @param byBand             band → people
 * @param byStaffTypeAndBand staff type (or UNKNOWN) → band → people
 * @param notes              the legend for the markers used, and caveats
 */
public record FederationSummary(
        String schemaVersion,
        String eventType,
        String incidentId,
        String caseId,
        int reportNumber,
        String phase,
        String incidentReference,
        String supplier,
        String force,
        Instant awareAt,
        Instant art33Deadline,
        String policyVersion,
        String peopleAffected,
        String highestSeverity,
        Map<String, String> byBand,
        Map<String, Map<String, String>> byStaffTypeAndBand,
        List<String> notes,
        Changes sinceLastReport,
        Instant generatedAt) {

    public static final String SCHEMA_VERSION = "2";

    /**
     * What changed since the report before, as shown in each (so it gives away nothing the two
     * protected tables do not), plus counts of manifests and of people no longer listed.
     *
     * @param noLongerListed people named only in superseded manifests ("&lt;5" for 1–4)
     */
    public record Changes(int sinceReport, String peopleAffectedBefore, Map<String, String> byBandBefore,
                          List<String> categoriesNewlyExposed, int manifestsSuperseded, String noLongerListed) {
        public Changes {
            byBandBefore = ordered(byBandBefore);
            categoriesNewlyExposed = List.copyOf(categoriesNewlyExposed);
        }
    }
    public static final String EVENT_TYPE = "case.reported";

    public FederationSummary {
        byBand = ordered(byBand);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        if (byStaffTypeAndBand != null) {
            byStaffTypeAndBand.forEach((type, bands) -> rows.put(type, ordered(bands)));
        }
        byStaffTypeAndBand = Collections.unmodifiableMap(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The document for {@code sqs} and {@code https} subscribers. */
    public String toJson() {
        return Json.write(this);
    }

    /** What an {@code email} subscriber reads (SNS {@code MessageStructure=json}). */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Breach Triage: Federation summary (").append(phase).append(") for incident ")
                .append(Text.oneLine(incidentId)).append('\n');
        out.append("Aggregate figures only. No personal data.\n\n");
        field(out, "Force", force);
        field(out, "Supplier", supplier);
        field(out, "Incident reference", incidentReference);
        field(out, "Became aware", Text.minutes(awareAt));
        field(out, "ICO deadline (72 h)", Text.minutes(art33Deadline));
        out.append('\n').append("People affected: ").append(Text.groupDigits(peopleAffected)).append('\n');
        out.append("Most severe band with anyone in it: ").append(highestSeverity).append("\n\n");

        out.append("By severity\n");
        byBand.forEach((band, people) -> out.append(String.format("  %-10s %8s%n", band, Text.groupDigits(people))));

        out.append("\nBy staff type and severity\n");
        out.append(String.format("  %-11s", "Staff type"));
        byBand.keySet().forEach(band -> out.append(String.format(" %10s", band)));
        out.append('\n');
        byStaffTypeAndBand.forEach((type, bands) -> {
            out.append(String.format("  %-11s", type));
            bands.values().forEach(people -> out.append(String.format(" %10s", Text.groupDigits(people))));
            out.append('\n');
        });
        if (sinceLastReport != null) {
            out.append("\nSince report ").append(sinceLastReport.sinceReport()).append('\n');
            out.append("  People affected then: ").append(Text.groupDigits(sinceLastReport.peopleAffectedBefore())).append('\n');
            sinceLastReport.byBandBefore().forEach((band, people) -> out.append(String.format("  %-10s then %8s, now %8s%n",
                    band, Text.groupDigits(people), Text.groupDigits(byBand.get(band)))));
            if (!sinceLastReport.categoriesNewlyExposed().isEmpty()) {
                out.append("  Newly exposed: ").append(String.join(", ", sinceLastReport.categoriesNewlyExposed())).append('\n');
            }
            out.append("  Manifests superseded: ").append(sinceLastReport.manifestsSuperseded())
                    .append("; people no longer listed (under review): ").append(sinceLastReport.noLongerListed()).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes\n");
            notes.forEach(note -> out.append("- ").append(Text.oneLine(note)).append('\n'));
        }
        out.append("\nGenerated ").append(Text.minutes(generatedAt)).append(", policy ")
                .append(Text.oneLine(policyVersion)).append('\n');
        return out.toString();
    }

    private static void field(StringBuilder out, String label, String value) {
        out.append(String.format("%-21s %s%n", label + ":", Text.oneLine(value)));
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
