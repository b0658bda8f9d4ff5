package org.breachtriage.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Recipient;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/**
 * Scores one person with the ENISA method (ENISA, "Recommendations for a methodology of the
 * assessment of severity of personal data breaches", 2013): {@code SE = DPC × EI + CB}.
 *
 * <p>The constants below are the method (ENISA's scale and its police reading, documented in
 * docs/scoring.md); what the force chooses to do with a band is {@link ScoringPolicy}. Every factor
 * that moved DPC, EI or CB is added to the reasons in a sentence. Reasons are built only from fixed
 * wording and enum values, never from free text of the input, so they can never carry a name.
 *
 * <p>DPC moves in half steps (the officer and distinctive-name steps are +0.5, the others +1), so it
 * is a multiple of 0.5; EI is a multiple of 0.25 and CB too. Every score is therefore a multiple of 0.125, which a double
 * holds exactly, so the band boundaries are exact.
 *
 * <p>Called once per person, a million times in a big run: no regex, no formatting, no JSON; the
 * exposed categories are turned into a bit mask once and every rule is a mask test. Stateless and
 * thread-safe.
 */
public final class SeverityScorer {
    /** Top of ENISA's Data Processing Context scale. */
    public static final int DPC_MAX = 4;
    /** How far one aggravating characteristic raises DPC (ENISA raises simple data a step at a time). */
    public static final int DPC_STEP = 1;
    /**
     * How far being publicly police (an officer, special or PCSO whose rank leaked) raises DPC. Half a
     * step, because nearly everyone in a police ID-card breach shares it: a full step would put every
     * ordinary officer in a malicious breach at HIGH by that fact alone and bury the few in real danger
     * (covert, counter-terrorism and protection roles, MV/SC/DV vetting) among them. It still counts:
     * with one more aggravating fact, or a partial score elsewhere, it tips a person up a band.
     * See docs/scoring.md, "Why the officer step is a half step".
     */
    public static final double DPC_OFFICER_STEP = 0.5;
    /**
     * How far a RARE or UNIQUE name raises DPC when the leak ties it to the police (the name with a rank,
     * photo, warrant number or unit). A police employee with a distinctive name is easier to find online
     * and easier to trace to a home and family: ENISA's "special characteristics of the individual",
     * like the officer step. EI counts how easily the data points at the person (and a photo already
     * maxes it); this counts what being findable as police can lead to. Half a step, like the officer
     * step: it lifts a rare-named officer in a malicious breach from MEDIUM to HIGH, leaves rare-named
     * police staff one fact short of it, and stays below the home-address step (a name is a route to the
     * home, not the home). Rarity is name frequency in the staff table, never ethnicity. See
     * docs/scoring.md, "Why distinctive names are a half step of DPC".
     */
    public static final double DPC_DISTINCTIVE_NAME_STEP = 0.5;
    /** Floor when an MV, SC or DV vetting level leaked: it reveals that the person holds a sensitive post. */
    public static final int DPC_SENSITIVE_POST_VETTING = 3;
    /** A covert, counter-terrorism or protection officer made findable (ENISA: list of undercover officers). */
    public static final int DPC_SENSITIVE_ROLE = 4;

    /** ENISA ease of identification: negligible, limited, significant, maximum. */
    public static final double EI_NEGLIGIBLE = 0.25;
    public static final double EI_LIMITED = 0.5;
    public static final double EI_SIGNIFICANT = 0.75;
    public static final double EI_MAXIMUM = 1.0;

    /** ENISA circumstances of breach, each added to DPC × EI. */
    public static final double CB_KNOWN_RECIPIENTS = 0.25;
    public static final double CB_UNKNOWN_RECIPIENTS = 0.5;
    public static final double CB_INTEGRITY_RECOVERABLE = 0.25;
    public static final double CB_INTEGRITY_UNRECOVERABLE = 0.5;
    public static final double CB_AVAILABILITY_TEMPORARY = 0.25;
    public static final double CB_AVAILABILITY_PERMANENT = 0.5;
    public static final double CB_MALICIOUS = 0.5;

    private static final int NAME = bit(DataCategory.NAME);
    private static final int RANK = bit(DataCategory.RANK);
    private static final int PHOTO = bit(DataCategory.PHOTO);
    private static final int VETTING_LEVEL = bit(DataCategory.VETTING_LEVEL);
    private static final int UNIT = bit(DataCategory.UNIT);
    private static final int DATE_OF_BIRTH = bit(DataCategory.DATE_OF_BIRTH);
    private static final int HOME_ADDRESS = bit(DataCategory.HOME_ADDRESS);
    private static final int PHONE = bit(DataCategory.PHONE);
    private static final int EMAIL = bit(DataCategory.EMAIL);
    private static final int WARRANT_NUMBER = bit(DataCategory.WARRANT_NUMBER);
    private static final int NATIONAL_ID = bit(DataCategory.NATIONAL_ID);
    private static final int CREDENTIALS = bit(DataCategory.CREDENTIALS);
    private static final int CREDENTIALS_HASHED = bit(DataCategory.CREDENTIALS_HASHED);
    /**
     * Data a force can change after a breach: log-ins can be revoked and passwords reset, payment cards
     * cancelled. A name, a face, an address, a role, a diagnosis or the bank account pay goes into
     * cannot be changed by the force, so later measures
     * (Art. 34(3)(b)) can only take away the risk that comes from these.
     */
    private static final int CHANGEABLE_AFTER_BREACH = bit(DataCategory.CREDENTIALS) | bit(DataCategory.CREDENTIALS_HASHED)
            | bit(DataCategory.FINANCIAL_FULL);
    /** Data that leads an outsider to the actual person: what they are called, look like, or where they live. */
    private static final int FINDABLE = NAME | PHOTO | HOME_ADDRESS;

