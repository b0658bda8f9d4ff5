package org.breachtriage.core.synthetic;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/**
 * The shape of a synthetic police workforce: who does what, where, with which vetting. The weights
 * are plausible for a large UK force, not statistics of any real one. Role flags follow from the
 * unit alone, so "is this person covert" and "which unit" never contradict each other.
 */
final class Workforce {
    static final String FEDERATION = "Police Federation";
    static final String SUPERINTENDENTS = "Police Superintendents' Association";
    /** Commanders are chief officers: their association is not the Superintendents'. */
    static final String CHIEF_OFFICERS = "Chief Police Officers' Staff Association";
    static final String UNISON = "UNISON";
    static final String PCS = "PCS";
    static final String NO_ASSOCIATION = "";

    static final String CONSTABLE = "Constable";
    static final String SERGEANT = "Sergeant";
    static final String INSPECTOR = "Inspector";
    static final String CHIEF_INSPECTOR = "Chief Inspector";
    static final String SUPERINTENDENT = "Superintendent";
    static final String CHIEF_SUPERINTENDENT = "Chief Superintendent";
    static final String COMMANDER = "Commander";
    /** Police staff grades; Band A is the most senior. */
    static final String SENIOR_STAFF_BAND = "Band A";

    static final List<String> BCUS = List.of(
            "Central North", "Central South", "Central East", "Central West", "East Area", "North Area",
            "North East", "North West", "South Area", "South East", "South West", "West Area");

    private static final Map<String, Set<RoleFlag>> FLAGS_BY_UNIT = new HashMap<>();

    /** Units whose members carry role flags. Everything else carries none. */
    static final String COVERT_POLICING = sensitive("Covert Policing Unit", RoleFlag.COVERT);
    static final String SO15_COVERT = sensitive("SO15 Covert Operations", RoleFlag.COVERT, RoleFlag.COUNTER_TERRORISM);
    static final String SO15 = sensitive("SO15 Counter Terrorism Command", RoleFlag.COUNTER_TERRORISM);
    static final String ROYALTY_PROTECTION = sensitive("Royalty and Specialist Protection", RoleFlag.PROTECTION);
    static final String PARLIAMENTARY_PROTECTION =
            sensitive("Parliamentary and Diplomatic Protection", RoleFlag.PROTECTION);
    static final String PROFESSIONAL_STANDARDS = sensitive("Professional Standards", RoleFlag.PROFESSIONAL_STANDARDS);

    private static final Weighted<StaffType> STAFF_TYPES = Weighted.<StaffType>builder()
            .add(60, StaffType.OFFICER).add(30, StaffType.STAFF).add(4, StaffType.SPECIAL)
            .add(4, StaffType.PCSO).add(2, StaffType.CONTRACTOR).build();

    private static final Weighted<String> OFFICER_RANKS = Weighted.<String>builder()
            .add(73, CONSTABLE).add(15, SERGEANT).add(7, INSPECTOR).add(2.6, CHIEF_INSPECTOR)
            .add(1.5, SUPERINTENDENT).add(0.7, CHIEF_SUPERINTENDENT).add(0.2, COMMANDER).build();
    private static final Weighted<String> STAFF_BANDS = Weighted.<String>builder()
            .add(3, SENIOR_STAFF_BAND).add(9, "Band B").add(20, "Band C").add(30, "Band D")
            .add(25, "Band E").add(13, "Band F").build();
    private static final Weighted<String> SPECIAL_RANKS = Weighted.<String>builder()
            .add(85, "Special Constable").add(10, "Special Sergeant").add(5, "Special Inspector").build();

