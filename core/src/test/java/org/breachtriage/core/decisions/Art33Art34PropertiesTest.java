package org.breachtriage.core.decisions;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.scoring.ReleaseRule;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * The two invariants that tie Art. 33 and Art. 34 together, over generated incidents (any
 * circumstances and mitigations the loader accepts), generated people (any categories, in the staff
 * table or not) and policies with any notice threshold:
 *
 * <ul>
 *   <li>anyone HIGH or above anywhere in the incident means Art. 33 is required;</li>
 *   <li>Art. 33 not required means nobody is due an Art. 34 notice.</li>
 * </ul>
 */
class Art33Art34PropertiesTest {
    private static final Instant AWARE = Instant.parse("2026-11-30T09:00:00Z");

    @Property(tries = 600)
    void highOrAboveAnywhereRequiresArt33(@ForAll("incidents") IncidentMetadata incident,
                                          @ForAll("people") List<IncidentDecisions.Person> people,
                                          @ForAll("thresholds") Band threshold) {
        IncidentDecisions.Outcome o = IncidentDecisions.decide(policy(threshold), incident, people);
        if (o.highest().atLeast(Band.HIGH) && !o.art33().required()) {
            throw new AssertionError("someone is " + o.highest() + " yet Art. 33 is not required: " + o.art33().reasoning());
        }
    }

    @Property(tries = 600)
    void art33NotRequiredMeansNoArt34Notice(@ForAll("incidents") IncidentMetadata incident,
                                            @ForAll("people") List<IncidentDecisions.Person> people,
                                            @ForAll("thresholds") Band threshold) {
        IncidentDecisions.Outcome o = IncidentDecisions.decide(policy(threshold), incident, people);
        if (!o.art33().required() && o.anyArt34Notice()) {
            throw new AssertionError("Art. 33 not required (" + o.art33().reasoning() + ") yet an Art. 34 notice is due;"
                    + " highest band " + o.highest() + ", threshold " + threshold);
        }
    }

    @Property(tries = 300)
    void anExemptPersonIsNeverSentAnIndividualNotice(@ForAll("incidents") IncidentMetadata incident,
                                                     @ForAll("people") List<IncidentDecisions.Person> people) {
        IncidentDecisions.Outcome o = IncidentDecisions.decide(policy(Band.HIGH), incident, people);
        for (int i = 0; i < people.size(); i++) {
            if (o.assessments().get(i).exempt() && (o.art34().get(i).required() || o.art34().get(i).sendsNotice())) {
                throw new AssertionError("exempt under " + o.assessments().get(i).art34Exemption() + " yet notified: "
                        + o.art34().get(i));
            }
        }
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

    @Provide
    Arbitrary<Band> thresholds() {
        return Arbitraries.of(Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH);
    }

    @Provide
    Arbitrary<IncidentMetadata> incidents() {
        Arbitrary<Confidentiality> confidentiality = Arbitraries.of(Confidentiality.class);
        return Combinators.combine(Arbitraries.of(true, false), confidentiality, Arbitraries.of(Integrity.class),
                Arbitraries.of(Availability.class), Arbitraries.of(Unintelligible.class),
                Arbitraries.integers().between(0, 96), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3)).as((malicious, c, integrity, availability, unintelligible,
                                                          hours, recipient, statements) -> {
            // Only what the loader accepts: a recovery never follows a permanent loss, a recipient only
            // refines known recipients.
            boolean canRecover = availability != Availability.PERMANENT && integrity != Integrity.UNRECOVERABLE;
            Duration recovered = hours == 0 || !canRecover ? null : Duration.ofHours(hours);
            Recipient r = c != Confidentiality.KNOWN_RECIPIENTS || recipient == 0 ? null : Recipient.values()[recipient - 1];
            Mitigations m = new Mitigations(unintelligible, recovered, r,
                    (statements & 1) != 0 ? "Passwords reset and sessions revoked" : null,
                    (statements & 2) != 0 ? "Notice published on the force website" : null);
            return new IncidentMetadata("Supplier", "INC-P", AWARE, malicious, c, integrity, availability, Set.of(),
                    List.of(), null, List.of(), List.of(), m);
        });
    }

    @Provide
    Arbitrary<List<IncidentDecisions.Person>> people() {
        Arbitrary<Set<DataCategory>> categories = Arbitraries.of(DataCategory.class).set().ofMinSize(0).ofMaxSize(6)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(s));
        Arbitrary<StaffMember> staff = Combinators.combine(Arbitraries.of(StaffType.class), Arbitraries.of(NameRarity.class),
                Arbitraries.of(VettingLevel.class), Arbitraries.of(RoleFlag.class).set().ofMaxSize(2))
                .as((type, rarity, vetting, flags) -> new StaffMember("PN-1", "Forename", "Surname", type, "Constable",
                        "Unit", flags, vetting, ContactChannel.LETTER, null, "Force", rarity))
                .injectNull(0.3);
        return Combinators.combine(categories, staff).as(IncidentDecisions.Person::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 1)
    void generatorsReachEveryBand(@ForAll @IntRange(min = 0, max = 0) int unused) {
        // The invariants mean nothing if HIGH and VERY_HIGH never come up: a fixed person shows they do.
        IncidentMetadata malicious = new IncidentMetadata("S", "R", AWARE, true, Confidentiality.UNKNOWN_RECIPIENTS,
                Integrity.NONE, Availability.NONE, Set.of(), List.of());
        IncidentDecisions.Outcome o = IncidentDecisions.decide(policy(Band.HIGH), malicious,
                List.of(new IncidentDecisions.Person(EnumSet.of(DataCategory.NAME, DataCategory.HEALTH), null)));
        if (!o.highest().atLeast(Band.HIGH) || !o.art33().required() || !o.anyArt34Notice()) {
            throw new AssertionError(o.toString());
        }
    }
}
