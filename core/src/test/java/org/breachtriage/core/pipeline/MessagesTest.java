package org.breachtriage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.release.CaseNotices;
import org.junit.jupiter.api.Test;

/** The messages that leave the pipeline: bodies, ids and the SNS filter attributes, with absent values left out. */
class MessagesTest {
    private static final Instant NOW = Instant.parse("2023-08-26T12:00:00Z");

    @Test
    void aNoticeCarriesWhatItsSenderNeedsAndFilterAttributes() {
        IncidentPerson person = ContractData.matchedPerson("IN-00000000000000aa", "MP000123", 3);
        OutboundMessage m = Messages.notice(ContractData.incidentRecord("IN-00000000000000aa", NOW), person,
                person.notices().get(2), "letters/IN-00000000000000aa/MP000123.txt");

        assertEquals("IN-00000000000000aa-notice-MP000123-escalation-VERY_HIGH", m.id());
        JsonNode body = Json.read(m.body(), JsonNode.class);
        assertEquals("3", body.path("schemaVersion").asText());
        assertEquals(Messages.PERSON_NOTICE, body.path("eventType").asText());
        assertEquals(m.id(), body.path("noticeId").asText());
        assertEquals("BT-00000000000000a2", body.path("caseId").asText());
        assertEquals("INC-2023-0042", body.path("caseReference").asText());
        assertEquals("escalation", body.path("noticeKind").asText());
        assertEquals("IN_PERSON", body.path("channel").asText());
        assertEquals("art34-very-high-v1", body.path("templateId").asText());
        assertEquals("VERY_HIGH", body.path("band").asText());
        assertTrue(body.path("art34").asBoolean());
        assertEquals("letters/IN-00000000000000aa/MP000123.txt", body.path("letterKey").asText());
        assertEquals(1, body.path("approvals").asInt(), "one of its two approvers so far");
        assertEquals(Map.of("eventType", Messages.PERSON_NOTICE, "severity", "VERY_HIGH",
                "force", "Metropolitan Police Service", "supplier", "Acme ID Cards Ltd"), m.attributes());
    }

    @Test
    void absentOrBlankAttributesAreLeftOutBecauseSnsRefusesEmptyOnes() {
        IncidentPerson unmatched = ContractData.unmatchedPerson("IN-00000000000000bb", "MP000124", 1);
        IncidentPerson withNotice = new IncidentPerson(unmatched.incidentId(), unmatched.payNumber(), false, null, " ",
                unmatched.exposed(), unmatched.assessment(), unmatched.manifests(),
                ContractData.matchedPerson("IN-00000000000000bb", "MP000124", 1).notices(), unmatched.changes(),
                List.of(), null, 1);
        IncidentRecord noSupplier = IncidentRecord.open("IN-00000000000000bb", "Met", "INC-1", "",
                new IncidentManifest("BT-1", "a.csv", NOW, NOW, null), NOW);

        OutboundMessage m = Messages.notice(noSupplier, withNotice, withNotice.notices().get(1), "letters/x.txt");

        assertEquals(Map.of("eventType", Messages.PERSON_NOTICE, "severity", "HIGH"), m.attributes());
    }

    @Test
    void anAlertAboutACaseNamesItsIncidentAndAddsOnlyTheGivenAggregates() {
        CaseRecord c = ContractData.caseRecord("BT-00000000000000c1", NOW);

        OutboundMessage m = Messages.alert(Messages.CASE_SCORED, c, Band.HIGH, Map.of("persons", 12), "readable");

        assertEquals("BT-00000000000000c1-case.scored", m.id());
        assertEquals("readable", m.readableText());
        JsonNode body = Json.read(m.body(), JsonNode.class);
        assertEquals("IN-00000000000000aa", body.path("incidentId").asText());
        assertEquals("INC-2023-0042", body.path("reference").asText());
        assertEquals("INGESTING", body.path("status").asText());
        assertEquals(ContractData.AWARE_AT.toString(), body.path("awareAt").asText());
        assertEquals(12, body.path("persons").asInt());
        assertEquals(Map.of("eventType", Messages.CASE_SCORED, "severity", "HIGH", "supplier", "Acme ID Cards Ltd"),
                m.attributes());
        assertFalse(Messages.alert(Messages.CASE_OPENED, c, null, Map.of(), "").attributes().containsKey("severity"));
    }

