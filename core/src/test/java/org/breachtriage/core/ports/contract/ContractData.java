package org.breachtriage.core.ports.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Recipient;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.scoring.Art34Exemption;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.breachtriage.core.incident.CaseFigure;
import org.breachtriage.core.incident.IcoSubmission;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.NoticeApproval;
import org.breachtriage.core.incident.IncidentApproval;
import org.breachtriage.core.incident.Hold;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.incident.GeneralCommunication;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentReport;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonChange;
import org.breachtriage.core.incident.PersonFigure;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.Reminder;

/**
 * Sample records for the port contracts. Every id is unique per call, so the contracts can run
 * against shared AWS tables, buckets and queues without seeing each other's data. Values are chosen
 * to catch lossy storage: nanosecond instants, non-ASCII names, nulls, empty and multi-element sets,
 * doubles that are not exact in decimal.
 */
public final class ContractData {
    /** An awareness time with nanoseconds: a store that keeps only millis must fail round-trip tests. */
    public static final Instant AWARE_AT = Instant.parse("2023-08-26T09:15:30.123456789Z");

    private ContractData() {
    }

    public static String uniqueId(String what) {
        return "contract-" + what + "-" + UUID.randomUUID();
    }

    public static IncidentMetadata incident() {
        return new IncidentMetadata("Acme ID Cards Ltd", "INC-2023-0042", AWARE_AT, true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.NONE,
                EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.PAY_NUMBER),
                List.of("supplier gave no exposure detail: assumed unknown recipients"), null, List.of(),
                List.of("sidecar: unknown incident field 'malicous' ignored (did you mean 'malicious'?)"),
                // Every mitigation set, so each backend shows it keeps them (round trip).
                new Mitigations(Unintelligible.HASHED_SALTED, Duration.ofMinutes(270), Recipient.KNOWN_SINGLE,
                        "Passwords reset; tokens revoked — ünïcode", "Statement on the force website"));
    }

    /** An incident with every optional part empty. */
    public static IncidentMetadata bareIncident() {
        return new IncidentMetadata("Other Supplier", null, AWARE_AT.plusSeconds(1), false,
                Confidentiality.NO_EVIDENCE, Integrity.NONE, Availability.TEMPORARY, Set.of(), List.of());
    }

    public static CaseRecord caseRecord(String caseId, Instant openedAt) {
        return new CaseRecord(caseId, "IN-00000000000000aa", "manifests/acme/2023-08.csv", "etag-" + caseId.hashCode(),
                CaseStatus.INGESTING, null, incident(), Regime.UK_GDPR, openedAt,
                openedAt.plus(Duration.ofHours(72)), true, "high-risk roles exposed", "policy-2024.1", -1,
                Map.of(Counters.ROWS_READ, 0L));
    }

    /** A case where nullable and empty parts are set the other way. */
    public static CaseRecord otherCaseRecord(String caseId, Instant openedAt) {
        return new CaseRecord(caseId, null, "manifests/other/ünïcode name.jsonl", null, CaseStatus.INGESTING,
                "previous attempt failed", bareIncident(), Regime.DPA_2018_PART_3, openedAt, null, false, null,
                "policy-2024.2", 7, Map.of());
    }

    /** An incident with every part filled: two manifests (one superseded), a report, reminders, a submission. */
    public static IncidentRecord incidentRecord(String incidentId, Instant openedAt) {
        IncidentManifest first = new IncidentManifest("BT-00000000000000a1", "manifests/acme/2023-08.csv", AWARE_AT,
                openedAt, "BT-00000000000000a2");
        IncidentManifest second = new IncidentManifest("BT-00000000000000a2", "manifests/acme/2023-08 corrigé.csv",
                AWARE_AT.minusSeconds(3600), openedAt.plusNanos(1), null);
        IncidentReport report = new IncidentReport(1, "BT-00000000000000a1", openedAt.plusSeconds(60),
                Map.of(Counters.PERSONS_TOTAL, 12L, Counters.band(Band.HIGH), 5L), true);
        List<Reminder> reminders = List.of(new Reminder(Reminder.Threshold.HOURS_24, Reminder.State.SKIPPED,
                        openedAt.plusSeconds(7)),
                new Reminder(Reminder.Threshold.HOURS_6, Reminder.State.SENT, openedAt.plusSeconds(8)),
                new Reminder(Reminder.Threshold.OVERDUE, Reminder.State.PLANNED, openedAt.plusSeconds(9)));
        return new IncidentRecord(incidentId, "Metropolitan Police Service", "INC-2023-0042", "Acme ID Cards Ltd",
                openedAt, AWARE_AT.minusSeconds(3600), List.of(first, second), List.of(report), reminders,
                new IcoSubmission(openedAt.plusSeconds(100), "ICO/2023/123", "waited for the supplier's list",
                        openedAt.plusSeconds(101)),
                List.of(new IncidentApproval(incidentId + "/approval/1", "identity:arn:aws:iam::1:user/dpo", "A. Dpo",
                        "arn:aws:iam::1:user/dpo", openedAt.plusSeconds(110), Band.HIGH, "checked the list", 12),
                        new IncidentApproval(incidentId + "/approval/2", "name:b. second", "B. Second", "bsecond",
                                openedAt.plusSeconds(111), null, null, 3)),
                new GeneralCommunication("general-staff-v1", "letters/" + incidentId + "/general-communication.txt",
                        "token-1", openedAt.plusSeconds(120), openedAt.plusSeconds(121)), 0,
                new org.breachtriage.core.incident.IncidentRegime(org.breachtriage.core.cases.Regime.DPA_2018_PART_3,
                        true, org.breachtriage.core.incident.IncidentRegime.DERIVED_REASON),
                java.util.Set.of(first.caseId()));
    }

    /** An incident of one manifest that named no reference: the optional parts empty. */
    public static IncidentRecord bareIncidentRecord(String incidentId, Instant openedAt) {
        return IncidentRecord.open(incidentId, "Police force (set TRIAGE_FORCE)", null, "unknown supplier",
                new IncidentManifest("BT-00000000000000b1", "manifests/x.jsonl", AWARE_AT, openedAt, null), openedAt);
    }

    /** A matched covert officer, told, then escalated, then held: every part of the record set. */
    public static IncidentPerson matchedPerson(String incidentId, String payNumber, int version) {
        Assessment assessment = new Assessment(4, 0.75, new CircumstancesOfBreach(0.5, 0.25, 0, 0.5), 4.25,
                Band.VERY_HIGH, List.of("covert role exposed: DPC 4", "rare name with photo: EI 0.75",
                        "malicious: +0.5", "Art. 34(3)(b): later measures"), Art34Exemption.LATER_MEASURES);
        ManifestExposure first = new ManifestExposure("BT-00000000000000a1", EnumSet.of(DataCategory.NAME,
                DataCategory.PHOTO), "Detective Sergeant", "DV", Band.HIGH, true);
        ManifestExposure second = new ManifestExposure("BT-00000000000000a2", EnumSet.of(DataCategory.UNIT,
                DataCategory.FINANCIAL, DataCategory.HEALTH, DataCategory.FINANCIAL_FULL), null, null, Band.MEDIUM, true);
        PersonNotice withdrawn = new PersonNotice(PersonNotice.idFor(incidentId, payNumber, NoticeKind.INITIAL, Band.MEDIUM),
                NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "info-medium-v1", false, "BT-00000000000000a1", 2,
                AWARE_AT.plusSeconds(4), NoticeState.WITHDRAWN, 0, List.of(), AWARE_AT.plusSeconds(4), null, null, null,
                PersonNotice.idFor(incidentId, payNumber, NoticeKind.INITIAL, Band.HIGH));
        NoticeApproval first0 = new NoticeApproval(incidentId + "/approval/1", "name:a. dpo", "A. Dpo", "adpo",
                AWARE_AT.plusSeconds(5));
        PersonNotice initial = new PersonNotice(PersonNotice.idFor(incidentId, payNumber, NoticeKind.INITIAL, Band.HIGH),
                NoticeKind.INITIAL, Band.HIGH, ContactChannel.LETTER, "art34-high-v1", true, "BT-00000000000000a1", 3,
                AWARE_AT.plusSeconds(5), NoticeState.PUBLISHED, 1, List.of(first0), AWARE_AT.plusSeconds(5),
                "claim-token", AWARE_AT.plusSeconds(6), AWARE_AT.plusSeconds(6), null);
        PersonNotice escalation = new PersonNotice(PersonNotice.idFor(incidentId, payNumber, NoticeKind.ESCALATION,
                Band.VERY_HIGH), NoticeKind.ESCALATION, Band.VERY_HIGH, ContactChannel.IN_PERSON, "art34-very-high-v1",
                true, "BT-00000000000000a2", 0, AWARE_AT.plusSeconds(7), NoticeState.PLANNED, 2,
                List.of(new NoticeApproval(incidentId + "/approval/2", "identity:arn:aws:iam::1:user/dpo", "A. Dpo",
                        "arn:aws:iam::1:user/dpo", AWARE_AT.plusSeconds(8))), null, null, null, null, null);
        SubjectType subject = PersonKeys.subjectType(payNumber);
        PersonFigure high = new PersonFigure(Band.HIGH, true, StaffType.OFFICER, 0b101, subject);
        PersonFigure veryHigh = new PersonFigure(Band.VERY_HIGH, true, StaffType.OFFICER, 0b111101, subject);
        List<PersonChange> changes = List.of(
                new PersonChange("BT-00000000000000a1", 3, null, high, null, new CaseFigure(Band.HIGH, true, subject)),
                new PersonChange("BT-00000000000000a2", 0, high, veryHigh, null, new CaseFigure(Band.MEDIUM, true, subject)));
        return new IncidentPerson(incidentId, payNumber, true, StaffType.OFFICER, "Metropolitan Police Service",
                EnumSet.of(DataCategory.NAME, DataCategory.PHOTO, DataCategory.UNIT, DataCategory.FINANCIAL,
                        DataCategory.HEALTH, DataCategory.FINANCIAL_FULL), assessment,
                List.of(first, second), List.of(withdrawn, initial, escalation), changes,
                List.of("Manifest BT-00000000000000a2 alone would lower the band: review"),
                new Hold("C. Handler", "chandler", "to be told by their handler", AWARE_AT.plusSeconds(9)), version);
    }

    /** Unmatched, scored from the manifest alone: staff type and force null, nothing planned. */
    public static IncidentPerson unmatchedPerson(String incidentId, String payNumber, int version) {
        Assessment assessment = new Assessment(1, 0.25, new CircumstancesOfBreach(0, 0, 0, 0), 0.1 + 0.2,
                Band.LOW, List.of());
        return new IncidentPerson(incidentId, payNumber, false, null, null, Set.of(DataCategory.PAY_NUMBER), assessment,
                List.of(new ManifestExposure("BT-00000000000000b1", Set.of(DataCategory.PAY_NUMBER), null, null, Band.LOW,
                        false)), List.of(), List.of(new PersonChange("BT-00000000000000b1", 0, null,
                        new PersonFigure(Band.LOW, false, null, 0b10000, PersonKeys.subjectType(payNumber)), null,
                        new CaseFigure(Band.LOW, false, PersonKeys.subjectType(payNumber)))),
                List.of(), null, version);
    }

    /**
     * A victim outside the workforce ({@code VICTIM:<ref>}), never matched, whose notice is withheld under
     * DPA 2018 s.68(7): the figures' subject type and the restriction must survive the store.
     */
    public static IncidentPerson restrictedVictim(String incidentId, String ref, int version) {
        String key = PersonKeys.subject(SubjectType.VICTIM, ref);
        Assessment assessment = new Assessment(3, 1.0, new CircumstancesOfBreach(0.5, 0, 0, 0.5), 4.0,
                Band.VERY_HIGH, List.of("home address exposed"));
        PersonNotice waiting = new PersonNotice(PersonNotice.idFor(incidentId, key, NoticeKind.INITIAL, Band.VERY_HIGH),
                NoticeKind.INITIAL, Band.VERY_HIGH, ContactChannel.IN_PERSON, "art34-very-high-v1", true,
                "BT-00000000000000c1", 0, AWARE_AT.plusSeconds(4), NoticeState.PLANNED, 2, List.of(), null, null, null,
                null, null);
        return new IncidentPerson(incidentId, key, false, null, null, Set.of(DataCategory.NAME, DataCategory.HOME_ADDRESS),
                assessment, List.of(new ManifestExposure("BT-00000000000000c1", Set.of(DataCategory.NAME,
                        DataCategory.HOME_ADDRESS), null, null, Band.VERY_HIGH, false)), List.of(waiting),
                List.of(new PersonChange("BT-00000000000000c1", 0, null,
                        new PersonFigure(Band.VERY_HIGH, false, null, 0b1000000001, SubjectType.VICTIM), null,
                        new CaseFigure(Band.VERY_HIGH, false, SubjectType.VICTIM))),
                List.of(), new Hold("D. Dpo", "ddpo", "the suspect has not been arrested yet", AWARE_AT.plusSeconds(9),
                        S68Restriction.CRIME), version);
    }

    public static StaffMember staff(String payNumber) {
        return new StaffMember(payNumber, "Siobhán", "Ó Súilleabháin", StaffType.OFFICER, "Detective Sergeant",
                "SO15 Counter Terrorism Command", EnumSet.of(RoleFlag.COVERT, RoleFlag.COUNTER_TERRORISM),
                VettingLevel.DV, ContactChannel.IN_PERSON, "Police Federation", "Metropolitan Police Service",
                NameRarity.UNIQUE);
    }

    /** No vetting, no roles, no association, no rank: the nullable fields empty. */
    public static StaffMember plainStaff(String payNumber) {
        return new StaffMember(payNumber, "John", "Smith", StaffType.STAFF, null, "Finance", Set.of(), null,
                ContactChannel.EMAIL, null, "Metropolitan Police Service", NameRarity.COMMON);
    }

    public static ManifestRow row(long rowNumber, String payNumber) {
        return switch ((int) (rowNumber % 3)) {
            case 0 -> new ManifestRow(rowNumber, payNumber, EnumSet.of(DataCategory.NAME, DataCategory.RANK,
                    DataCategory.VETTING_LEVEL), "Nguyễn", "Thị Minh", "PC", "SC");
            case 1 -> new ManifestRow(rowNumber, payNumber, Set.of(), null, null, null, null);
            default -> new ManifestRow(rowNumber, payNumber, EnumSet.allOf(DataCategory.class), "O'Brien-Smith",
                    "Zoë", "Chief Inspector", null);
        };
    }

    public static List<ManifestRow> rows(long firstRow, int count, String payPrefix) {
        List<ManifestRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(firstRow + i, payPrefix + (firstRow + i)));
        }
        return rows;
    }

    /**
     * Polls {@code probe} until {@code done} holds or {@code timeout} passes, and returns the last value
     * seen; callers assert on it, so a timeout shows what did arrive.
     */
    public static <T> T eventually(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
