package org.breachtriage.core.decisions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Recipient;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.scoring.ReleaseRule;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.junit.jupiter.api.Test;

/**
 * The two invariants that tie Art. 33 and Art. 34 together, over generated incidents (any
 * circumstances and mitigations the loader accepts), generated people (any categories, in the staff
 * table or not) and policies with any notice threshold:
 *
 * <ul>
 *   <li>anyone HIGH or above anywhere in the incident means Art. 33 is required;</li>
 *   <li>Art. 33 not required means nobody is due an Art. 34 notice;</li>
 *   <li>a person exempt under Art. 34(3) is never sent an individual notice.</li>
 * </ul>
 *
 * <p>Generated from a fixed seed with {@link Random}, as the project's other property test is, so a
 * failure names the seed of the case that broke and re-runs identically. (jqwik was tried; its engine
 * prints a request that AI agents not use it, and this project respects its authors' wish.)
 */
class Art33Art34PropertiesTest {
    private static final Instant AWARE = Instant.parse("2026-11-30T09:00:00Z");
    private static final int TRIES = 2_000;
    private static final Band[] THRESHOLDS = {Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH};

    @Test
    void highOrAboveAnywhereRequiresArt33() {
        int high = forEachGenerated((seed, threshold, incident, people, o) -> {
            if (o.highest().atLeast(Band.HIGH) && !o.art33().required()) {
                throw new AssertionError("seed " + seed + ": someone is " + o.highest() + " yet Art. 33 is not required: "
                        + o.art33().reasoning());
            }
            return o.highest().atLeast(Band.HIGH);
        });
        // The invariant means nothing if HIGH never comes up: the generator must reach it often.
        assertTrue(high > TRIES / 10, "only " + high + " of " + TRIES + " generated incidents had anyone HIGH or above");
    }

    @Test
    void art33NotRequiredMeansNoArt34Notice() {
        int notRequired = forEachGenerated((seed, threshold, incident, people, o) -> {
            if (!o.art33().required() && o.anyArt34Notice()) {
                throw new AssertionError("seed " + seed + ": Art. 33 not required (" + o.art33().reasoning()
                        + ") yet an Art. 34 notice is due; highest band " + o.highest() + ", threshold " + threshold);
            }
            return !o.art33().required();
        });
        // ... and if "not required" never comes up either.
        assertTrue(notRequired > 0, "no generated incident was found unlikely to result in a risk");
    }

    @Test
    void anExemptPersonIsNeverSentAnIndividualNotice() {
        int exempt = forEachGenerated((seed, threshold, incident, people, o) -> {
            boolean any = false;
            for (int i = 0; i < people.size(); i++) {
                if (o.assessments().get(i).exempt()) {
                    any = true;
                    if (o.art34().get(i).required() || o.art34().get(i).sendsNotice()) {
                        throw new AssertionError("seed " + seed + ": exempt under " + o.assessments().get(i).art34Exemption()
                                + " yet notified: " + o.art34().get(i));
                    }
                }
            }
            return any;
        });
        assertTrue(exempt > 0, "no generated person was exempt under Art. 34(3)");
    }

    @Test
    void aHighRiskIncidentIsReportedAndItsPeopleTold() {
        // A fixed person shows the decisions can say yes: the properties above hold trivially otherwise.
        IncidentMetadata malicious = new IncidentMetadata("S", "R", AWARE, true, Confidentiality.UNKNOWN_RECIPIENTS,
                Integrity.NONE, Availability.NONE, Set.of(), List.of());
        IncidentDecisions.Outcome o = IncidentDecisions.decide(policy(Band.HIGH), malicious,
                List.of(new IncidentDecisions.Person(EnumSet.of(DataCategory.NAME, DataCategory.HEALTH), null)));
        assertTrue(o.highest().atLeast(Band.HIGH) && o.art33().required() && o.anyArt34Notice(), o.toString());
    }

    /** One generated case: its seed (to re-run it), the policy threshold, the inputs and the decisions. */
    private interface Check {
        /** Throws when the property fails; returns whether the case exercised what the property is about. */
        boolean check(long seed, Band threshold, IncidentMetadata incident, List<IncidentDecisions.Person> people,
                      IncidentDecisions.Outcome outcome);
    }

