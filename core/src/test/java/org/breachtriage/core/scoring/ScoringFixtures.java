package org.breachtriage.core.scoring;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/** Small builders so the scoring tables read as data. */
final class ScoringFixtures {
    /** Distinctive enough that finding them in a reason can only mean the name leaked into it. */
    static final String FORENAME = "Xanthippe";
    static final String SURNAME = "Quockerwodger";
    static final String PAY_NUMBER = "PN-739154";

    /** The 2023 Met case: a deliberate attack, data in unknown hands, nothing altered or lost. CB 1.0. */
    static final IncidentMetadata MALICIOUS_UNKNOWN =
            incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE);
    /** A contained mistake with no evidence anyone saw the data. CB 0. */
    static final IncidentMetadata QUIET = incident(false, Confidentiality.NO_EVIDENCE, Integrity.NONE, Availability.NONE);

    private ScoringFixtures() {
    }

    static IncidentMetadata incident(boolean malicious, Confidentiality c, Integrity i, Availability a) {
        return new IncidentMetadata("Acme ID Cards", "INC-1", Instant.parse("2026-11-29T09:00:00Z"), malicious, c, i, a,
                Set.of(), List.of());
    }

    /** {@code "name;photo"} → the categories; empty text → none. */
    static Set<DataCategory> exposed(String wire) {
        EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        for (String part : wire.split(";")) {
            if (!part.isBlank()) {
                set.add(DataCategory.parse(part).orElseThrow(() -> new IllegalArgumentException("bad category " + part)));
            }
        }
        return set;
    }

    static StaffMember staff(StaffType type, NameRarity rarity, VettingLevel vetting, RoleFlag... flags) {
        return staff(type, rarity, vetting, ContactChannel.EMAIL, flags);
    }

    static StaffMember staff(StaffType type, NameRarity rarity, VettingLevel vetting, ContactChannel preferred,
                             RoleFlag... flags) {
        return new StaffMember(PAY_NUMBER, FORENAME, SURNAME, type, "Inspector", "Specialist Operations Unit 7",
                Set.of(flags), vetting, preferred, "Federation", "Met", rarity);
    }

    static StaffMember officer(NameRarity rarity, RoleFlag... flags) {
        return staff(StaffType.OFFICER, rarity, VettingLevel.NPPV2A, flags);
    }

    static StaffMember policeStaff(NameRarity rarity) {
        return staff(StaffType.STAFF, rarity, VettingLevel.RV);
    }
}