    private static final DataCategory[] CATEGORIES = DataCategory.values();
    private static final EnisaDataType[] TYPE_OF = new EnisaDataType[CATEGORIES.length];
    /** The DPC each category starts from (its type's base, or ENISA's own example score for it). */
    private static final int[] BASE_OF = new int[CATEGORIES.length];
    /** Why a category starts away from its type's base, or null. */
    private static final String[] ADJUSTMENT_OF = new String[CATEGORIES.length];
    /** "home address" rather than "home_address" in sentences. */
    private static final String[] WORDS = new String[CATEGORIES.length];

    static {
        for (DataCategory c : CATEGORIES) {
            TYPE_OF[c.ordinal()] = EnisaDataType.of(c);
            BASE_OF[c.ordinal()] = EnisaDataType.baseDpc(c);
            ADJUSTMENT_OF[c.ordinal()] = EnisaDataType.baseAdjustment(c);
            WORDS[c.ordinal()] = words(c);
        }
    }

    /**
     * A category in a sentence: its manifest spelling with spaces, except where that reads badly.
     * Basic financial data keeps version 1's word "financial", so a version-1 manifest's reasons
     * are word for word what they were.
     */
    private static String words(DataCategory c) {
        return switch (c) {
            case FINANCIAL -> "financial";
            case FINANCIAL_FULL -> "full financial";
            case CREDENTIALS_HASHED -> "hashed credentials";
            case NATIONAL_ID -> "national identifier";
            default -> c.wireName().replace('_', ' ');
        };
    }

    // Reasons that never vary are constants, so most of a person's reasons cost nothing to build.
    private static final String EI_COMMON_NAME =
            "Common name exposed: hard to pin on one person (EI " + EI_LIMITED + ")";
    private static final String EI_UNCOMMON_NAME =
            "Uncommon name exposed: fairly easy to identify (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_RARE_NAME =
            "Rare name exposed: easy to identify (EI " + EI_MAXIMUM + ")";
    private static final String EI_UNIQUE_NAME =
            "Unique name exposed: it identifies the person outright (EI " + EI_MAXIMUM + ")";
    private static final String EI_UNMATCHED_NAME = "Name exposed for a person not in the staff table, so how rare"
            + " the name is is unknown: assumed uncommon (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_UNRATED_NAME =
            "Name exposed but its rarity is not recorded: assumed uncommon (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_NAME_PHOTO =
            "Name exposed with photo: the face confirms who the name belongs to (EI " + EI_MAXIMUM + ")";
    private static final String EI_NAME_BIRTH =
            "Name exposed with date of birth: together they single out one person (EI " + EI_MAXIMUM + ")";
    private static final String EI_NAME_ADDRESS =
            "Name exposed with home address: together they single out one person (EI " + EI_MAXIMUM + ")";
    private static final String EI_NAME_RANK_UNIT =
            "Name exposed with rank and unit: narrows it down to a few people (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_PHOTO_ONLY =
            "Photo exposed without name: a face can be recognised or matched online (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_ADDRESS_ONLY =
            "Home address exposed without name: it leads to the person's household (EI " + EI_SIGNIFICANT + ")";
    private static final String EI_CONTACT_ONLY = "E-mail address or phone number exposed without name: it reaches"
            + " the person, and work addresses often spell the name (EI " + EI_LIMITED + ")";
    private static final String EI_ENCRYPTED = "Data encrypted to a current standard and the key not compromised:"
            + " unintelligible, so it cannot be attributed to anyone (ENISA: unintelligibility of data; EI "
            + EI_NEGLIGIBLE + ")";
    private static final String EI_ENCRYPTED_BUT_LOST = "Data encrypted, but it was also lost or altered and not"
            + " restored within " + Mitigations.hours(Mitigations.PROMPT_RESTORE) + ": encryption protects only"
            + " against disclosure, so ease of identification is scored as for data in the clear";
    private static final String CREDENTIALS_AS_HASHED = "Credentials hashed and salted with a current algorithm"
            + " (incident details): scored as hashed credentials; hashing protects nothing else, so the rest of the"
            + " data is scored as it is";
    /** Per [exemption][band]: the sentence that records an Art. 34(3) exemption in the reasons. */
    private static final String[][] EXEMPTION_REASON = new String[Art34Exemption.values().length][Band.values().length];

    static {
        for (Art34Exemption exemption : Art34Exemption.values()) {
            if (exemption == Art34Exemption.NONE) {
                continue;
            }
            for (Band band : Band.values()) {
                EXEMPTION_REASON[exemption.ordinal()][band.ordinal()] = exemption.provision() + ": " + exemption.because()
                        + ", so no Art. 34 notice is sent although band " + band + " would call for one";
            }
        }
    }
    private static final String EI_INTERNAL_ONLY = "No name, photo, home address or contact details exposed, only"
            + " internal or shared details such as a pay number: hard to link to a person (EI " + EI_NEGLIGIBLE + ")";

