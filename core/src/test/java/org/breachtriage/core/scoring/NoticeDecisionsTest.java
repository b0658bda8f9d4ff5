package org.breachtriage.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.api.Test;

/**
 * The default policy's decision for every band, with no staff record and with each preferred
 * channel: required or not, the channel, the template and the sentence that is the Art. 33(5) record
 * of why. Written from core/src/main/resources/policy/triage-policy.json.
 */
class NoticeDecisionsTest {
    private final ScoringPolicy policy = ScoringPolicy.loadDefault();
    private final String v = policy.version();

    private static StaffMember preferring(ContactChannel channel) {
        return ScoringFixtures.staff(StaffType.OFFICER, NameRarity.COMMON, VettingLevel.RV, channel);
    }

    @Test
    void lowIsNeverContactedWhateverThePersonPrefers() {
        NoticeDecision expected = new NoticeDecision(false, ContactChannel.NONE, null, ReleaseRule.AUTO, "No notice because band LOW is below the"
                + " notice threshold HIGH (policy " + v + "); the policy sends nothing for band LOW; the general staff communication covers them.");
        assertEquals(expected, policy.decide(Band.LOW, null));
        assertEquals(expected, policy.decide(Band.LOW, preferring(ContactChannel.IN_PERSON)));
    }

    @Test
    void mediumGetsAnInformationMessageByEmailOrAMorePersonalPreferredChannel() {
        assertEquals(new NoticeDecision(false, ContactChannel.EMAIL, "info-medium-v1", ReleaseRule.AUTO, "No notice because band MEDIUM is"
                + " below the notice threshold HIGH (policy " + v + "); an information message (not an Art. 34 notice) goes"
                + " by EMAIL as the policy sets for band MEDIUM, template info-medium-v1; it goes out without waiting for a release."), policy.decide(Band.MEDIUM, null));
        assertEquals(ContactChannel.EMAIL, policy.decide(Band.MEDIUM, preferring(ContactChannel.EMAIL)).channel());
        assertEquals(new NoticeDecision(false, ContactChannel.PHONE, "info-medium-v1", ReleaseRule.AUTO, "No notice because band MEDIUM is"
                + " below the notice threshold HIGH (policy " + v + "); an information message (not an Art. 34 notice) goes"
                + " by PHONE, the person's preferred channel, because it is more personal than the policy's EMAIL for band"
                + " MEDIUM, template info-medium-v1; it goes out without waiting for a release."), policy.decide(Band.MEDIUM, preferring(ContactChannel.PHONE)));
    }

    @Test
    void highAndVeryHighAreNoticesNeverLessPersonalThanThePolicySays() {
        assertEquals(new NoticeDecision(true, ContactChannel.LETTER, "art34-high-v1", ReleaseRule.ONE, "Notice required because band HIGH"
                + " is at or above the notice threshold HIGH (policy " + v + "); the notice goes by LETTER as the policy sets"
                + " for band HIGH, template art34-high-v1; it waits for release by one approver."), policy.decide(Band.HIGH, preferring(ContactChannel.EMAIL)));
        assertEquals(ContactChannel.LETTER, policy.decide(Band.HIGH, preferring(ContactChannel.LETTER)).channel(),
                "the same channel is the policy's own");
        assertEquals(ContactChannel.PHONE, policy.decide(Band.HIGH, preferring(ContactChannel.PHONE)).channel());
        assertEquals(ContactChannel.LETTER, policy.decide(Band.HIGH, preferring(null)).channel(), "no preference recorded");
        assertEquals(new NoticeDecision(true, ContactChannel.IN_PERSON, "art34-very-high-v1", ReleaseRule.TWO, "Notice required because"
                + " band VERY_HIGH is at or above the notice threshold HIGH (policy " + v + "); the notice goes by IN_PERSON"
                + " as the policy sets for band VERY_HIGH, template art34-very-high-v1; it waits for release by two different approvers."),
                policy.decide(Band.VERY_HIGH, preferring(ContactChannel.LETTER)));
    }
}
