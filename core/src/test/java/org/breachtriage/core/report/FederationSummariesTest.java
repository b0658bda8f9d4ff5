package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.OutboundMessage;
import org.junit.jupiter.api.Test;

class FederationSummariesTest {
    private final ReportSubject idCardCase = ReportFixtures.idCardCase();
    private final ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME);

    @Test
    void smallCellsAreShownAsLessThanFiveAndTheirComplementsWithheld() {
        FederationSummary summary = FederationSummaries.from(idCardCase, context);

        assertEquals("<5", summary.byStaffTypeAndBand().get("CONTRACTOR").get("VERY_HIGH"));
        assertEquals("<5", summary.byStaffTypeAndBand().get("SPECIAL").get("HIGH"));
        assertEquals("<5", summary.byStaffTypeAndBand().get("CONTRACTOR").get("MEDIUM"));
        assertEquals("[c]", summary.byStaffTypeAndBand().get("STAFF").get("VERY_HIGH"));
        assertEquals("[c]", summary.byStaffTypeAndBand().get("STAFF").get("HIGH"));
        assertEquals("[c]", summary.byStaffTypeAndBand().get("PCSO").get("MEDIUM"));
        assertEquals("30", summary.byStaffTypeAndBand().get("OFFICER").get("VERY_HIGH"));
        assertEquals("0", summary.byStaffTypeAndBand().get("PCSO").get("VERY_HIGH"));
        assertEquals("5", summary.byStaffTypeAndBand().get("CONTRACTOR").get("LOW"));
        assertEquals(List.of("VERY_HIGH", "HIGH", "MEDIUM", "LOW"), List.copyOf(summary.byBand().keySet()));
        assertEquals(List.of("38", "112", "879", "1485"), List.copyOf(summary.byBand().values()));
        assertEquals(List.of("OFFICER", "STAFF", "SPECIAL", "PCSO", "CONTRACTOR", "UNKNOWN"),
                List.copyOf(summary.byStaffTypeAndBand().keySet()));
        assertEquals("2514", summary.peopleAffected());
        assertEquals("VERY_HIGH", summary.highestSeverity());
    }

    @Test
    void carriesTheEnvelopeFields() {
        FederationSummary summary = FederationSummaries.from(idCardCase, context);
        assertEquals("2", summary.schemaVersion());
        assertEquals("case.reported", summary.eventType());
        assertEquals("IN-00000000000000ab", summary.incidentId());
        assertEquals("BT-ab12", summary.caseId());
        assertEquals(1, summary.reportNumber());
        assertEquals("initial", summary.phase());
        assertEquals(null, summary.sinceLastReport(), "an initial summary has nothing to compare with");
        assertEquals("INC-2023-0824", summary.incidentReference());
        assertEquals("Acme ID Cards Ltd", summary.supplier());
        assertEquals(ReportFixtures.FORCE, summary.force());
        assertEquals(ReportFixtures.AWARE_AT, summary.awareAt());
        assertEquals(ReportFixtures.DEADLINE, summary.art33Deadline());
        assertEquals(ReportFixtures.GENERATED_IN_TIME, summary.generatedAt());
    }

    @Test
    void noFigureAnywhereIsBetweenOneAndFour() {
        FederationSummary summary = FederationSummaries.from(idCardCase, context);
        List<String> figures = new ArrayList<>(summary.byBand().values());
        figures.add(summary.peopleAffected());
        summary.byStaffTypeAndBand().values().forEach(row -> figures.addAll(row.values()));
        assertEquals(1 + 4 + 24, figures.size());
        for (String figure : figures) {
            assertTrue(figure.equals("0") || figure.equals("<5") || figure.equals("[c]")
                    || (figure.matches("\\d+") && Long.parseLong(figure) >= 5), figure);
        }
    }

    @Test
    void jsonRoundTrips() {
        FederationSummary summary = FederationSummaries.from(idCardCase, context);
        FederationSummary back = Json.read(summary.toJson(), FederationSummary.class);
        assertEquals(summary, back);
        assertEquals(List.copyOf(summary.byBand().keySet()), List.copyOf(back.byBand().keySet()));
    }

    @Test
    void textIsReadableAndExplainsTheMarkers() {
        String text = FederationSummaries.from(idCardCase, context).toText();
        assertTrue(text.contains("People affected: 2,514"), text);
        assertTrue(text.contains("  CONTRACTOR          <5          0         <5          5\n"), text);
        assertTrue(text.contains("  OFFICER             30         90        700      1,000\n"), text);
        assertTrue(text.contains("\"<5\" means between 1 and 4 people"), text);
        assertTrue(text.contains("\"[c]\" means withheld"), text);
        assertTrue(text.contains("ICO deadline (72 h):  2023-08-27T09:00Z"), text);
    }

    @Test
    void controlCharactersInSupplierNamesCannotForgeLines() {
        ReportSubject forged = ReportFixtures.caseWith(ReportFixtures.CELLS, "Acme\nPeople affected: 0", Regime.UK_GDPR);
        String text = FederationSummaries.from(forged, context).toText();
        assertTrue(text.contains("Supplier:             Acme People affected: 0\n"), text);
    }

    @Test
    void messageCarriesFilterAttributesAndBothRenderings() {
        FederationSummary summary = FederationSummaries.from(idCardCase, context);
        OutboundMessage message = FederationSummaries.toMessage(summary);
        assertEquals("case.reported", message.eventType());
        assertEquals("VERY_HIGH", message.attributes().get("severity"));
        assertEquals(ReportFixtures.FORCE, message.attributes().get("force"));
        assertEquals("Acme ID Cards Ltd", message.attributes().get("supplier"));
        assertEquals("IN-00000000000000ab/case.reported/1", message.id(), "one id per incident and report number");
        assertEquals(summary, Json.read(message.body(), FederationSummary.class));
        assertEquals(summary.toText(), message.readableText());
    }

    @Test
    void aCaseWithNobodyScoredSaysSo() {
        long[][] nobody = new long[6][4];
        FederationSummary summary = FederationSummaries.from(
                ReportFixtures.caseWith(nobody, "Acme ID Cards Ltd", Regime.UK_GDPR), context);
        assertEquals("0", summary.peopleAffected());
        assertEquals("NONE", summary.highestSeverity());
        summary.byBand().values().forEach(v -> assertEquals("0", v));
    }
}
