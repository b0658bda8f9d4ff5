package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;

/**
 * Item (c) of the ICO draft, likely consequences: each statement appears exactly when what it speaks
 * of is there (a band with people in it, a category exposed, a loss of integrity or availability),
 * and in the order the draft gives them.
 */
class IcoConsequencesTest {
    private static final String SENSITIVE = "People assessed HIGH or VERY_HIGH";
    private static final String RECOGNISABLE = "Names with photographs";
    private static final String VETTING = "Vetting levels reveal";
    private static final String IMPERSONATION = "Ranks, units, pay and warrant numbers";
    private static final String FINANCIAL = "Financial details";
    private static final String CONTACT = "Dates of birth, addresses or contact details";
    private static final String ALTERED = "Records may have been altered";
    private static final String LOST = "Loss of access to the data";
    private static final String LIMITED = "People assessed LOW or MEDIUM";
    private static final String DISTRESS = "Distress and anxiety";
    private static final String SPECIAL = "Special category or criminal offence data";
    private static final String NATIONAL_ID = "National identifiers";
    private static final String CREDENTIALS = "Log-in credentials";
    private static final String LOCATION = "Location data";

    /** Staff type rows × VERY_HIGH, HIGH, MEDIUM, LOW; 10 officers in the given column. */
    private static CaseFigures officersIn(int column) {
        long[][] cells = new long[CaseFigures.STAFF_ROWS.size()][4];
        cells[0][column] = 10;
        return CaseFigures.of(ReportFixtures.caseWith(cells, "Acme", Regime.UK_GDPR));
    }

    private static IncidentMetadata incident(Integrity integrity, Availability availability) {
        return new IncidentMetadata("Acme", "INC-C", ReportFixtures.AWARE_AT, true, Confidentiality.UNKNOWN_RECIPIENTS,
                integrity, availability, Set.of(), List.of());
    }

    private static List<String> openings(CaseFigures figures, Set<DataCategory> categories, IncidentMetadata incident) {
        return IcoArt33Drafts.consequences(figures, categories, incident).stream()
                .map(s -> List.of(SENSITIVE, RECOGNISABLE, VETTING, IMPERSONATION, FINANCIAL, CONTACT, ALTERED, LOST,
                        LIMITED, DISTRESS).stream().filter(s::startsWith).findFirst().orElse(s)).toList();
    }

    @Test
    void aPayNumberAloneAndEveryoneLowGivesOnlyImpersonationLimitedRiskAndDistress() {
        assertEquals(List.of(IMPERSONATION, LIMITED, DISTRESS), openings(officersIn(3), EnumSet.of(DataCategory.PAY_NUMBER),
                incident(Integrity.NONE, Availability.NONE)));
    }

    @Test
    void peopleAtHighOrVeryHighBringTheSensitiveRoleStatementAndNoLimitedRiskOne() {
        assertEquals(List.of(SENSITIVE, DISTRESS), openings(officersIn(0), Set.of(), incident(Integrity.NONE, Availability.NONE)));
        assertEquals(List.of(SENSITIVE, DISTRESS), openings(officersIn(1), Set.of(), incident(null, null)));
        assertEquals(List.of(LIMITED, DISTRESS), openings(officersIn(2), Set.of(), incident(Integrity.NONE, Availability.NONE)));
    }

    @Test
    void aNameNeedsAPhotoToBeRecognisable() {
        assertEquals(List.of(LIMITED, DISTRESS), openings(officersIn(3), EnumSet.of(DataCategory.NAME), incident(null, null)));
        assertEquals(List.of(LIMITED, DISTRESS), openings(officersIn(3), EnumSet.of(DataCategory.PHOTO), incident(null, null)));
        assertEquals(List.of(RECOGNISABLE, LIMITED, DISTRESS), openings(officersIn(3),
                EnumSet.of(DataCategory.NAME, DataCategory.PHOTO), incident(null, null)));
    }

    @Test
    void eachCategoryBringsItsOwnStatement() {
        for (DataCategory c : List.of(DataCategory.RANK, DataCategory.PAY_NUMBER, DataCategory.WARRANT_NUMBER, DataCategory.UNIT)) {
            assertEquals(List.of(IMPERSONATION, LIMITED, DISTRESS), openings(officersIn(3), EnumSet.of(c), incident(null, null)), c.name());
        }
        for (DataCategory c : List.of(DataCategory.DATE_OF_BIRTH, DataCategory.HOME_ADDRESS, DataCategory.PHONE,
                DataCategory.EMAIL)) {
            assertEquals(List.of(CONTACT, LIMITED, DISTRESS), openings(officersIn(3), EnumSet.of(c), incident(null, null)), c.name());
        }
        assertEquals(List.of(VETTING, LIMITED, DISTRESS),
                openings(officersIn(3), EnumSet.of(DataCategory.VETTING_LEVEL), incident(null, null)));
        assertEquals(List.of(FINANCIAL, LIMITED, DISTRESS),
                openings(officersIn(3), EnumSet.of(DataCategory.FINANCIAL), incident(null, null)));
    }

    @Test
    void alteredOrLostDataBringsItsStatementsInOrder() {
        assertEquals(List.of(ALTERED, LIMITED, DISTRESS), openings(officersIn(3), Set.of(),
                incident(Integrity.RECOVERABLE, Availability.NONE)));
        assertEquals(List.of(LOST, LIMITED, DISTRESS), openings(officersIn(3), Set.of(),
                incident(Integrity.NONE, Availability.TEMPORARY)));
        assertEquals(List.of(SENSITIVE, RECOGNISABLE, VETTING, IMPERSONATION, FINANCIAL, CONTACT, ALTERED, LOST, DISTRESS),
                openings(officersIn(0), DataCategory.ofContractVersion(1),
                        incident(Integrity.UNRECOVERABLE, Availability.PERMANENT)), "everything of version 1, in order");
    }

    @Test
    void theCategoriesOfContractVersionTwoEachBringTheirStatement() {
        EnumSet<DataCategory> added = EnumSet.complementOf(DataCategory.ofContractVersion(1));
        assertEquals(List.of(FINANCIAL, SPECIAL, NATIONAL_ID, CREDENTIALS, LOCATION, LIMITED, DISTRESS),
                openings(officersIn(3), added, incident(null, null)).stream()
                        .map(s -> List.of(SPECIAL, NATIONAL_ID, CREDENTIALS, LOCATION).stream().filter(s::startsWith)
                                .findFirst().orElse(s)).toList());
        for (DataCategory c : List.of(DataCategory.HEALTH, DataCategory.SPECIAL_CATEGORY, DataCategory.CRIMINAL_OFFENCE)) {
            assertTrue(IcoArt33Drafts.consequences(officersIn(3), EnumSet.of(c), incident(null, null)).getFirst()
                    .startsWith(SPECIAL), c.name());
        }
        assertTrue(IcoArt33Drafts.consequences(officersIn(3), EnumSet.of(DataCategory.FINANCIAL_FULL), incident(null, null))
                .getFirst().contains("full card or account details allow transactions"));
        assertTrue(IcoArt33Drafts.consequences(officersIn(3), EnumSet.of(DataCategory.CREDENTIALS_HASHED),
                incident(null, null)).getFirst().contains("hashed and salted passwords must first be cracked"));
    }

    private static EnumSet<DataCategory> with(EnumSet<DataCategory> set, DataCategory... more) {
        EnumSet<DataCategory> copy = EnumSet.copyOf(set);
        copy.addAll(List.of(more));
        return copy;
    }
}
