package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Recipient;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.scoring.Art34Exemption;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB item mapping keeps what issue 7 added: a case's incident mitigations, a person's
 * Art. 34(3) exemption and the categories of manifest contract version 2 (bits above version 1's
 * twelve); and items written before them read as no mitigation and no exemption.
 */
class MitigationItemsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private static IncidentMetadata incident(Mitigations m) {
        return new IncidentMetadata("Acme", "INC-7", T0, false, Confidentiality.KNOWN_RECIPIENTS, Integrity.RECOVERABLE,
                Availability.TEMPORARY, EnumSet.of(DataCategory.NAME, DataCategory.HEALTH), List.of(), null, List.of(),
                List.of(), m);
    }

    @Test
    void aCaseKeepsItsMitigations() {
        Mitigations m = new Mitigations(Unintelligible.ENCRYPTED, Duration.ofMinutes(90), Recipient.TRUSTED_DELETED,
                "Passwords reset", "Statement published");
        CaseRecord c = new CaseRecord("BT-0000000000000007", "IN-0000000000000007", "m.csv", "v1", CaseStatus.SCORED,
                null, incident(m), Regime.UK_GDPR, T0, T0.plus(Duration.ofHours(72)), true, "because", "p1", 1,
                Map.of("rows.read", 2L));
        assertEquals(c, CaseItems.caseRecord(CaseItems.caseItem(c)));
    }

    @Test
    void aPersonKeepsTheExemptionAndTheNewCategories() {
        Assessment a = new Assessment(4, 0.25, new CircumstancesOfBreach(0.5, 0.5, 0.5, 0.5), 3.0, Band.HIGH,
                List.of("Art. 34(3)(a): …"), Art34Exemption.UNINTELLIGIBLE);
        EnumSet<DataCategory> exposed = EnumSet.of(DataCategory.NAME, DataCategory.HEALTH, DataCategory.FINANCIAL_FULL,
                DataCategory.CREDENTIALS_HASHED);
        IncidentPerson p = new IncidentPerson("IN-0000000000000007", "MP7", true, StaffType.OFFICER, "Met", exposed, a,
                List.of(new ManifestExposure("BT-0000000000000007", exposed, null, null, Band.HIGH, true)), List.of(),
                List.of(), List.of(), null, 3);
        assertEquals(p, IncidentItems.person(p.incidentId(), IncidentItems.personItem(p)));
    }

    @Test
    void itemsWrittenBeforeMitigationsReadAsNone() {
        Map<String, AttributeValue> item = CaseItems.caseItem(new CaseRecord("BT-0000000000000008", null, "m.csv", null,
                CaseStatus.SCORED, null, incident(Mitigations.NONE), Regime.UK_GDPR, T0, T0, true, "r", "p", 1, Map.of()));
        String json = item.get(CaseItems.INCIDENT).s().replaceAll(",\"mitigations\":\\{[^}]*}", "");
        org.junit.jupiter.api.Assertions.assertFalse(json.contains("mitigations"), json);
        item.put(CaseItems.INCIDENT, AttributeValue.fromS(json));
        assertEquals(Mitigations.NONE, CaseItems.caseRecord(item).incident().mitigations());
        IncidentPerson p = new IncidentPerson("IN-0000000000000008", "MP8", false, null, null, EnumSet.of(DataCategory.NAME),
                new Assessment(1, 0.75, new CircumstancesOfBreach(0, 0, 0, 0), 0.75, Band.LOW, List.of()), List.of(),
                List.of(), List.of(), List.of(), null, 0);
        Map<String, AttributeValue> personItem = IncidentItems.personItem(p);
        String assessment = personItem.get("assessment").s().replace(",\"art34Exemption\":\"NONE\"", "");
        org.junit.jupiter.api.Assertions.assertFalse(assessment.contains("art34Exemption"), assessment);
        personItem.put("assessment", AttributeValue.fromS(assessment));
        assertEquals(Art34Exemption.NONE, IncidentItems.person(p.incidentId(), personItem).assessment().art34Exemption());
    }
}
