package org.breachtriage.aws.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/** Made-up records for the adapter tests. Every call to {@link #uniqueId} differs, so tests sharing the emulators never collide. */
public final class TestData {
    private TestData() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static IncidentMetadata incident() {
        return new IncidentMetadata("Acme ID Cards Ltd", "INC-2023-08", Instant.parse("2023-08-26T09:15:00Z"), true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE,
                EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.PAY_NUMBER),
                List.of("supplier gave no recipients; assumed unknown"));
    }

    public static CaseRecord newCase(String caseId, Instant openedAt) {
        return new CaseRecord(caseId, "IN-00000000000000aa", "s3://breach-triage-local/manifests/acme/2023-08.csv", "etag-" + caseId,
                CaseStatus.INGESTING, null, incident(), Regime.UK_GDPR, openedAt, openedAt.plus(72, ChronoUnit.HOURS),
                true, "high-risk categories exposed", "policy-1", -1, Map.of());
    }

    public static StaffMember member(String payNumber, int i) {
        Set<RoleFlag> flags = i % 7 == 0 ? EnumSet.of(RoleFlag.COVERT, RoleFlag.PROTECTION) : Set.of();
        return new StaffMember(payNumber, "Forename" + i, i % 3 == 0 ? "Ó'Brien-Łukasz" : "Surname" + i,
                StaffType.values()[i % StaffType.values().length], i % 2 == 0 ? "PC" : null, "Unit " + (i % 11), flags,
                i % 5 == 0 ? null : VettingLevel.values()[i % VettingLevel.values().length],
                ContactChannel.values()[i % ContactChannel.values().length], i % 4 == 0 ? "Federation" : null, "MPS",
                NameRarity.values()[i % NameRarity.values().length]);
    }

    public static RowBatch batch(String caseId, long batchNo, int rows) {
        List<ManifestRow> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            long row = batchNo * RowBatch.MAX_ROWS + i + 1;
            list.add(new ManifestRow(row, "MP" + String.format("%06d", row),
                    EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.VETTING_LEVEL,
                            DataCategory.PAY_NUMBER),
                    "Featherstonehaugh-Smythe", "Alexandrina", "Detective Chief Inspector", "NPPV3"));
        }
        return new RowBatch(caseId, "IN-00000000000000aa", batchNo, incident(), list);
    }
}
