package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.scoring.ScoringPolicy.BandRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringPolicyTest {
    private static final ScoringPolicy DEFAULT = ScoringPolicy.loadDefault();

    private static final String VALID = """
            {
              "version": "test-1",
              "description": "for tests",
              "noticeAtOrAbove": "MEDIUM",
              "bands": {
                "LOW":       { "channel": "NONE", "release": "auto" },
                "MEDIUM":    { "channel": "EMAIL",  "templateId": "m", "release": "auto" },
                "HIGH":      { "channel": "PHONE",  "templateId": "h", "release": "one" },
                "VERY_HIGH": { "channel": "PHONE",  "templateId": "vh", "release": "two" }
              },
              "generalCommunication": { "templateId": "g" }
            }
            """;

    @Test
    void defaultPolicyIsVersionedAndNoticesFromHigh() {
        assertEquals("2026-12-01.1", DEFAULT.version());
        assertFalse(DEFAULT.description().isBlank());
        assertEquals(Band.HIGH, DEFAULT.noticeAtOrAbove());
        assertEquals(ContactChannel.NONE, DEFAULT.channelFor(Band.LOW));
        assertEquals(ContactChannel.EMAIL, DEFAULT.channelFor(Band.MEDIUM));
        assertEquals(ContactChannel.LETTER, DEFAULT.channelFor(Band.HIGH));
        assertEquals(ContactChannel.IN_PERSON, DEFAULT.channelFor(Band.VERY_HIGH));
        assertEquals("art34-high-v1", DEFAULT.templateFor(Band.HIGH));
        assertNull(DEFAULT.templateFor(Band.LOW));
        assertEquals(ReleaseRule.AUTO, DEFAULT.releaseFor(Band.LOW));
        assertEquals(ReleaseRule.AUTO, DEFAULT.releaseFor(Band.MEDIUM));
        assertEquals(ReleaseRule.ONE, DEFAULT.releaseFor(Band.HIGH));
        assertEquals(ReleaseRule.TWO, DEFAULT.releaseFor(Band.VERY_HIGH));
        assertEquals("general-staff-v1", DEFAULT.generalCommunicationTemplate());
    }

    /** preferred empty = person not in the staff table. */
    @ParameterizedTest(name = "{0}, prefers {1} -> required={2} by {3}")
    @CsvSource({
            "LOW,       ,          false, NONE,      ",
            "LOW,       IN_PERSON, false, NONE,      ",
            "MEDIUM,    ,          false, EMAIL,     info-medium-v1",
            "MEDIUM,    NONE,      false, EMAIL,     info-medium-v1",
            "MEDIUM,    PHONE,     false, PHONE,     info-medium-v1",
            "HIGH,      ,          true,  LETTER,    art34-high-v1",
            "HIGH,      EMAIL,     true,  LETTER,    art34-high-v1",
            "HIGH,      LETTER,    true,  LETTER,    art34-high-v1",
            "HIGH,      PHONE,     true,  PHONE,     art34-high-v1",
            "HIGH,      IN_PERSON, true,  IN_PERSON, art34-high-v1",
            "VERY_HIGH, ,          true,  IN_PERSON, art34-very-high-v1",
            "VERY_HIGH, PHONE,     true,  IN_PERSON, art34-very-high-v1",
    })
    void decideUsesThePolicyChannelOrAMorePersonalPreference(Band band, ContactChannel preferred, boolean required,
                                                             ContactChannel channel, String templateId) {
        StaffMember person = preferred == null ? null
                : staff(StaffType.OFFICER, NameRarity.COMMON, null, preferred);
        NoticeDecision decision = DEFAULT.decide(band, person);

        assertEquals(required, decision.required());
        assertEquals(channel, decision.channel());
        assertEquals(templateId, decision.templateId());
        assertTrue(decision.reason().contains("(policy 2026-12-01.1)"), decision.reason());
        assertTrue(decision.reason().endsWith("."), decision.reason());
    }

    @Test
    void belowThresholdSaysWhyThereIsNoNotice() {
        NoticeDecision medium = DEFAULT.decide(Band.MEDIUM, null);
        NoticeDecision low = DEFAULT.decide(Band.LOW, null);

        assertTrue(medium.reason().startsWith(
                "No notice because band MEDIUM is below the notice threshold HIGH (policy 2026-12-01.1)"), medium.reason());
        assertTrue(medium.reason().contains("information message (not an Art. 34 notice) goes by EMAIL"), medium.reason());
        assertEquals("No notice because band LOW is below the notice threshold HIGH (policy 2026-12-01.1);"
                + " the policy sends nothing for band LOW; the general staff communication covers them.", low.reason());
        assertTrue(medium.reason().endsWith("; it goes out without waiting for a release."), medium.reason());
        assertFalse(low.sendsNotice());
        assertTrue(medium.sendsNotice());
    }

    @Test
    void reasonSaysWhenThePreferredChannelWasUsed() {
        NoticeDecision byPolicy = DEFAULT.decide(Band.HIGH, null);
        NoticeDecision preferred = DEFAULT.decide(Band.HIGH, staff(StaffType.OFFICER, NameRarity.COMMON, null, ContactChannel.PHONE));

        assertEquals("Notice required because band HIGH is at or above the notice threshold HIGH (policy 2026-12-01.1);"
                + " the notice goes by LETTER as the policy sets for band HIGH, template art34-high-v1; it waits for release"
                + " by one approver.", byPolicy.reason());
        assertEquals(ReleaseRule.ONE, byPolicy.release());
        assertTrue(DEFAULT.decide(Band.VERY_HIGH, null).reason().endsWith("it waits for release by two different approvers."));
        assertTrue(preferred.reason().contains("goes by PHONE, the person's preferred channel, because it is more"
                + " personal than the policy's LETTER for band HIGH"), preferred.reason());
    }

    @Test
    void decisionsAreBuiltOnceNotPerPerson() {
        assertSame(DEFAULT.decide(Band.HIGH, null), DEFAULT.decide(Band.HIGH, null));
    }

    @Test
    void customPolicyFileChangesTheDecision() {
        ScoringPolicy custom = ScoringPolicy.load(stream(VALID));

        assertEquals("test-1", custom.version());
        NoticeDecision medium = custom.decide(Band.MEDIUM, null);
        assertTrue(medium.required());
        assertEquals(ContactChannel.EMAIL, medium.channel());
        assertEquals("m", medium.templateId());
        assertTrue(medium.reason().contains("(policy test-1)"), medium.reason());
    }

    @Test
    void bandAndChannelNamesAreReadLeniently() {
        ScoringPolicy custom = ScoringPolicy.load(stream(VALID
                .replace("\"VERY_HIGH\"", "\"very high\"")
                .replace("\"channel\": \"PHONE\",  \"templateId\": \"vh\"", "\"channel\": \"in-person\", \"templateId\": \"vh\"")));

        assertEquals(ContactChannel.IN_PERSON, custom.channelFor(Band.VERY_HIGH));
    }

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                arguments("missing band", VALID.replace("\"HIGH\":      { \"channel\": \"PHONE\",  \"templateId\": \"h\", \"release\": \"one\" },", ""),
                        "custom.json: bands.HIGH: missing; every band (LOW, MEDIUM, HIGH, VERY_HIGH) needs a channel"),
                arguments("unknown channel", VALID.replace("\"channel\": \"PHONE\",  \"templateId\": \"h\"", "\"channel\": \"POST\", \"templateId\": \"h\""),
                        "custom.json: bands.HIGH.channel: unknown channel 'POST' (one of NONE, EMAIL, LETTER, PHONE, IN_PERSON)"),
                arguments("missing channel", VALID.replace("\"channel\": \"PHONE\",  \"templateId\": \"h\"", "\"templateId\": \"h\""),
                        "custom.json: bands.HIGH.channel: missing"),
                arguments("unknown band", VALID.replace("\"LOW\":", "\"EXTREME\":"),
                        "custom.json: bands.EXTREME: unknown band 'EXTREME' (one of LOW, MEDIUM, HIGH, VERY_HIGH)"),
                arguments("band twice", VALID.replace("\"LOW\":", "\"medium\":"),
                        "custom.json: bands.MEDIUM: band MEDIUM is given twice"),
                arguments("missing version", VALID.replace("\"version\": \"test-1\",", ""),
                        "custom.json: version: missing"),
                arguments("blank version", VALID.replace("\"test-1\"", "\"  \""),
                        "custom.json: version: missing"),
                arguments("missing threshold", VALID.replace("\"noticeAtOrAbove\": \"MEDIUM\",", ""),
                        "custom.json: noticeAtOrAbove: missing"),
                arguments("unknown threshold", VALID.replace("\"noticeAtOrAbove\": \"MEDIUM\"", "\"noticeAtOrAbove\": \"SEVERE\""),
                        "custom.json: noticeAtOrAbove: unknown band 'SEVERE'"),
                arguments("misspelt field", VALID.replace("\"noticeAtOrAbove\"", "\"noticeAtOrAbve\""),
                        "custom.json: noticeAtOrAbve: unknown field (allowed here: bands, description, generalCommunication, noticeAtOrAbove, version)"),
                arguments("misspelt band field", VALID.replace("\"templateId\": \"h\"", "\"template\": \"h\""),
                        "custom.json: bands.HIGH.template: unknown field (allowed here: channel, release, templateId)"),
                arguments("missing release", VALID.replace(", \"release\": \"one\"", ""),
                        "custom.json: bands.HIGH.release: missing; say who releases this band's notices (auto, one or two approvers)"),
                arguments("unknown release", VALID.replace("\"release\": \"one\"", "\"release\": \"three\""),
                        "custom.json: bands.HIGH.release: unknown release rule 'three' (auto, one or two)"),
                arguments("higher band less strict", VALID.replace("\"release\": \"two\"", "\"release\": \"auto\""),
                        "custom.json: bands.VERY_HIGH.release: auto is less strict than one for the lower band HIGH"),
                arguments("no general communication", VALID.replace(",\n  \"generalCommunication\": { \"templateId\": \"g\" }", ""),
                        "custom.json: generalCommunication.templateId: missing; every incident gets one general staff communication"),
                arguments("notice band without channel", VALID.replace("\"channel\": \"EMAIL\",  \"templateId\": \"m\"", "\"channel\": \"NONE\""),
                        "custom.json: bands.MEDIUM.channel: is NONE, but band MEDIUM is at or above the notice threshold MEDIUM"),
                arguments("message without template", VALID.replace("\"channel\": \"EMAIL\",  \"templateId\": \"m\"", "\"channel\": \"EMAIL\""),
                        "custom.json: bands.MEDIUM.templateId: missing; channel EMAIL sends a message, which needs a template"),
                arguments("template for silence", VALID.replace("{ \"channel\": \"NONE\", ", "{ \"channel\": \"NONE\", \"templateId\": \"x\", "),
                        "custom.json: bands.LOW.templateId: given as 'x', but channel NONE sends nothing"),
                arguments("higher band less personal", VALID.replace("\"channel\": \"PHONE\",  \"templateId\": \"vh\"", "\"channel\": \"LETTER\", \"templateId\": \"vh\""),
                        "custom.json: bands.VERY_HIGH.channel: LETTER is less personal than PHONE for the lower band HIGH"),
                arguments("channel not a string", VALID.replace("\"channel\": \"PHONE\",  \"templateId\": \"h\"", "\"channel\": 3, \"templateId\": \"h\""),
                        "custom.json: bands.HIGH.channel: expected a string, found number"),
                arguments("bands not an object", "{\"version\": \"v\", \"noticeAtOrAbove\": \"HIGH\", \"bands\": [\"LOW\"]}",
                        "custom.json: bands: expected an object keyed by band"),
                arguments("not an object", "[1, 2]", "custom.json: expected a JSON object"),
                arguments("empty file", "", "custom.json: expected a JSON object"),
                arguments("not JSON", "{ \"version\": ", "custom.json: not valid JSON at line 1"),
                arguments("duplicate key", VALID.replace("\"version\": \"test-1\",", "\"version\": \"a\", \"version\": \"b\","),
                        "custom.json: not valid JSON at line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void brokenPolicyFilesAreRejectedWithTheField(String title, String json, String expectedStart) {
        PolicyFormatException e = assertThrows(PolicyFormatException.class,
                () -> ScoringPolicy.load("custom.json", stream(json)));

        assertTrue(e.getMessage().startsWith(expectedStart), () -> "message was: " + e.getMessage());
    }

    @Test
    void unnamedStreamIsCalledPolicyFileInErrors() {
        PolicyFormatException e = assertThrows(PolicyFormatException.class,
                () -> ScoringPolicy.load(stream(VALID.replace("\"LOW\":", "\"EXTREME\":"))));

        assertTrue(e.getMessage().startsWith("policy file: bands.EXTREME: unknown band"), e.getMessage());
    }

    @Test
    void policyBuiltInCodeIsCheckedToo() {
        Map<Band, BandRule> bands = new EnumMap<>(Band.class);
        bands.put(Band.LOW, new BandRule(ContactChannel.NONE, null, ReleaseRule.AUTO));
        bands.put(Band.MEDIUM, new BandRule(ContactChannel.NONE, null, ReleaseRule.AUTO));
        bands.put(Band.HIGH, new BandRule(ContactChannel.LETTER, "h", ReleaseRule.ONE));

        PolicyFormatException e = assertThrows(PolicyFormatException.class,
                () -> new ScoringPolicy("v1", "", Band.HIGH, bands, "g"));
        assertEquals("bands.VERY_HIGH: missing; every band (LOW, MEDIUM, HIGH, VERY_HIGH) needs a channel", e.getMessage());

        bands.put(Band.VERY_HIGH, new BandRule(ContactChannel.IN_PERSON, "vh", ReleaseRule.TWO));
        ScoringPolicy ok = new ScoringPolicy("v1", null, Band.HIGH, bands, "g");
        bands.clear();
        assertEquals(ContactChannel.IN_PERSON, ok.channelFor(Band.VERY_HIGH), "the policy keeps its own copy");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
