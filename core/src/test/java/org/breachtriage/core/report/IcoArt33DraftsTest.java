package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcoArt33DraftsTest {
    private final ReportSubject idCardCase = ReportFixtures.idCardCase();

    private IcoArt33Draft draftAt(Instant generatedAt) {
        return IcoArt33Drafts.from(idCardCase, ReportFixtures.context(generatedAt));
    }

    @Test
    void markdownHasTheFourRequiredItems() {
        String md = draftAt(ReportFixtures.GENERATED_IN_TIME).toMarkdown();
        assertTrue(md.contains("## 1. What happened and when (Art. 33(3)(a))"), md);
        assertTrue(md.contains("## 4. The data and the people affected (Art. 33(3)(a))"), md);
        assertTrue(md.contains("(Art. 33(3)(b))"), md);
        assertTrue(md.contains("## 5. The risk: likely consequences (Art. 33(3)(c))"), md);
        assertTrue(md.contains("## 6. Containment and the measures already in place (Art. 33(3)(d))"), md);
        assertTrue(md.contains("Approximate number of people: about 2,500. Approximate number of records: about 2,500"), md);
        assertTrue(md.contains("Categories of personal data: names; ranks or grades; photographs; vetting levels;"
                + " pay numbers (internal staff identifiers)."), md);
        assertTrue(md.contains("Data Protection Officer, Metropolitan Police Service"), md);
    }

    @Test
    void markdownFollowsTheIcoFormSections() {
        IcoArt33Draft draft = draftAt(ReportFixtures.GENERATED_IN_TIME);
        assertEquals(List.of("what-happened", "found-out", "staff-training", "data-and-people", "risk", "containment",
                        "measures-proposed", "other-organisations", "contact", "assumptions"),
                draft.formSections().stream().map(IcoArt33Draft.FormSection::id).toList());
        String md = draft.toMarkdown();
        assertTrue(md.contains("The force became aware of the breach at 2023-08-24T09:00Z (UTC)."), md);
        assertTrue(md.contains("## 3. Staff involved and their training\n\n\\[TO COMPLETE: which staff"), md);
        assertTrue(md.contains("- National Crime Agency (NCA) \\[confirm\\]"), md);
        assertTrue(md.contains("Further information will be provided in phases"), md);
        assertTrue(md.contains("(Art. 33(4))"), md);
        assertTrue(md.contains("- Malicious intent assumed: the supplier did not say."), md);
    }

    @Test
    void jsonHasTheFourRequiredItems() {
        JsonNode json = readTree(draftAt(ReportFixtures.GENERATED_IN_TIME).toJson());
        JsonNode nature = json.get("natureOfBreach");
        assertEquals("about 2,500", nature.get("approximatePeople").asText());
        assertEquals("about 2,500", nature.get("approximateRecords").asText());
        assertEquals(5, nature.get("dataCategories").size());
        assertEquals("38", nature.get("peopleBySeverity").get("VERY_HIGH").asText());
        assertEquals("about 110", nature.get("peopleBySeverity").get("HIGH").asText());
        assertTrue(json.get("contactPoint").get("placeholder").asBoolean());
        assertEquals(6, json.get("likelyConsequences").size(), json.get("likelyConsequences").toString());
        assertEquals(4, json.get("measures").get("taken").size());
        assertEquals(4, json.get("measures").get("proposed").size());
        assertTrue(json.get("measures").get("peopleTold").asText().contains("Notices planned so far: about 150, of which"
                + " 40 awaiting that release."), json.get("measures").get("peopleTold").asText());
        assertEquals("UK_GDPR", json.get("regime").asText());
        assertEquals("initial", json.get("phase").asText());
    }

    @Test
    void jsonRoundTrips() {
        IcoArt33Draft draft = draftAt(ReportFixtures.GENERATED_LATE);
        assertEquals(draft, Json.read(draft.toJson(), IcoArt33Draft.class));
    }

    @Test
    void noDelaySectionWhenInTime() {
        IcoArt33Draft draft = draftAt(ReportFixtures.GENERATED_IN_TIME);
        assertFalse(draft.late());
        assertNull(draft.reasonsForDelay());
        assertFalse(draft.toMarkdown().contains("Reasons for delay"));
        assertFalse(draft.toJson().contains("Reasons for delay"));
    }

    @Test
    void exactlyAtTheDeadlineIsStillInTime() {
        assertFalse(draftAt(ReportFixtures.DEADLINE).late());
        assertTrue(draftAt(ReportFixtures.DEADLINE.plusSeconds(1)).late());
    }

    @Test
    void aLateDraftAsksForTheReasonsForDelay() {
        IcoArt33Draft draft = draftAt(ReportFixtures.GENERATED_LATE);
        assertTrue(draft.late());
        assertNotNull(draft.reasonsForDelay());
        String md = draft.toMarkdown();
        assertTrue(md.contains("## 10. Reasons for delay (Art. 33(1))"), md);
        assertTrue(md.contains("after the 72-hour deadline of 2023-08-27T09:00Z (overdue by 5 h)"), md);
        assertTrue(md.contains("\\[TO COMPLETE: reasons for the delay\\]"), md);
        assertTrue(draft.toComplete().stream().anyMatch(s -> s.startsWith("Reasons for delay: ")));
    }

    @Test
    void reasonsForDelayBelongOnlyToLateDrafts() {
        IcoArt33Draft draft = draftAt(ReportFixtures.GENERATED_IN_TIME);
        assertThrows(IllegalArgumentException.class, () -> new IcoArt33Draft(draft.schemaVersion(), draft.incidentId(), draft.caseId(),
                draft.reportNumber(), draft.force(), draft.supplier(), draft.incidentReference(), draft.regime(), draft.legalBasis(),
                draft.phase(), draft.phasedReporting(), draft.changesSinceLastReport(), draft.generatedAt(), draft.awareAt(), draft.deadline(), false,
                draft.notificationRequired(), draft.notificationReasoning(), draft.natureOfBreach(), draft.contactPoint(),
                draft.likelyConsequences(), draft.measures(), "made up", draft.otherOrganisationsTold(),
                draft.assumptions(), draft.formSections(), draft.toComplete()));
    }

    @Test
    void lawEnforcementDataCitesDpaPartThree() {
        ReportSubject part3 = ReportFixtures.caseWith(ReportFixtures.CELLS, "Acme ID Cards Ltd", Regime.DPA_2018_PART_3);
        IcoArt33Draft draft = IcoArt33Drafts.from(part3, ReportFixtures.context(ReportFixtures.GENERATED_LATE));
        String md = draft.toMarkdown();
        assertEquals("Data Protection Act 2018, Part 3, section 67", draft.legalBasis());
        for (char item : new char[] {'a', 'b', 'c', 'd'}) {
            assertTrue(md.contains("DPA 2018 s.67(4)(" + item + ")"), "item " + item);
        }
        assertTrue(md.contains("## 10. Reasons for delay (DPA 2018 s.67(3))"), md);
        assertTrue(md.contains("(DPA 2018 s.67(5))"), md);
        assertTrue(md.contains("(DPA 2018 s.68)"), md);
        assertFalse(md.contains("Art. 33"), md);
    }

    @Test
    void aSmallBandIsSuppressedAndTheNoticeCountThatWouldRevealItIsLeftOut() {
        long[][] cells = {{3, 90, 700, 1000}, {0, 20, 150, 400}, {0, 0, 10, 40}, {0, 0, 8, 20}, {0, 0, 1, 5},
                {0, 0, 10, 20}};
        IcoArt33Draft draft = IcoArt33Drafts.from(ReportFixtures.caseWith(cells, "Acme", Regime.UK_GDPR),
                ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals("<5", draft.natureOfBreach().peopleBySeverity().get("VERY_HIGH"));
        assertTrue(draft.natureOfBreach().peopleBySeverity().containsValue("[c]"),
                "the grand total would otherwise give the small band back");
        assertTrue(draft.measures().peopleTold().contains("not given here because it could reveal a small count"));
        assertFalse(draft.toJson().contains("Notices sent so far"));
        assertTrue(draft.natureOfBreach().figureNotes().stream().anyMatch(n -> n.startsWith("\"<5\" means")));
    }

    @Test
    void categoriesSeenInTheManifestAreAddedAndDriveTheConsequences() {
        ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME)
                .withCategoriesSeen(Set.of(DataCategory.FINANCIAL, DataCategory.HOME_ADDRESS));
        IcoArt33Draft draft = IcoArt33Drafts.from(idCardCase, context);
        assertTrue(draft.natureOfBreach().dataCategories().containsAll(List.of("financial details", "home addresses")));
        assertTrue(draft.likelyConsequences().stream().anyMatch(c -> c.contains("fraud and financial loss")));
        assertTrue(draft.likelyConsequences().stream().anyMatch(c -> c.contains("personal safety at home")));
    }

    @Test
    void unknownCategoriesAreLeftToComplete() {
        CaseRecord c = ReportFixtures.caseRecordWith(ReportFixtures.CELLS, "Acme ID Cards Ltd", Regime.UK_GDPR);
        IncidentMetadata i = c.incident();
        IncidentMetadata noCategories = new IncidentMetadata(i.supplier(), i.reference(), i.awareAt(), i.malicious(),
                i.confidentiality(), i.integrity(), i.availability(), Set.of(), i.assumptions());
        CaseRecord bare = new CaseRecord(c.caseId(), c.incidentId(), c.source(), c.sourceVersion(), c.status(), null, noCategories,
                c.regime(), c.openedAt(), c.art33Deadline(), true, null, c.policyVersion(), c.batchesQueued(), c.counters());
        IcoArt33Draft draft = IcoArt33Drafts.from(ReportSubject.ofCase(bare), ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertEquals(List.of("[TO COMPLETE: categories of personal data exposed]"), draft.natureOfBreach().dataCategories());
        assertTrue(draft.toComplete().stream().anyMatch(s -> s.contains("categories of personal data exposed")));
    }

    @Test
    void aConfiguredDpoAndConfirmedMeasuresLeaveOnlyTheFactsToComplete() {
        ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME)
                .withDpo(DpoContact.of("A. N. Officer", "Data Protection Officer", "dpo@force.example", "020 7946 0000"))
                .withMeasures(List.of("Supplier isolated on 24 August"), List.of("ID cards reissued by 1 September"))
                .withOtherOrganisationsTold(List.of("National Crime Agency (NCA)"));
        IcoArt33Draft draft = IcoArt33Drafts.from(idCardCase, context);
        assertFalse(draft.contactPoint().placeholder());
        assertEquals(List.of("What happened and when", "When you found out", "Staff involved and their training"),
                draft.toComplete().stream().map(s -> s.substring(0, s.indexOf(':'))).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "*Acme* [click](javascript:x) `code` # heading | pipe"})
    void markdownEscapesEverythingFromOutside(String supplier) {
        IcoArt33Draft draft = IcoArt33Drafts.from(ReportFixtures.caseWith(ReportFixtures.CELLS, supplier, Regime.UK_GDPR),
                ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        String md = draft.toMarkdown();
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("[click]"), md);
        assertFalse(md.contains("*Acme*"), md);
        assertTrue(md.contains(Text.markdown(supplier)), md);
        assertEquals(supplier, draft.supplier(), "the JSON keeps the value as it is; escaping is the renderer's job");
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