    @Test
    void theHighestBandIsTheHighestWithAnyoneInIt() {
        assertNull(Messages.highestBand(withCounters(Map.of())));
        assertNull(Messages.highestBand(withCounters(Map.of(Counters.band(Band.VERY_HIGH), 0L))));
        assertEquals(Band.LOW, Messages.highestBand(withCounters(Map.of(Counters.band(Band.LOW), 1L))));
        Map<String, Long> mixed = new HashMap<>();
        mixed.put(Counters.band(Band.LOW), 7L);
        mixed.put(Counters.band(Band.HIGH), 1L);
        mixed.put(Counters.band(Band.VERY_HIGH), 0L);
        assertEquals(Band.HIGH, Messages.highestBand(withCounters(mixed)));
    }

    @Test
    void aRunSummaryBalancesOnlyWhenEveryRowAndPersonIsSomewhere() {
        Map<String, Long> c = new HashMap<>(Map.of(Counters.ROWS_READ, 10L, Counters.ROWS_ACCEPTED, 8L,
                Counters.ROWS_REJECTED, 2L, Counters.PERSONS_TOTAL, 5L, Counters.PERSONS_MATCHED, 4L,
                Counters.PERSONS_UNMATCHED, 1L, Counters.band(Band.LOW), 2L, Counters.band(Band.HIGH), 3L));
        assertTrue(RunSummary.of(withCounters(c), CaseNotices.NONE, 0).balances());
        assertEquals(Map.of("LOW", 2L, "MEDIUM", 0L, "HIGH", 3L, "VERY_HIGH", 0L),
                RunSummary.of(withCounters(c), CaseNotices.NONE, 0).bands());
        for (String name : List.of(Counters.ROWS_READ, Counters.ROWS_REJECTED, Counters.PERSONS_TOTAL,
                Counters.PERSONS_UNMATCHED, Counters.band(Band.HIGH))) {
            Map<String, Long> off = new HashMap<>(c);
            off.merge(name, 1L, Long::sum);
            assertFalse(RunSummary.of(withCounters(off), CaseNotices.NONE, 0).balances(), name + " one more: does not balance");
        }
        assertEquals(7, RunSummary.of(withCounters(c), CaseNotices.NONE, 7).notices().publishedThisRun());
    }

    @Test
    void aRunSummaryBalancesItsNoticesOnlyWhenEveryPlannedOneIsInOneState() {
        Map<String, Long> c = new HashMap<>(Map.of(Counters.NOTICES_PLANNED, 15L));
        CaseNotices standing = new CaseNotices(1, 2, 3, 4, 5); // published, awaiting, releasing, held, withdrawn
        RunSummary summary = RunSummary.of(withCounters(c), standing, 0);
        assertEquals(new RunSummary.Notices(15, 1, 3, 2, 4, 5, 0), summary.notices());
        assertTrue(summary.balances());
        for (CaseNotices off : List.of(new CaseNotices(2, 2, 3, 4, 5), new CaseNotices(1, 3, 3, 4, 5),
                new CaseNotices(1, 2, 4, 4, 5), new CaseNotices(1, 2, 3, 5, 5), new CaseNotices(1, 2, 3, 4, 6))) {
            assertFalse(RunSummary.of(withCounters(c), off, 0).balances(), off + ": one more than planned");
        }
    }

    private static CaseRecord withCounters(Map<String, Long> counters) {
        CaseRecord c = ContractData.caseRecord("BT-00000000000000c2", NOW);
        return c.withIngestTotals(1, counters);
    }
}
