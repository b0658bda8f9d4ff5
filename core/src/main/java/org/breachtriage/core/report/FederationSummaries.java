package org.breachtriage.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.report.ProtectedTable.Style;

/** Builds the {@link FederationSummary} of an incident report. */
public final class FederationSummaries {
    /** The {@code severity} attribute of a summary whose body withholds every band total. */
    public static final String WITHHELD = "WITHHELD";
    private FederationSummaries() {
    }

    public static FederationSummary from(ReportSubject subject, ReportContext context) {
        // The Federation speaks for the workforce: nobody outside it is in any figure it gets.
        CaseFigures figures = CaseFigures.workforce(subject);
        Map<String, String> byBand = new LinkedHashMap<>();
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            byBand.put(band.name(), figures.band(band, Style.PLAIN));
        }
        Map<String, Map<String, String>> byType = new LinkedHashMap<>();
        for (int row = 0; row < CaseFigures.STAFF_ROWS.size(); row++) {
            Map<String, String> bands = new LinkedHashMap<>();
            for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
                bands.put(band.name(), figures.cell(row, band, Style.PLAIN));
            }
            byType.put(CaseFigures.STAFF_ROWS.get(row), bands);
        }
        IncidentMetadata incident = subject.incident();
        return new FederationSummary(
                FederationSummary.SCHEMA_VERSION,
                FederationSummary.EVENT_TYPE,
                subject.incidentId(),
                subject.caseId(),
                subject.reportNumber(),
                subject.phase(),
                incident == null ? null : incident.reference(),
                incident == null ? null : incident.supplier(),
                context.force(),
                incident == null ? null : incident.awareAt(),
                Art33Law.deadline(subject),
                context.policyVersion(),
                figures.people(Style.PLAIN),
                highestSeverity(figures),
                byBand,
                byType,
                figures.legend(),
                changes(subject, figures),
                context.generatedAt());
    }

    private static FederationSummary.Changes changes(ReportSubject subject, CaseFigures figures) {
        if (subject.initial() || subject.previous() == null) {
            return null;
        }
        Map<String, String> before = new LinkedHashMap<>();
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            before.put(band.name(), figures.previousBand(band, Style.PLAIN));
        }
        return new FederationSummary.Changes(subject.reportNumber() - 1, figures.previousPeople(Style.PLAIN), before,
                ReportChanges.categoriesNewlyExposed(subject), (int) ReportChanges.manifestsSupersededSince(subject),
                SmallCounts.show(subject.counter(Counters.PERSONS_NO_LONGER_LISTED)));
    }

    /**
     * The most severe band the body shows as non-zero, read from the shown figures only: subscribers
     * route on this attribute, so it must say no more than the body. Walking from VERY_HIGH down, a
     * band shown as 0 is passed over, one shown as a number or "<5" is the answer, and one withheld
     * ("[c]") stops the walk with {@value #WITHHELD}: naming a lower band would say the withheld one is
     * empty, naming it would say it is not. A breach of fewer than 5 people, whose bands are all
     * withheld, is therefore {@value #WITHHELD}; nobody affected is NONE.
     */
    static String highestSeverity(CaseFigures figures) {
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            ProtectedTable.Shown shown = figures.table.columnTotalShown(CaseFigures.BANDS_BY_SEVERITY.indexOf(band));
            if (shown == ProtectedTable.Shown.SMALL
                    || shown == ProtectedTable.Shown.EXACT && !"0".equals(figures.band(band, Style.PLAIN))) {
                return band.name();
            }
            if (shown != ProtectedTable.Shown.EXACT) {
                return WITHHELD;
            }
        }
        return "NONE";
    }

    /** The summary as an alerts-topic message, with the attributes subscription filters use. */
    public static OutboundMessage toMessage(FederationSummary summary) {
        String severity = summary.highestSeverity();
        return new OutboundMessage(summary.incidentId() + "/" + FederationSummary.EVENT_TYPE + "/" + summary.reportNumber(),
                summary.toJson(),
                summary.toText(), Map.of(
                        "eventType", FederationSummary.EVENT_TYPE,
                        "severity", severity,
                        "force", Text.oneLine(summary.force()),
                        "supplier", Text.oneLine(summary.supplier())));
    }
}