    /** Runs {@code check} over {@link #TRIES} generated cases; returns how many exercised it. */
    private static int forEachGenerated(Check check) {
        Random seeds = new Random(20_261_201L);
        int exercised = 0;
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            Band threshold = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            IncidentMetadata incident = incident(random);
            List<IncidentDecisions.Person> people = people(random);
            if (check.check(seed, threshold, incident, people, IncidentDecisions.decide(policy(threshold), incident, people))) {
                exercised++;
            }
        }
        return exercised;
    }

    /** The default policy's shape with the given threshold (bands below it get at most an e-mail). */
    private static ScoringPolicy policy(Band threshold) {
        Map<Band, ScoringPolicy.BandRule> bands = new EnumMap<>(Band.class);
        bands.put(Band.LOW, threshold == Band.LOW ? new ScoringPolicy.BandRule(ContactChannel.EMAIL, "t-low", ReleaseRule.AUTO)
                : new ScoringPolicy.BandRule(ContactChannel.NONE, null, ReleaseRule.AUTO));
        bands.put(Band.MEDIUM, new ScoringPolicy.BandRule(ContactChannel.EMAIL, "t-medium", ReleaseRule.AUTO));
        bands.put(Band.HIGH, new ScoringPolicy.BandRule(ContactChannel.LETTER, "t-high", ReleaseRule.ONE));
        bands.put(Band.VERY_HIGH, new ScoringPolicy.BandRule(ContactChannel.IN_PERSON, "t-very-high", ReleaseRule.TWO));
        return new ScoringPolicy("test-" + threshold, "", threshold, bands, "general");
    }

    /** Any circumstances and mitigations the loader accepts. */
    private static IncidentMetadata incident(Random random) {
        boolean malicious = random.nextBoolean();
        Confidentiality confidentiality = pick(random, Confidentiality.values());
        Integrity integrity = pick(random, Integrity.values());
        Availability availability = pick(random, Availability.values());
        Unintelligible unintelligible = pick(random, Unintelligible.values());
        int hours = random.nextInt(97);
        int recipient = random.nextInt(3);
        int statements = random.nextInt(4);
        // Only what the loader accepts: a recovery never follows a permanent loss, a recipient only
        // refines known recipients.
        boolean canRecover = availability != Availability.PERMANENT && integrity != Integrity.UNRECOVERABLE;
        Duration recovered = hours == 0 || !canRecover ? null : Duration.ofHours(hours);
        Recipient r = confidentiality != Confidentiality.KNOWN_RECIPIENTS || recipient == 0 ? null
                : Recipient.values()[recipient - 1];
        Mitigations m = new Mitigations(unintelligible, recovered, r,
                (statements & 1) != 0 ? "Passwords reset and sessions revoked" : null,
                (statements & 2) != 0 ? "Notice published on the force website" : null);
        return new IncidentMetadata("Supplier", "INC-P", AWARE, malicious, confidentiality, integrity, availability,
                Set.of(), List.of(), null, List.of(), List.of(), m);
    }

    private static final SubjectType[] OUTSIDE_THE_WORKFORCE = {SubjectType.VICTIM, SubjectType.WITNESS,
            SubjectType.SUSPECT, SubjectType.OTHER};

    /** 1 to 12 people, each with up to 6 categories, some not in the staff table, some outside the workforce. */
    private static List<IncidentDecisions.Person> people(Random random) {
        int n = 1 + random.nextInt(12);
        List<IncidentDecisions.Person> people = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
            int size = random.nextInt(7);
            for (int k = 0; k < size; k++) {
                categories.add(pick(random, DataCategory.values()));
            }
            int who = random.nextInt(10);
            // 30% not in the staff table, 20% outside the workforce (victims, witnesses, suspects, others).
            people.add(who < 2 ? new IncidentDecisions.Person(categories, null, pick(random, OUTSIDE_THE_WORKFORCE))
                    : new IncidentDecisions.Person(categories, who < 5 ? null : staff(random)));
        }
        return people;
    }

    private static StaffMember staff(Random random) {
        Set<RoleFlag> flags = EnumSet.noneOf(RoleFlag.class);
        for (int k = random.nextInt(3); k > 0; k--) {
            flags.add(pick(random, RoleFlag.values()));
        }
        return new StaffMember("PN-1", "Forename", "Surname", pick(random, StaffType.values()), "Constable", "Unit", flags,
                pick(random, VettingLevel.values()), ContactChannel.LETTER, null, "Force", pick(random, NameRarity.values()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
