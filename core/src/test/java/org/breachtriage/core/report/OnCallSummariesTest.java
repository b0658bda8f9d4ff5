package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnCallSummariesTest {
    private final ReportSubject idCardCase = ReportFixtures.idCardCase();
    private final CaseRecord idCardRecord = ReportFixtures.caseRecordWith(ReportFixtures.CELLS, "Acme ID Cards Ltd", Regime.UK_GDPR);

    @Test
    void headlineSaysItAllInOneLine() {
        OnCallSummary summary = OnCallSummaries.from(idCardCase, ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals("IN-00000000000000ab: 2,514 people, 38 VERY_HIGH, 112 HIGH, 150 notices planned (40 awaiting release);"
                        + " ICO deadline 2023-08-27T09:00Z (in 31 h)",
                summary.headline());
        assertEquals(31L, summary.hoursToDeadline());
    }

    @ParameterizedTest(name = "generated {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2023-08-24T09:00:00Z | in 72 h               | 72",
            "2023-08-27T08:30:00Z | in under 1 h          | 0",
            "2023-08-27T09:00:00Z | overdue by under 1 h  | 0",
            "2023-08-27T09:20:00Z | overdue by under 1 h  | 0",
            "2023-08-27T14:30:00Z | overdue by 5 h        | -5"})
    void timeToTheDeadline(Instant generatedAt, String expected, long hours) {
        OnCallSummary summary = OnCallSummaries.from(idCardCase, ReportFixtures.context(generatedAt));
        assertTrue(summary.headline().endsWith("(" + expected + ")"), summary.headline());
        assertEquals(hours, summary.hoursToDeadline());
    }

    @Test
    void countsAreExactForOnCall() {
        OnCallSummary summary = OnCallSummaries.from(idCardCase, ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals(2520, summary.rowsRead());
        assertEquals(2514, summary.rowsAccepted());
        assertEquals(6, summary.rowsRejected());
        assertEquals(0, summary.rowsUnaccounted());
        assertEquals(2484, summary.personsMatched());
        assertEquals(30, summary.personsUnmatched());
        assertEquals(Map.of(Band.VERY_HIGH, 38L, Band.HIGH, 112L, Band.MEDIUM, 879L, Band.LOW, 1485L), summary.byBand());
        assertEquals(150, summary.noticesPlanned());
        assertEquals(110, summary.noticesPublished());
        assertEquals(40, summary.noticesAwaitingRelease());
        assertEquals(2, summary.peopleHeld());
        String text = summary.toText();
        assertTrue(text.contains("2,520 read, 2,514 accepted, 6 rejected"), text);
        assertTrue(text.contains("VERY_HIGH 38, HIGH 112, MEDIUM 879, LOW 1,485"), text);
    }

    @Test
    void rowsUnaccountedForLeadTheHeadline() {
        Map<String, Long> counters = new HashMap<>(idCardRecord.counters());
        counters.put(Counters.ROWS_READ, 2530L);
        CaseRecord leaky = idCardRecord.withIngestTotals(idCardRecord.batchesQueued(), counters);
        OnCallSummary summary = OnCallSummaries.from(ReportSubject.ofCase(leaky), ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals(10, summary.rowsUnaccounted());
        assertTrue(summary.headline().startsWith("IN-00000000000000ab: 10 rows UNACCOUNTED FOR; 2,514 people"), summary.headline());
        assertTrue(summary.toText().contains("10 UNACCOUNTED FOR"));
    }

    @Test
    void notRequiredIsSaidInTheHeadline() {
        CaseRecord c = idCardRecord;
        CaseRecord notRequired = new CaseRecord(c.caseId(), c.incidentId(), c.source(), c.sourceVersion(), c.status(), null, c.incident(),
                c.regime(), c.openedAt(), c.art33Deadline(), false, "unlikely to result in a risk", c.policyVersion(),
                c.batchesQueued(), c.counters());
        OnCallSummary summary = OnCallSummaries.from(ReportSubject.ofCase(notRequired), ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertTrue(summary.headline().endsWith("(in 31 h), notification assessed as not required"), summary.headline());
    }

    @Test
    void jsonRoundTripsAndTheMessageIsFilterable() {
        OnCallSummary summary = OnCallSummaries.from(idCardCase, ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals(summary, Json.read(summary.toJson(), OnCallSummary.class));
        var message = OnCallSummaries.toMessage(summary);
        assertEquals("case.summary", message.eventType());
        assertEquals("VERY_HIGH", message.attributes().get("severity"));
        assertEquals(summary.toText(), message.readableText());
    }
}