    /** Chance, per officer, of each sensitive unit (about 1.5% covert, 1% CT, 1% protection, 1% PSD overall). */
    private static final Weighted<String> OFFICER_SENSITIVE = Weighted.<String>builder()
            .add(2.3, COVERT_POLICING).add(0.2, SO15_COVERT).add(1.2, SO15).add(0.9, ROYALTY_PROTECTION)
            .add(0.8, PARLIAMENTARY_PROTECTION).add(1.2, PROFESSIONAL_STANDARDS).add(93.4, "").build();
    private static final Weighted<String> STAFF_SENSITIVE = Weighted.<String>builder()
            .add(0.8, SO15).add(1.0, PROFESSIONAL_STANDARDS).add(98.2, "").build();

    private static final Weighted<String> OFFICER_UNITS;
    private static final Weighted<String> OFFICER_COMMAND_UNITS;
    private static final Weighted<String> STAFF_UNITS = ordinary(Weighted.<String>builder()
            .add(20, "Met Command and Control").add(8, "Human Resources").add(5, "Finance")
            .add(12, "Digital Data and Technology").add(8, "Forensic Services").add(10, "Criminal Justice")
            .add(10, "Intelligence Analysis").add(8, "Custody Detention").add(5, "Property Services")
            .add(3, "Communications").add(4, "Learning and Development"));
    private static final Weighted<String> SPECIAL_UNITS;
    private static final Weighted<String> PCSO_UNITS;
    private static final Weighted<String> CONTRACTOR_UNITS = ordinary(Weighted.<String>builder()
            .add(40, "Estates Maintenance (contract)").add(30, "Digital Data and Technology (contract)")
            .add(15, "Catering (contract)").add(15, "Vehicle Fleet Services (contract)"));

    static {
        Weighted.Builder<String> officer = Weighted.builder();
        for (int team = 1; team <= 12; team++) {
            officer.add(40.0 / 12, "Response Team " + team);
        }
        Weighted.Builder<String> command = Weighted.builder();
        Weighted.Builder<String> special = Weighted.builder();
        Weighted.Builder<String> pcso = Weighted.builder();
        for (String bcu : BCUS) {
            officer.add(15.0 / BCUS.size(), "Safer Neighbourhoods " + bcu);
            command.add(6.0 / BCUS.size(), bcu + " BCU Command Team");
            special.add(1, "Special Constabulary " + bcu);
            pcso.add(1, "Safer Neighbourhoods " + bcu);
        }
        officer.add(12, "Criminal Investigation Department").add(8, "Public Protection")
                .add(5, "Roads and Transport Policing Command").add(4, "Territorial Support Group")
                .add(4, "Custody").add(2, "Trident and Area Crime").add(1, "Dog Support Unit")
                .add(1, "Marine Policing Unit");
        command.add(2, "Met Operations Headquarters").add(1, "Specialist Crime Headquarters")
                .add(1, "Frontline Policing Headquarters");
        OFFICER_UNITS = ordinary(officer);
        OFFICER_COMMAND_UNITS = ordinary(command);
        SPECIAL_UNITS = ordinary(special);
        PCSO_UNITS = ordinary(pcso);
    }

