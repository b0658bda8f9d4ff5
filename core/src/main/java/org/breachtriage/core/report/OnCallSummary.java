package org.breachtriage.core.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;

/**
 * What the on-call engineer needs at a glance, about an incident after one of its manifests was
 * scored. Counts are exact: this goes to the internal alerts audience only. There is still no
 * personal data, only aggregate counters. Rows are summed over the incident's manifests that are not
 * superseded; people are the incident's distinct people. The failure reason is deliberately left out:
 * parse errors may quote a field value; on-call reads it from the case.
 *
 * @param caseId           the manifest whose scoring produced this summary
 * @param noLongerListed   people named only in superseded manifests, to review
 * @param rowsUnaccounted  rows read − accepted − rejected; anything but 0 means rows went missing
 * @param byBand           band → people, most severe first
 * @param hoursToDeadline  whole hours from {@code generatedAt} to the ICO deadline, negative when
 *                         overdue, null when the deadline is unknown
 */
public record OnCallSummary(
        String schemaVersion,
        String eventType,
        String incidentId,
        String caseId,
        int reportNumber,
        String phase,
        CaseStatus status,
        String force,
        String supplier,
        String incidentReference,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long rowsUnaccounted,
        long personsTotal,
        long personsMatched,
        long personsUnmatched,
        long noLongerListed,
        long manifests,
        long manifestsSuperseded,
        Map<Band, Long> byBand,
        long noticesPlanned,
        long noticesInitial,
        long noticesEscalation,
        long noticesPublished,
        long noticesAwaitingRelease,
        long peopleHeld,
        boolean art33Required,
        Instant art33Deadline,
        Long hoursToDeadline,
        Instant generatedAt,
        String headline,
        long personsNonStaff) {

    public static final String SCHEMA_VERSION = "3";
    public static final String EVENT_TYPE = "case.summary";

    public OnCallSummary {
        byBand = byBand == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byBand));
    }

    /** A summary of an incident of staff only. */
    public OnCallSummary(String schemaVersion, String eventType, String incidentId, String caseId, int reportNumber,
                         String phase, CaseStatus status, String force, String supplier, String incidentReference,
                         long rowsRead, long rowsAccepted, long rowsRejected, long rowsUnaccounted, long personsTotal,
                         long personsMatched, long personsUnmatched, long noLongerListed, long manifests,
                         long manifestsSuperseded, Map<Band, Long> byBand, long noticesPlanned, long noticesInitial,
                         long noticesEscalation, long noticesPublished, long noticesAwaitingRelease, long peopleHeld,
                         boolean art33Required, Instant art33Deadline, Long hoursToDeadline, Instant generatedAt,
                         String headline) {
        this(schemaVersion, eventType, incidentId, caseId, reportNumber, phase, status, force, supplier,
                incidentReference, rowsRead, rowsAccepted, rowsRejected, rowsUnaccounted, personsTotal, personsMatched,
                personsUnmatched, noLongerListed, manifests, manifestsSuperseded, byBand, noticesPlanned, noticesInitial,
                noticesEscalation, noticesPublished, noticesAwaitingRelease, peopleHeld, art33Required, art33Deadline,
                hoursToDeadline, generatedAt, headline, 0);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** What an {@code email} subscriber reads. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(Text.oneLine(headline)).append("\n\n");
        line(out, "Incident", incidentId + ", report " + reportNumber + " (" + phase + ")");
        line(out, "Manifest", caseId + " (" + status + "); " + n(manifests) + " manifest(s) in the incident, "
                + n(manifestsSuperseded) + " superseded");
        line(out, "Force", force);
        line(out, "Supplier", supplier);
        line(out, "Incident reference", incidentReference);
        line(out, "Rows", String.format("%s read, %s accepted, %s rejected", n(rowsRead), n(rowsAccepted),
                n(rowsRejected)) + (rowsUnaccounted == 0 ? "" : ", " + n(rowsUnaccounted) + " UNACCOUNTED FOR"));
        line(out, "People", String.format("%s distinct (%s matched to the staff table, %s not)", n(personsTotal),
                n(personsMatched), n(personsUnmatched))
                + (personsNonStaff == 0 ? "" : "; " + n(personsNonStaff) + " outside the workforce (victims, witnesses,"
                        + " suspects, others)")
                + (noLongerListed == 0 ? ""
                : "; " + n(noLongerListed) + " no longer listed, to review"));
        StringBuilder bands = new StringBuilder();
        byBand.forEach((band, count) -> bands.append(bands.isEmpty() ? "" : ", ").append(band).append(' ').append(n(count)));
        line(out, "By severity", bands.toString());
        line(out, "Notices published", n(noticesPublished) + " (" + n(noticesInitial) + " initial, "
                + n(noticesEscalation) + " escalation)");
        line(out, "ICO deadline", Text.minutes(art33Deadline) + " ("
                + Art33Law.describeRemaining(art33Deadline, generatedAt) + ")"
                + (art33Required ? "" : ", notification assessed as not required"));
        line(out, "Generated", Text.minutes(generatedAt));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-19s %s%n", label + ":", Text.oneLine(value)));
    }

    private static String n(long count) {
        return SmallCounts.grouped(count);
    }
}
