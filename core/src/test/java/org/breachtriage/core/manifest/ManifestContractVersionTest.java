package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;

/**
 * The manifest contract at version 2: every category parses by its spelling, each says which version
 * added it, version 1's spelling {@code financial} is still basic financial data, a version-1 manifest
 * reads exactly as before, and an unknown category is still rejected with the same clear error.
 */
class ManifestContractVersionTest {

    @Test
    void everyCategoryParsesByItsManifestSpellingAndSaysWhichVersionAddedIt() {
        for (DataCategory c : DataCategory.values()) {
            assertEquals(Optional.of(c), DataCategory.parse(c.wireName()), c.name());
            assertEquals(Optional.of(c), DataCategory.parse(" " + c.wireName().toUpperCase().replace('_', ' ') + " "));
        }
        assertEquals(EnumSet.of(DataCategory.HEALTH, DataCategory.SPECIAL_CATEGORY, DataCategory.CRIMINAL_OFFENCE,
                        DataCategory.NATIONAL_ID, DataCategory.CREDENTIALS, DataCategory.CREDENTIALS_HASHED,
                        DataCategory.LOCATION, DataCategory.FINANCIAL_FULL),
                EnumSet.complementOf(DataCategory.ofContractVersion(1)));
        assertEquals(EnumSet.allOf(DataCategory.class), DataCategory.ofContractVersion(DataCategory.CONTRACT_VERSION));
        assertEquals(12, DataCategory.ofContractVersion(1).size(), "version 1 had twelve categories");
    }

    @Test
    void financialIsVersionOnesSpellingOfBasicFinancialData() {
        assertEquals(Optional.of(DataCategory.FINANCIAL), DataCategory.parse("financial"));
        assertEquals(Optional.of(DataCategory.FINANCIAL), DataCategory.parse("financial_basic"));
        assertEquals(Optional.of(DataCategory.FINANCIAL), DataCategory.parse("Financial-Basic"));
        assertEquals("financial_basic", DataCategory.FINANCIAL.wireName());
        assertEquals(Optional.of(DataCategory.FINANCIAL_FULL), DataCategory.parse("financial_full"));
    }

    @Test
    void aVersionOneManifestReadsAsBefore() {
        RecordingVisitor v = RecordingVisitor.read("v1.csv", "pay_number,exposed_fields,surname,rank\n"
                + "MP1,name;rank;photo;vetting_level;pay_number,Smith,Constable\n"
                + "MP2,unit;warrant_number;date_of_birth;home_address;phone;email;financial,,\n");
        assertTrue(v.rejected.isEmpty(), v.rejected.toString());
        assertEquals(Set.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.VETTING_LEVEL,
                DataCategory.PAY_NUMBER), v.row(1).exposedFields());
        assertEquals(EnumSet.complementOf(EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO,
                        DataCategory.VETTING_LEVEL, DataCategory.PAY_NUMBER)).stream()
                        .filter(c -> c.sinceContractVersion() == 1).collect(java.util.stream.Collectors.toSet()),
                v.row(2).exposedFields());
    }

    @Test
    void aVersionTwoManifestNamesTheNewCategories() {
        RecordingVisitor v = RecordingVisitor.read("v2.csv", "pay_number,exposed_fields\n"
                + "MP1,health;special_category;criminal_offence;national_id\n"
                + "MP2,credentials;credentials_hashed;location;financial_basic;financial_full\n");
        assertTrue(v.rejected.isEmpty(), v.rejected.toString());
        assertEquals(Set.of(DataCategory.HEALTH, DataCategory.SPECIAL_CATEGORY, DataCategory.CRIMINAL_OFFENCE,
                DataCategory.NATIONAL_ID), v.row(1).exposedFields());
        assertEquals(Set.of(DataCategory.CREDENTIALS, DataCategory.CREDENTIALS_HASHED, DataCategory.LOCATION,
                DataCategory.FINANCIAL, DataCategory.FINANCIAL_FULL), v.row(2).exposedFields());
    }

    @Test
    void anUnknownCategoryIsStillRejectedNamingItAndListingEveryValidOne() {
        RecordingVisitor v = RecordingVisitor.read("v2.csv", "pay_number,exposed_fields\nMP1,name;helth\n");
        RowRejection rejection = v.rejection(1);
        assertEquals("exposed_fields", rejection.field());
        assertTrue(rejection.reason().startsWith("unknown category 'helth'; valid categories: name, rank, photo"),
                rejection.reason());
        for (String listed : List.of("financial_basic (or financial)", "health", "special_category", "criminal_offence",
                "national_id", "credentials", "credentials_hashed", "location", "financial_full")) {
            assertTrue(rejection.reason().contains(listed), listed + " in " + rejection.reason());
        }
    }

    @Test
    void noIncidentDefaultAssumesOnlyVersionOneCategories() {
        IncidentMetadata m = IncidentMetadataLoader.conservative(java.time.Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(DataCategory.ofContractVersion(1), m.defaultExposedFields(),
                "special-category, criminal-offence and the other version-2 categories are never assumed");
    }
}