    private static final Weighted<VettingLevel> ORDINARY_VETTING = Weighted.<VettingLevel>builder()
            .add(30, VettingLevel.RV).add(2, VettingLevel.NPPV1).add(18, VettingLevel.NPPV2A)
            .add(12, VettingLevel.NPPV2F).add(32, VettingLevel.NPPV3).add(6, VettingLevel.CTC).build();
    private static final Weighted<VettingLevel> SENIOR_VETTING = Weighted.<VettingLevel>builder()
            .add(50, VettingLevel.SC).add(30, VettingLevel.MV).add(20, VettingLevel.NPPV3).build();
    private static final Weighted<VettingLevel> COVERT_VETTING = Weighted.<VettingLevel>builder()
            .add(60, VettingLevel.DV).add(40, VettingLevel.SC).build();
    private static final Weighted<VettingLevel> CT_VETTING = Weighted.<VettingLevel>builder()
            .add(50, VettingLevel.DV).add(50, VettingLevel.SC).build();
    private static final Weighted<VettingLevel> PROTECTION_VETTING = Weighted.<VettingLevel>builder()
            .add(60, VettingLevel.SC).add(30, VettingLevel.DV).add(10, VettingLevel.MV).build();
    private static final Weighted<VettingLevel> PSD_VETTING = Weighted.<VettingLevel>builder()
            .add(60, VettingLevel.MV).add(40, VettingLevel.SC).build();
    private static final Weighted<VettingLevel> SPECIAL_VETTING = Weighted.<VettingLevel>builder()
            .add(50, VettingLevel.RV).add(30, VettingLevel.NPPV2A).add(20, VettingLevel.NPPV3).build();
    private static final Weighted<VettingLevel> PCSO_VETTING = Weighted.<VettingLevel>builder()
            .add(45, VettingLevel.RV).add(35, VettingLevel.NPPV2A).add(20, VettingLevel.NPPV3).build();
    /** Some contractors hold no vetting at all (written as an empty field). */
    private static final Weighted<Optional<VettingLevel>> CONTRACTOR_VETTING =
            Weighted.<Optional<VettingLevel>>builder()
            .add(15, Optional.empty()).add(45, Optional.of(VettingLevel.NPPV1))
            .add(30, Optional.of(VettingLevel.NPPV2A)).add(10, Optional.of(VettingLevel.CTC)).build();

    private static final Weighted<ContactChannel> ORDINARY_CHANNELS = Weighted.<ContactChannel>builder()
            .add(55, ContactChannel.EMAIL).add(33, ContactChannel.LETTER).add(12, ContactChannel.PHONE).build();
    /** Covert officers are not written to at home: they are told face to face or by phone. */
    private static final Weighted<ContactChannel> COVERT_CHANNELS = Weighted.<ContactChannel>builder()
            .add(60, ContactChannel.IN_PERSON).add(40, ContactChannel.PHONE).build();
    private static final Weighted<ContactChannel> SENSITIVE_CHANNELS = Weighted.<ContactChannel>builder()
            .add(50, ContactChannel.PHONE).add(30, ContactChannel.LETTER).add(20, ContactChannel.IN_PERSON).build();
    private static final Weighted<ContactChannel> CONTRACTOR_CHANNELS = Weighted.<ContactChannel>builder()
            .add(70, ContactChannel.EMAIL).add(30, ContactChannel.LETTER).build();

    private static final Weighted<String> STAFF_ASSOCIATIONS = Weighted.<String>builder()
            .add(45, UNISON).add(15, PCS).add(40, NO_ASSOCIATION).build();

    private Workforce() {
    }

    static StaffType staffType(SplittableRandom rng) {
        return STAFF_TYPES.pick(rng);
    }

    static String rank(StaffType type, SplittableRandom rng) {
        return switch (type) {
            case OFFICER -> OFFICER_RANKS.pick(rng);
            case STAFF -> STAFF_BANDS.pick(rng);
            case SPECIAL -> SPECIAL_RANKS.pick(rng);
            case PCSO -> "PCSO";
            case CONTRACTOR -> "Contractor";
        };
    }

    static String unit(StaffType type, String rank, SplittableRandom rng) {
        return switch (type) {
            case OFFICER -> {
                String sensitive = OFFICER_SENSITIVE.pick(rng);
                if (!sensitive.isEmpty()) {
                    yield sensitive;
                }
                yield isCommandRank(rank) ? OFFICER_COMMAND_UNITS.pick(rng) : OFFICER_UNITS.pick(rng);
            }
            case STAFF -> {
                String sensitive = STAFF_SENSITIVE.pick(rng);
                yield sensitive.isEmpty() ? STAFF_UNITS.pick(rng) : sensitive;
            }
            case SPECIAL -> SPECIAL_UNITS.pick(rng);
            case PCSO -> PCSO_UNITS.pick(rng);
            case CONTRACTOR -> CONTRACTOR_UNITS.pick(rng);
        };
    }