    private static final DpcStep DPC_OFFICER = new DpcStep(DPC_OFFICER_STEP,
            "Police officer whose rank was exposed (ENISA: special characteristics of the individual)");
    private static final DpcStep DPC_UNMATCHED_OFFICER = new DpcStep(DPC_OFFICER_STEP, "Rank exposed for a person"
            + " not in the staff table, so treated as a police officer (ENISA: special characteristics of the individual)");
    private static final DpcStep DPC_UNTYPED_OFFICER = new DpcStep(DPC_OFFICER_STEP, "Rank exposed and staff type"
            + " not recorded, so treated as a police officer (ENISA: special characteristics of the individual)");
    private static final DpcStep DPC_HOME_ADDRESS =
            new DpcStep(DPC_STEP, "Home address exposed: it lets someone find a police employee at home");
    /** Victims, witnesses and suspects: ENISA's vulnerable individuals (protected witnesses, abuse victims). */
    private static final DpcStep DPC_HOME_ADDRESS_LAW_ENFORCEMENT = new DpcStep(DPC_STEP, "Home address exposed for"
            + " a victim, witness or suspect: it lets an offender, or someone acting against them, find them at home"
            + " (ENISA: special characteristics of the individual, vulnerable people)");
    private static final String DPC_HOME_ADDRESS_PUBLIC = "Home address exposed for someone outside the workforce"
            + " and not a victim, witness or suspect: simple data, which raises how easily they are identified (EI),"
            + " not DPC (ENISA)";
    private static final String DPC_OFFICER_NOT_WORKFORCE = "Rank in the manifest for someone outside the workforce:"
            + " not treated as a police officer, so DPC is not raised for it";
    private static final DpcStep DPC_BIRTH_WITH_NAME = new DpcStep(DPC_STEP,
            "Date of birth exposed with name: enough to impersonate the person (identity fraud)");
    /**
     * A national identification number with a name is what identity fraud needs, as a date of birth is
     * (EDPB 01/2021, Case 14: social security numbers); one step for either or both, not one each.
     */
    private static final DpcStep DPC_NATIONAL_ID_WITH_NAME = new DpcStep(DPC_STEP,
            "National identification number exposed with name: enough to impersonate the person (identity fraud)");
    private static final DpcStep DPC_BIRTH_AND_NATIONAL_ID_WITH_NAME = new DpcStep(DPC_STEP, "Date of birth and national"
            + " identification number exposed with name: enough to impersonate the person (identity fraud)");
    /** Per combination of name, photo and home address exposed (see {@link #findableIndex}); [0] is unused. */
    private static final DpcStep[] DPC_PROFESSIONAL_STANDARDS = new DpcStep[8];

    static {
        for (int findable = 1; findable < DPC_PROFESSIONAL_STANDARDS.length; findable++) {
            int mask = ((findable & 1) != 0 ? NAME : 0) | ((findable & 2) != 0 ? PHOTO : 0)
                    | ((findable & 4) != 0 ? HOME_ADDRESS : 0);
            DPC_PROFESSIONAL_STANDARDS[findable] = new DpcStep(DPC_STEP, "Professional standards role with "
                    + findableWords(mask) + " exposed: these officers investigate colleagues and criminals");
        }
    }
    /** Per rarity ([0] RARE, [1] UNIQUE) and combination of ties to the police ({@link #policeTieIndex}); [r][0] is unused. */
    private static final DpcStep[][] DPC_DISTINCTIVE_NAME = new DpcStep[2][16];

    static {
        String[] rarities = {"Rare", "Unique"};
        for (int r = 0; r < rarities.length; r++) {
            for (int tie = 1; tie < DPC_DISTINCTIVE_NAME[r].length; tie++) {
                List<String> words = new ArrayList<>(4);
                if ((tie & 1) != 0) {
                    words.add("rank");
                }
                if ((tie & 2) != 0) {
                    words.add("photo");
                }
                if ((tie & 4) != 0) {
                    words.add("warrant number");
                }
                if ((tie & 8) != 0) {
                    words.add("unit");
                }
                DPC_DISTINCTIVE_NAME[r][tie] = new DpcStep(DPC_DISTINCTIVE_NAME_STEP, rarities[r] + " name exposed with "
                        + andList(words) + (words.size() == 1 ? ", which ties" : ", which tie") + " it to the police:"
                        + " a police employee with a distinctive name is easier to find online and easier to trace to a"
                        + " home and family (ENISA: special characteristics of the individual; rarity counts how many"
                        + " staff share the name, never ethnicity)");
            }
        }
    }
    private static final String DPC_VETTING_UNRECOGNISED =
            "Vetting level in the manifest was not recognised, so it did not change DPC";

    private static final String CB_NO_INCIDENT = "No incident details given: assumed malicious, with unknown"
            + " recipients (the conservative assumption)";
    private static final String CB_CONFIDENTIALITY_UNSTATED =
            "Loss of confidentiality not stated: assumed unknown recipients (the conservative assumption)";
    private static final String CB_INTEGRITY_UNSTATED = "Loss of integrity not stated: assumed no alteration";
    private static final String CB_AVAILABILITY_UNSTATED = "Loss of availability not stated: assumed no loss";
    private static final String CB_KNOWN = "Known recipients only: CB +" + CB_KNOWN_RECIPIENTS;
    private static final String CB_UNKNOWN =
            "Unknown recipients, so the data may be in anyone's hands: CB +" + CB_UNKNOWN_RECIPIENTS;
    private static final String CB_TRUSTED_DELETED = "Known recipient only, trusted and confirmed deleting the data:"
            + " no further processing, so confidentiality adds nothing (CB +0)";
    private static final String CB_KNOWN_SINGLE = "One known recipient only: CB +" + CB_KNOWN_RECIPIENTS;
    private static final String CB_RECOVERABLE = "Data altered but recoverable: CB +" + CB_INTEGRITY_RECOVERABLE;
    private static final String CB_UNRECOVERABLE =
            "Data altered and not recoverable: CB +" + CB_INTEGRITY_UNRECOVERABLE;
    private static final String CB_TEMPORARY = "Data temporarily unavailable: CB +" + CB_AVAILABILITY_TEMPORARY;
    private static final String CB_PERMANENT = "Data permanently lost: CB +" + CB_AVAILABILITY_PERMANENT;
    private static final String CB_MALICE = "Malicious breach (a deliberate attack or theft): CB +" + CB_MALICIOUS;
    private static final String CB_ZERO =
            "No evidence the data reached anyone, was altered or was lost, and no malice: CB 0";