    /** The role flags every member of the unit carries; empty for an ordinary unit. */
    static Set<RoleFlag> flagsOf(String unit) {
        Set<RoleFlag> flags = FLAGS_BY_UNIT.get(unit);
        if (flags == null) {
            throw new IllegalArgumentException("not a synthetic unit: " + unit);
        }
        return flags;
    }

    /** MV, SC and DV go only with a sensitive role or a senior post, so exposing them reveals one. */
    static VettingLevel vetting(StaffType type, String rank, Set<RoleFlag> flags, SplittableRandom rng) {
        if (flags.contains(RoleFlag.COVERT)) {
            return COVERT_VETTING.pick(rng);
        }
        if (flags.contains(RoleFlag.COUNTER_TERRORISM)) {
            return CT_VETTING.pick(rng);
        }
        if (flags.contains(RoleFlag.PROTECTION)) {
            return PROTECTION_VETTING.pick(rng);
        }
        if (flags.contains(RoleFlag.PROFESSIONAL_STANDARDS)) {
            return PSD_VETTING.pick(rng);
        }
        if (isSeniorPost(rank)) {
            return SENIOR_VETTING.pick(rng);
        }
        return switch (type) {
            case OFFICER, STAFF -> ORDINARY_VETTING.pick(rng);
            case SPECIAL -> SPECIAL_VETTING.pick(rng);
            case PCSO -> PCSO_VETTING.pick(rng);
            case CONTRACTOR -> CONTRACTOR_VETTING.pick(rng).orElse(null);
        };
    }

    static ContactChannel channel(StaffType type, Set<RoleFlag> flags, SplittableRandom rng) {
        if (flags.contains(RoleFlag.COVERT)) {
            return COVERT_CHANNELS.pick(rng);
        }
        if (flags.contains(RoleFlag.COUNTER_TERRORISM) || flags.contains(RoleFlag.PROTECTION)) {
            return SENSITIVE_CHANNELS.pick(rng);
        }
        return type == StaffType.CONTRACTOR ? CONTRACTOR_CHANNELS.pick(rng) : ORDINARY_CHANNELS.pick(rng);
    }

    static String association(StaffType type, String rank, SplittableRandom rng) {
        double u = rng.nextDouble();
        return switch (type) {
            case OFFICER -> {
                if (rank.equals(COMMANDER)) {
                    yield u < 0.9 ? CHIEF_OFFICERS : NO_ASSOCIATION;
                }
                if (isSuperintendentOrAbove(rank)) {
                    yield u < 0.95 ? SUPERINTENDENTS : NO_ASSOCIATION;
                }
                yield u < 0.92 ? FEDERATION : NO_ASSOCIATION;
            }
            case SPECIAL -> u < 0.4 ? FEDERATION : NO_ASSOCIATION;
            case STAFF, PCSO -> STAFF_ASSOCIATIONS.pick(rng);
            case CONTRACTOR -> NO_ASSOCIATION;
        };
    }

    static boolean isSuperintendentOrAbove(String rank) {
        return rank.equals(SUPERINTENDENT) || rank.equals(CHIEF_SUPERINTENDENT) || rank.equals(COMMANDER);
    }

    /** Posts whose holders are routinely vetted to SC or MV whatever their unit. */
    static boolean isSeniorPost(String rank) {
        return isSuperintendentOrAbove(rank) || rank.equals(SENIOR_STAFF_BAND);
    }

    /** Chief inspectors and above lead units rather than serve on a response team. */
    private static boolean isCommandRank(String rank) {
        return rank.equals(CHIEF_INSPECTOR) || isSuperintendentOrAbove(rank);
    }

    private static String sensitive(String unit, RoleFlag first, RoleFlag... rest) {
        FLAGS_BY_UNIT.put(unit, Collections.unmodifiableSet(EnumSet.of(first, rest)));
        return unit;
    }

    private static Weighted<String> ordinary(Weighted.Builder<String> builder) {
        Weighted<String> table = builder.build();
        for (String unit : table.values()) {
            FLAGS_BY_UNIT.putIfAbsent(unit, Set.of());
        }
        return table;
    }
}