    // Sentences that depend only on a few small numbers are built once and kept: most people in a
    // manifest share them. Filled lazily; a race only builds an identical immutable String twice.
    /**
     * Base-DPC sentences by exposed-category mask, in a bounded cache: with twenty categories a slot
     * per mask would be a million slots, yet a manifest uses a handful of masks. A mask whose slot
     * holds another one's sentence simply builds its own and takes the slot.
     */
    private static final SentenceCache BASE_REASON = new SentenceCache(1024);
    /** Closing sentence per [DPC in halves - 2][EI in quarters - 1][CB in quarters]. */
    private static final String[][][] SEVERITY_REASON = new String[2 * DPC_MAX - 1][4][9];

    private final ScoringPolicy policy;

    public SeverityScorer(ScoringPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The notice policy the pipeline pairs with this scorer. */
    public ScoringPolicy policy() {
        return policy;
    }

    /** Shorthand for {@code policy().decide(assessment, staffOrNull)}. */
    public NoticeDecision decide(Assessment assessment, StaffMember staffOrNull) {
        return policy.decide(assessment, staffOrNull);
    }

    /** Scores one person. Never fails for missing optional inputs: every person gets a score. */
    public Assessment assess(ScoringInput input) {
        Objects.requireNonNull(input, "input");
        int exposed = maskOf(input.exposed());
        List<String> reasons = new ArrayList<>(8);
        Mitigations mitigations = input.incident() == null ? Mitigations.NONE : input.incident().mitigations();
        if (mitigations.unintelligible() == Unintelligible.HASHED_SALTED && (exposed & CREDENTIALS) != 0) {
            // Hashing protects the credentials, and only them: they score as hashed, the rest as it is.
            exposed = exposed & ~CREDENTIALS | CREDENTIALS_HASHED;
            reasons.add(CREDENTIALS_AS_HASHED);
        }
        double dpc = dataProcessingContext(exposed, input, reasons);
        boolean encrypted = encryptionCounts(mitigations, input.incident(), reasons);
        double ei = encrypted
                ? unintelligible(reasons)
                : easeOfIdentification(exposed, input.staff(), reasons);
        CircumstancesOfBreach cb = circumstancesOfBreach(input.incident(), reasons);
        double cbTotal = cb.total();
        // DPC in halves times EI in quarters is a multiple of 0.125, CB a multiple of 0.25: all exact
        // in binary, so the sum is exact and the band boundaries are exact too.
        double score = dpc * ei + cbTotal;
        Band band = Band.ofScore(score);
        reasons.add(severityReason(dpc, ei, cbTotal, score, band));
        Art34Exemption exemption = band.atLeast(policy.noticeAtOrAbove())
                ? exemption(mitigations, encrypted, exposed, input, cbTotal, band, reasons) : Art34Exemption.NONE;
        return new Assessment(dpc, ei, cb, score, band, reasons, exemption);
    }

    /**
     * The Art. 34(3) ground that applies to this person, in the Article's order, each written in the
     * reasons whether it applies or was considered and does not:
     *
     * <ul>
     *   <li>(a) unintelligible data: everyone, since nobody can read it;</li>
     *   <li>(b) later measures: only where what puts the person at the notice threshold is data those
     *       measures can change ({@link #CHANGEABLE_AFTER_BREACH}); scored without it, they must fall
     *       below the threshold. Re-issuing cards does not make a covert officer's leaked face safe;</li>
     *   <li>(c) a public communication instead: only for a member of the workforce the staff table does
     *       not know, whom the force has no way to reach individually. Everyone else can be reached, so
     *       telling them is never a disproportionate effort.</li>
     * </ul>
     */
    private Art34Exemption exemption(Mitigations m, boolean encrypted, int exposed, ScoringInput input, double cbTotal,
                                     Band band, List<String> reasons) {
        boolean onlyHashedCredentials = m.unintelligible() == Unintelligible.HASHED_SALTED
                && (exposed & ~(CREDENTIALS | CREDENTIALS_HASHED)) == 0 && exposed != 0
                && !Mitigations.lossBeyondConfidentiality(input.incident());
        if (encrypted || onlyHashedCredentials) {
            reasons.add(EXEMPTION_REASON[Art34Exemption.UNINTELLIGIBLE.ordinal()][band.ordinal()]);
            return Art34Exemption.UNINTELLIGIBLE;
        }
        if (m.unintelligibleData()) {
            reasons.add("Art. 34(3)(a) considered and not applied: " + (m.unintelligible() == Unintelligible.ENCRYPTED
                    ? "the data was encrypted, but it was also lost or altered and not restored promptly, which"
                    + " encryption does not protect against"
                    : "only credentials were hashed, and other data about this person was exposed in the clear")
                    + ", so the notice stands");
        }
        if (m.laterMeasures() != null) {
            Band without = bandWithout(exposed & ~CHANGEABLE_AFTER_BREACH, input, cbTotal);
            if (!without.atLeast(policy.noticeAtOrAbove())) {
                reasons.add(Art34Exemption.LATER_MEASURES.provision() + ": " + Art34Exemption.LATER_MEASURES.because()
                        + ": what puts this person at band " + band + " is data those measures change (credentials,"
                        + " cancelled card details), and without it they are band " + without + ", so no Art. 34 notice is"
                        + " sent although band " + band + " would call for one");
                return Art34Exemption.LATER_MEASURES;
            }
            reasons.add("Art. 34(3)(b) considered and not applied: later measures are recorded, but they cannot change"
                    + " what puts this person at band " + band + " (without their credentials and card details"
                    + " they are still band " + without + "), so the notice stands");
        }
        if (m.publicCommunication() != null) {
            if (input.subject().staff() && input.staff() == null) {
                reasons.add(Art34Exemption.PUBLIC_COMMUNICATION.provision() + ": the staff table does not know this"
                        + " pay number, so the force has no way to reach the person individually: "
                        + Art34Exemption.PUBLIC_COMMUNICATION.because() + ", so no Art. 34 notice is sent although band "
                        + band + " would call for one");
                return Art34Exemption.PUBLIC_COMMUNICATION;
            }
            reasons.add("Art. 34(3)(c) considered and not applied: a public communication is recorded, but the force"
                    + " can reach this person individually (" + (input.staff() != null ? "their staff record"
                    : "the manifest's contact channel") + "), so telling them is not a disproportionate effort and"
                    + " the notice stands");
        }
        return Art34Exemption.NONE;
    }

    /** The band the same person would have with only {@code exposed} leaked (for Art. 34(3)(b)). */
    private static Band bandWithout(int exposed, ScoringInput input, double cbTotal) {
        List<String> unused = new ArrayList<>(8);
        double dpc = dataProcessingContext(exposed, input, unused);
        double ei = easeOfIdentification(exposed, input.staff(), unused);
        return Band.ofScore(dpc * ei + cbTotal);
    }

    /**
     * Unintelligible data cannot be attributed to a person by anyone without the key (ENISA: the
     * "unintelligibility" of the data; EDPB 01/2021, Case 10): ease of identification is negligible
     * whatever the data would reveal in the clear. DPC still counts what the data is, and CB what
     * happened to it.
     */
    private static double unintelligible(List<String> reasons) {
        reasons.add(EI_ENCRYPTED);
        return EI_NEGLIGIBLE;
    }

    /**
     * Encryption lowers EI only where the breach was one of confidentiality: encrypted data that was
     * also lost or altered, and not restored promptly, still harms the people whose data it is.
     */
    private static boolean encryptionCounts(Mitigations m, IncidentMetadata incident, List<String> reasons) {
        if (m.unintelligible() != Unintelligible.ENCRYPTED) {
            return false;
        }
        if (Mitigations.lossBeyondConfidentiality(incident)) {
            reasons.add(EI_ENCRYPTED_BUT_LOST);
            return false;
        }
        return true;
    }

    private static String severityReason(double dpc, double ei, double cbTotal, double score, Band band) {
        String[] byCb = SEVERITY_REASON[halves(dpc) - 2][(int) (ei * 4) - 1];
        int cbQuarters = (int) (cbTotal * 4);
        String reason = byCb[cbQuarters];
        if (reason == null) {
            reason = "Severity = DPC " + dpcText(dpc) + " x EI " + ei + " + CB " + cbTotal + " = " + score + ": band " + band;
            byCb[cbQuarters] = reason;
        }
        return reason;
    }

    // ---- DPC: how harmful the exposed data is, given who the person is -------------------------

    /**
     * Base from the most serious ENISA data type exposed; then a step per aggravating characteristic
     * (half a step for being publicly police and half for a distinctive name tied to the police, a whole
     * one for the others; capped at 4); then the floors: MV/SC/DV vetting at least 3, a covert,
     * counter-terrorism or protection role made findable exactly 4.
     */
    private static double dataProcessingContext(int exposed, ScoringInput input, List<String> reasons) {
        StaffMember staff = input.staff();
        double dpc = baseDpc(exposed, reasons);

        boolean workforce = input.subject().staff();
        if (!workforce && rankLeaked(exposed, input)) {
            reasons.add(DPC_OFFICER_NOT_WORKFORCE);
        } else if (rankLeaked(exposed, input)) {
            if (staff == null) {
                dpc = DPC_UNMATCHED_OFFICER.apply(dpc, reasons);
            } else if (staff.staffType() == null) {
                dpc = DPC_UNTYPED_OFFICER.apply(dpc, reasons);
            } else if (isPolice(staff.staffType())) {
                dpc = DPC_OFFICER.apply(dpc, reasons);
            }
        }
        dpc = distinctiveName(exposed, input, dpc, reasons);
        if (staff != null && (exposed & FINDABLE) != 0 && staff.roleFlags().contains(RoleFlag.PROFESSIONAL_STANDARDS)) {
            dpc = DPC_PROFESSIONAL_STANDARDS[findableIndex(exposed)].apply(dpc, reasons);
        }
        if ((exposed & HOME_ADDRESS) != 0) {
            if (workforce) {
                dpc = DPC_HOME_ADDRESS.apply(dpc, reasons);
            } else if (input.subject().lawEnforcementSubject()) {
                dpc = DPC_HOME_ADDRESS_LAW_ENFORCEMENT.apply(dpc, reasons);
            } else {
                reasons.add(DPC_HOME_ADDRESS_PUBLIC);
            }
        }
        if ((exposed & NAME) != 0 && (exposed & (DATE_OF_BIRTH | NATIONAL_ID)) != 0) {
            DpcStep identityFraud = (exposed & NATIONAL_ID) == 0 ? DPC_BIRTH_WITH_NAME
                    : (exposed & DATE_OF_BIRTH) == 0 ? DPC_NATIONAL_ID_WITH_NAME : DPC_BIRTH_AND_NATIONAL_ID_WITH_NAME;
            dpc = identityFraud.apply(dpc, reasons);
        }
        dpc = sensitivePostVetting(exposed, input, dpc, reasons);
        return sensitiveRole(exposed, staff, dpc, reasons);
    }

    private static int baseDpc(int exposed, List<String> reasons) {
        if (exposed == 0) {
            reasons.add("No exposed data categories given: scored as simple data (DPC " + EnisaDataType.SIMPLE.baseScore() + ")");
            return EnisaDataType.SIMPLE.baseScore();
        }
        // The category that starts highest decides; on a tie, the one whose type is more serious.
        int worst = -1;
        for (int i = 0; i < CATEGORIES.length; i++) {
            if ((exposed & (1 << i)) != 0 && (worst < 0 || BASE_OF[i] > BASE_OF[worst]
                    || BASE_OF[i] == BASE_OF[worst] && TYPE_OF[i].baseScore() > TYPE_OF[worst].baseScore())) {
                worst = i;
            }
        }
        String reason = BASE_REASON.get(exposed);
        if (reason == null) {
            reason = baseReason(exposed, worst);
            BASE_REASON.put(exposed, reason);
        }
        reasons.add(reason);
        return BASE_OF[worst];
    }

    private static String baseReason(int exposed, int worst) {
        StringBuilder words = new StringBuilder(64);
        for (int i = 0; i < CATEGORIES.length; i++) {
            if ((exposed & (1 << i)) != 0) {
                if (!words.isEmpty()) {
                    words.append(", ");
                }
                words.append(WORDS[i]);
            }
        }
        String reason = TYPE_OF[worst].label() + " is the most serious type exposed (" + words + "): DPC starts at "
                + BASE_OF[worst];
        return ADJUSTMENT_OF[worst] == null ? reason : reason + ", for " + ADJUSTMENT_OF[worst];
    }

    /**
     * A fixed number of slots, each holding one mask's sentence; lock-free, and a race at worst
     * builds the same immutable sentence twice. No boxing, so a hit costs two reads.
     */
    private static final class SentenceCache {
        private record Entry(int mask, String sentence) {
        }

        private final java.util.concurrent.atomic.AtomicReferenceArray<Entry> slots;

        SentenceCache(int size) {
            slots = new java.util.concurrent.atomic.AtomicReferenceArray<>(size);
        }

        String get(int mask) {
            Entry entry = slots.getPlain(slot(mask));
            return entry != null && entry.mask() == mask ? entry.sentence() : null;
        }

        void put(int mask, String sentence) {
            slots.setRelease(slot(mask), new Entry(mask, sentence));
        }

        private int slot(int mask) {
            int h = mask * 0x9E3779B9;
            return (h ^ (h >>> 16)) & (slots.length() - 1);
        }
    }

    /** The rank leaked if the manifest lists it or echoes it. */
    private static boolean rankLeaked(int exposed, ScoringInput input) {
        return (exposed & RANK) != 0 || (input.echoedRank() != null && !input.echoedRank().isBlank());
    }

    /**
     * A RARE or UNIQUE name (by the staff table's frequency count, never ethnicity) leaked with what ties
     * it to the police raises DPC half a step. Nothing for an uncommon or common name, for a name whose
     * rarity is not recorded (including everyone the staff table does not know), or for a name leaked
     * with nothing that says police: those DPCs are ENISA's, unchanged.
     */
    private static double distinctiveName(int exposed, ScoringInput input, double dpc, List<String> reasons) {
        StaffMember staff = input.staff();
        if ((exposed & NAME) == 0 || staff == null || staff.nameRarity() == null) {
            return dpc;
        }
        int tie = policeTieIndex(exposed, input);
        if (tie == 0) {
            return dpc;
        }
        return switch (staff.nameRarity()) {
            case COMMON, UNCOMMON -> dpc;
            case RARE -> DPC_DISTINCTIVE_NAME[0][tie].apply(dpc, reasons);
            case UNIQUE -> DPC_DISTINCTIVE_NAME[1][tie].apply(dpc, reasons);
        };
    }

    /**
     * The data that marks a leaked name as a police employee's, as bits to index the prepared sentences:
     * rank (listed, or echoed in the manifest) 1, photo 2, warrant number 4, unit 8. A rank, warrant
     * number or unit says police outright; the photo is the one on the police ID card. 0: nothing ties it.
     */
    private static int policeTieIndex(int exposed, ScoringInput input) {
        return (rankLeaked(exposed, input) ? 1 : 0) | ((exposed & PHOTO) != 0 ? 2 : 0)
                | ((exposed & WARRANT_NUMBER) != 0 ? 4 : 0) | ((exposed & UNIT) != 0 ? 8 : 0);
    }

    /** Warranted officers, specials and PCSOs are publicly police; police staff and contractors are not. */
    private static boolean isPolice(StaffType type) {
        return type == StaffType.OFFICER || type == StaffType.SPECIAL || type == StaffType.PCSO;
    }

    /**
     * One aggravating characteristic: how far it raises DPC, and its sentence for every DPC it can
     * start from (built once, so applying a step in the hot path costs an array read).
     */
    private record DpcStep(double size, String[] reasonByStartHalves) {
        DpcStep(double size, String because) {
            this(size, reasonsByStart(size, because));
        }

        /** Up from {@code dpc} by {@link #size}, no further than 4, saying so. */
        double apply(double dpc, List<String> reasons) {
            reasons.add(reasonByStartHalves[halves(dpc)]);
            return Math.min(DPC_MAX, dpc + size);
        }

        /** Indexed by the starting DPC in halves, 2 (DPC 1) to 8 (DPC 4); DPC only ever moves in halves. */
        private static String[] reasonsByStart(double size, String because) {
            String[] byStart = new String[2 * DPC_MAX + 1];
            for (int fromHalves = 2; fromHalves <= 2 * DPC_MAX; fromHalves++) {
                double from = fromHalves / 2.0;
                double to = Math.min(DPC_MAX, from + size);
                if (from >= DPC_MAX) {
                    byStart[fromHalves] = because + ": DPC already at the maximum " + DPC_MAX;
                } else if (to - from < size) {
                    // Only part of the step fits: say what was actually added, not the nominal size.
                    byStart[fromHalves] = because + ": DPC +" + dpcText(to - from) + " to the maximum " + DPC_MAX;
                } else {
                    byStart[fromHalves] = because + ": DPC +" + dpcText(size) + " to " + dpcText(to);
                }
            }
            return byStart;
        }
    }

    /** DPC counted in halves, for indexing the prepared sentences. */
    private static int halves(double dpc) {
        return (int) (dpc * 2);
    }

    /**
     * DPC as the reasons write it: whole values without a ".0" ("2", as the base and the floors are
     * written), half values as "1.5". Only called while building sentences that are then kept.
     */
    private static String dpcText(double dpc) {
        return dpc == Math.rint(dpc) ? Integer.toString((int) dpc) : Double.toString(dpc);
    }

    /**
     * The staff table's level counts when the vetting_level category leaked; the manifest's echo
     * always counts, because an echo is a copy of the leaked value. Either revealing MV/SC/DV is enough.
     */
    private static double sensitivePostVetting(int exposed, ScoringInput input, double dpc, List<String> reasons) {
        StaffMember staff = input.staff();
        VettingLevel fromStaff = (exposed & VETTING_LEVEL) != 0 && staff != null ? staff.vettingLevel() : null;
        String echoText = input.echoedVettingLevel();
        VettingLevel echoed = VettingLevelText.parse(echoText);
        String what;
        if (fromStaff != null && fromStaff.revealsSensitivePost()) {
            what = "Vetting level " + fromStaff + " exposed";
        } else if (echoed != null && echoed.revealsSensitivePost()) {
            what = "Vetting level " + echoed + " exposed (as echoed in the manifest)";
        } else {
            if (echoed == null && echoText != null && !echoText.isBlank()) {
                reasons.add(DPC_VETTING_UNRECOGNISED);
            }
            return dpc;
        }
        if (dpc < DPC_SENSITIVE_POST_VETTING) {
            reasons.add(what + ", which reveals a sensitive post: DPC raised to " + DPC_SENSITIVE_POST_VETTING);
            return DPC_SENSITIVE_POST_VETTING;
        }
        reasons.add(what + ", which reveals a sensitive post: DPC already at least " + DPC_SENSITIVE_POST_VETTING);
        return dpc;
    }

    /**
     * A supplier of police ID cards leaking someone's name, face or address ties a findable person to
     * the police. For a covert, counter-terrorism or protection officer that alone is the harm, whether
     * or not the role itself leaked; ENISA's own example scores a list of undercover officers DPC 4.
     * A pay or warrant number alone ties the role to nobody an outsider can find, so it does not count.
     */
    private static double sensitiveRole(int exposed, StaffMember staff, double dpc, List<String> reasons) {
        if (staff == null || !staff.hasSensitiveRole()) {
            return dpc;
        }
        String role = sensitiveRoleWords(staff.roleFlags());
        if ((exposed & FINDABLE) == 0) {
            reasons.add(role + " role, but no name, photo or home address exposed: the role is not tied to a"
                    + " findable person, so DPC is not raised for it");
            return dpc;
        }
        reasons.add(role + " role with " + findableWords(exposed) + " exposed: DPC set to " + DPC_SENSITIVE_ROLE
                + " (ENISA: list of undercover officers)");
        return DPC_SENSITIVE_ROLE;
    }

    private static String sensitiveRoleWords(Set<RoleFlag> flags) {
        List<String> words = new ArrayList<>(3);
        if (flags.contains(RoleFlag.COVERT)) {
            words.add("covert");
        }
        if (flags.contains(RoleFlag.COUNTER_TERRORISM)) {
            words.add("counter-terrorism");
        }
        if (flags.contains(RoleFlag.PROTECTION)) {
            words.add("protection");
        }
        String joined = andList(words);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** Name, photo and home address as bits 1, 2 and 4, to index sentences prepared per combination. */
    private static int findableIndex(int exposed) {
        return ((exposed & NAME) != 0 ? 1 : 0) | ((exposed & PHOTO) != 0 ? 2 : 0) | ((exposed & HOME_ADDRESS) != 0 ? 4 : 0);
    }

    private static String findableWords(int exposed) {
        List<String> words = new ArrayList<>(3);
        if ((exposed & NAME) != 0) {
            words.add("name");
        }
        if ((exposed & PHOTO) != 0) {
            words.add("photo");
        }
        if ((exposed & HOME_ADDRESS) != 0) {
            words.add("home address");
        }
        return andList(words);
    }

    /** "a", "a and b", "a, b and c". */
    private static String andList(List<String> words) {
        int n = words.size();
        if (n == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, n - 1)) + " and " + words.get(n - 1);
    }

    // ---- EI: how easily the data points at one real person --------------------------------------

    /** The strongest rule that applies wins; each rule that raised EI leaves its reason. */
    private static double easeOfIdentification(int exposed, StaffMember staff, List<String> reasons) {
        double ei = EI_NEGLIGIBLE;
        if ((exposed & NAME) != 0) {
            NameRarity rarity = staff == null ? null : staff.nameRarity();
            if (rarity == null) {
                ei = raise(ei, EI_SIGNIFICANT, staff == null ? EI_UNMATCHED_NAME : EI_UNRATED_NAME, reasons);
            } else {
                ei = switch (rarity) {
                    case COMMON -> raise(ei, EI_LIMITED, EI_COMMON_NAME, reasons);
                    case UNCOMMON -> raise(ei, EI_SIGNIFICANT, EI_UNCOMMON_NAME, reasons);
                    case RARE -> raise(ei, EI_MAXIMUM, EI_RARE_NAME, reasons);
                    case UNIQUE -> raise(ei, EI_MAXIMUM, EI_UNIQUE_NAME, reasons);
                };
            }
            if ((exposed & PHOTO) != 0) {
                ei = raise(ei, EI_MAXIMUM, EI_NAME_PHOTO, reasons);
            }
            if ((exposed & DATE_OF_BIRTH) != 0) {
                ei = raise(ei, EI_MAXIMUM, EI_NAME_BIRTH, reasons);
            }
            if ((exposed & HOME_ADDRESS) != 0) {
                ei = raise(ei, EI_MAXIMUM, EI_NAME_ADDRESS, reasons);
            }
            if ((exposed & RANK) != 0 && (exposed & UNIT) != 0) {
                ei = raise(ei, EI_SIGNIFICANT, EI_NAME_RANK_UNIT, reasons);
            }
        } else {
            if ((exposed & PHOTO) != 0) {
                ei = raise(ei, EI_SIGNIFICANT, EI_PHOTO_ONLY, reasons);
            }
            if ((exposed & HOME_ADDRESS) != 0) {
                ei = raise(ei, EI_SIGNIFICANT, EI_ADDRESS_ONLY, reasons);
            }
            if ((exposed & (EMAIL | PHONE)) != 0) {
                ei = raise(ei, EI_LIMITED, EI_CONTACT_ONLY, reasons);
            }
        }
        if (ei == EI_NEGLIGIBLE) {
            reasons.add(EI_INTERNAL_ONLY);
        }
        return ei;
    }

    private static double raise(double ei, double to, String reason, List<String> reasons) {
        if (to > ei) {
            reasons.add(reason);
            return to;
        }
        return ei;
    }

    // ---- CB: what happened to the data ----------------------------------------------------------

    private static CircumstancesOfBreach circumstancesOfBreach(IncidentMetadata incident, List<String> reasons) {
        Confidentiality confidentiality;
        Integrity integrity;
        Availability availability;
        boolean malicious;
        if (incident == null) {
            reasons.add(CB_NO_INCIDENT);
            confidentiality = Confidentiality.UNKNOWN_RECIPIENTS;
            integrity = Integrity.NONE;
            availability = Availability.NONE;
            malicious = true;
        } else {
            confidentiality = incident.confidentiality();
            integrity = incident.integrity();
            availability = incident.availability();
            malicious = incident.malicious();
            if (confidentiality == null) {
                reasons.add(CB_CONFIDENTIALITY_UNSTATED);
                confidentiality = Confidentiality.UNKNOWN_RECIPIENTS;
            }
            if (integrity == null) {
                reasons.add(CB_INTEGRITY_UNSTATED);
                integrity = Integrity.NONE;
            }
            if (availability == null) {
                reasons.add(CB_AVAILABILITY_UNSTATED);
                availability = Availability.NONE;
            }
        }
        Mitigations m = incident == null ? Mitigations.NONE : incident.mitigations();
        double c = switch (confidentiality) {
            case NO_EVIDENCE -> 0;
            case KNOWN_RECIPIENTS -> m.recipient() == Recipient.TRUSTED_DELETED ? added(0, CB_TRUSTED_DELETED, reasons)
                    : added(CB_KNOWN_RECIPIENTS, m.recipient() == Recipient.KNOWN_SINGLE ? CB_KNOWN_SINGLE : CB_KNOWN,
                    reasons);
            case UNKNOWN_RECIPIENTS -> added(CB_UNKNOWN_RECIPIENTS, CB_UNKNOWN, reasons);
        };
        if (m.recoveredWithin() != null) {
            reasons.add("Data restored from backup within " + Mitigations.hours(m.recoveredWithin()) + ": the loss of availability or"
                    + " integrity was temporary and is counted as such, no more");
        }
        double i = switch (integrity) {
            case NONE -> 0;
            case RECOVERABLE -> added(CB_INTEGRITY_RECOVERABLE, CB_RECOVERABLE, reasons);
            case UNRECOVERABLE -> added(CB_INTEGRITY_UNRECOVERABLE, CB_UNRECOVERABLE, reasons);
        };
        double a = switch (availability) {
            case NONE -> 0;
            case TEMPORARY -> added(CB_AVAILABILITY_TEMPORARY, CB_TEMPORARY, reasons);
            case PERMANENT -> added(CB_AVAILABILITY_PERMANENT, CB_PERMANENT, reasons);
        };
        double malice = malicious ? added(CB_MALICIOUS, CB_MALICE, reasons) : 0;
        if (c + i + a + malice == 0 && confidentiality == Confidentiality.NO_EVIDENCE) {
            reasons.add(CB_ZERO);
        }
        return new CircumstancesOfBreach(c, i, a, malice);
    }

    private static double added(double amount, String reason, List<String> reasons) {
        reasons.add(reason);
        return amount;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static int bit(DataCategory category) {
        return 1 << category.ordinal();
    }

    private static int maskOf(Set<DataCategory> categories) {
        if (categories == null) {
            return 0;
        }
        return Categories.mask(categories); // free for the record's own sets, which hold their mask
    }
}
