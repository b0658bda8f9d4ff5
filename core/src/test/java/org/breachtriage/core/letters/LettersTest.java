package org.breachtriage.core.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.report.DpoContact;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The words people read: every template the default policy can ask for, rendered for a person whose
 * record says everything a letter could give away, and checked against what its channel may say.
 */
class LettersTest {
    private static final ScoringPolicy POLICY = ScoringPolicy.loadDefault();
    private static final String FORCE = "Metropolitan Police Service";
    private static final Instant AWARE = Instant.parse("2023-08-24T09:00:00Z");
    private static final IncidentRecord INCIDENT = IncidentRecord.open("IN-00000000000000aa", FORCE, "INC-2023-0826",
            "Acme ID Cards Ltd", new IncidentManifest("BT-00000000000000a1", "manifests/x.csv", AWARE, AWARE, null), AWARE);
    private static final DpoContact DPO = DpoContact.of("Jo Bloggs", null, "dpo@example.org", "020 7946 0000");

    /** Everything a letter could give away: a distinctive rank and unit, two sensitive roles, DV, and the reasons. */
    private static final StaffMember OFFICER = new StaffMember("MP000123", "Alexandra", "Quaffagate", StaffType.OFFICER,
            "Detective Chief Inspector", "SO15 Covert Operations", Set.of(RoleFlag.COVERT, RoleFlag.COUNTER_TERRORISM),
            VettingLevel.DV, ContactChannel.LETTER, "Police Federation", FORCE, NameRarity.UNIQUE);
    private static final String REASON = "Reason-7f3: covert role with photograph";
    private static final IncidentPerson PERSON = new IncidentPerson(INCIDENT.incidentId(), OFFICER.payNumber(), true,
            StaffType.OFFICER, FORCE, EnumSet.of(DataCategory.NAME, DataCategory.PHOTO, DataCategory.VETTING_LEVEL),
            new Assessment(4, 1, null, 4.5, Band.VERY_HIGH, List.of(REASON)), List.of(), List.of(), List.of(), List.of(),
            null, 0);

    private final Letters english = Letters.checked(new LetterSettings(List.of("en"), DPO), FORCE, POLICY);

    /** Every template id × channel the default policy can choose, for both kinds of notice. */
    static Stream<Arguments> everyNoticeTemplate() {
        List<Arguments> all = new ArrayList<>();
        for (Band band : Band.values()) {
            ContactChannel channel = POLICY.channelFor(band);
            if (channel == ContactChannel.NONE) {
                continue;
            }
            for (ContactChannel reachable : ContactChannel.values()) {
                if (reachable.compareTo(channel) >= 0) {
                    for (NoticeKind kind : NoticeKind.values()) {
                        all.add(Arguments.of(band, reachable, kind));
                    }
                }
            }
        }
        return all.stream();
    }

    private static PersonNotice notice(Band band, ContactChannel channel, NoticeKind kind) {
        return PersonNotice.planned(PersonNotice.idFor(INCIDENT.incidentId(), OFFICER.payNumber(), kind, band), kind,
                band, channel, POLICY.templateFor(band), band.atLeast(POLICY.noticeAtOrAbove()), "BT-00000000000000a1", 0,
                AWARE, 0, false);
    }

    private static List<String> forbidden(ContactChannel channel) {
        Set<Detail> allowed = ChannelSafety.allowed(channel);
        List<String> words = new ArrayList<>();
        if (!allowed.contains(Detail.SURNAME)) {
            words.add(OFFICER.surname());
        }
        if (!allowed.contains(Detail.RANK)) {
            words.add(OFFICER.rank());
        }
        if (!allowed.contains(Detail.UNIT)) {
            words.add(OFFICER.unit());
        }
        if (!allowed.contains(Detail.ROLES)) {
            words.addAll(List.of("covert", "Covert", "counter-terrorism", "Counter-terrorism", "COVERT"));
        }
        if (!allowed.contains(Detail.VETTING_LEVEL)) {
            words.add("DV");
        }
        if (!allowed.contains(Detail.REASONS)) {
            words.add("Reason-7f3");
        }
        return words;
    }

    /** A victim of a force's own disclosure (no supplier was breached), told by every template and channel. */
    @ParameterizedTest(name = "{0} by {1}, {2}")
    @MethodSource("everyNoticeTemplate")
    void aLetterToSomeoneOutsideTheWorkforceStatesOnlyWhatIsTrueOfAnyBreach(Band band, ContactChannel channel,
                                                                              NoticeKind kind) {
        IncidentPerson victim = new IncidentPerson(INCIDENT.incidentId(), "VICTIM:NS-V-0001", false, null, null,
                EnumSet.of(DataCategory.NAME, DataCategory.HOME_ADDRESS), new Assessment(4, 1, null, 4.5, band,
                List.of()), List.of(), List.of(), List.of(), List.of(), null, 0);
        PersonNotice notice = PersonNotice.planned(PersonNotice.idFor(INCIDENT.incidentId(), victim.payNumber(), kind,
                band), kind, band, channel, POLICY.templateFor(band), band.atLeast(POLICY.noticeAtOrAbove()),
                "BT-00000000000000a1", 0, AWARE, 0, false);
        String text = english.forNotice(INCIDENT, victim, notice, null).text();
        for (String untrue : List.of("has told us that its systems were breached", "connections to our systems",
                "National Crime Agency", "a company that held information", "one of our suppliers",
                "that the company held")) {
            assertFalse(text.contains(untrue), "not true of a force's own disclosure: '" + untrue + "':\n" + text);
        }
        if (text.contains("What happened") || channel == ContactChannel.LETTER) {
            assertTrue(text.contains("Information we hold about you was disclosed without authorisation"), text);
        }
        assertFalse(text.contains("{{") || text.contains("}}"), "no tag left unrendered:\n" + text);
    }

    @ParameterizedTest(name = "{0} by {1}, {2}")
    @MethodSource("everyNoticeTemplate")
    void eachChannelSaysOnlyWhatItMay(Band band, ContactChannel channel, NoticeKind kind) {
        String text = english.forNotice(INCIDENT, PERSON, notice(band, channel, kind), OFFICER).text();

        for (String word : forbidden(channel)) {
            boolean found = word.equals("DV") ? Pattern.compile("\\bDV\\b").matcher(text).find() : text.contains(word);
            assertFalse(found, channel + " text must not contain '" + word + "':\n" + text);
        }
        assertTrue(text.contains("Alexandra"), "every notice names its reader:\n" + text);
        assertTrue(text.contains("dpo@example.org") && text.contains("Jo Bloggs"), "the contact point:\n" + text);
        assertTrue(text.contains("Acme ID Cards Ltd"), "the nature of the breach:\n" + text);
        assertTrue(text.contains("What you can do now"), "advice on what to do:\n" + text);
        assertFalse(text.contains("{{") || text.contains("}}"), "no tag left unrendered:\n" + text);
    }

    @Test
    void theInPersonBriefSaysWhyForTheOfficerWhoTellsThem() {
        String brief = english.forNotice(INCIDENT, PERSON, notice(Band.VERY_HIGH, ContactChannel.IN_PERSON,
                NoticeKind.INITIAL), OFFICER).text();
        assertTrue(brief.contains("Detective Chief Inspector"), brief);
        assertTrue(brief.contains("covert counter-terrorism") || brief.contains("counter-terrorism covert"), brief);
        assertTrue(brief.contains("Vetting level: DV"), brief);
        assertTrue(brief.contains(REASON), brief);
        assertTrue(brief.contains("- your vetting level"), "and which of their details leaked:\n" + brief);
    }

    @Test
    void aLetterListsTheirLeakedDetailsAndAnEscalationSaysTheRiskRose() {
        String letter = english.forNotice(INCIDENT, PERSON, notice(Band.HIGH, ContactChannel.LETTER,
                NoticeKind.ESCALATION), OFFICER).text();
        assertTrue(letter.contains("Dear Alexandra Quaffagate,"), letter);
        assertTrue(letter.contains("- your photograph"), letter);
        assertTrue(letter.contains("we now think the risk to you is higher"), letter);
        assertFalse(letter.contains("A data breach that affects you"), "the initial letter's heading is not there");
    }

    @Test
    void someoneNotInTheStaffTableIsAddressedAsColleague() {
        String email = english.forNotice(INCIDENT, PERSON, notice(Band.MEDIUM, ContactChannel.EMAIL, NoticeKind.INITIAL),
                null).text();
        assertTrue(email.contains("Dear colleague,"), email);
    }

    @Test
    void theGeneralCommunicationNamesNobody() {
        Letters.Letter general = english.general(INCIDENT, POLICY.generalCommunicationTemplate());
        assertEquals("letters/IN-00000000000000aa/general-communication.txt", general.key());
        assertTrue(general.text().startsWith("To everyone who works for " + FORCE), general.text());
        assertFalse(general.text().contains(OFFICER.surname()));
        assertFalse(general.text().contains("Alexandra"));
    }

    @Test
    void aLanguageIsAFolderOfFilesAndEveryLetterComesInEachLanguageInOrder() {
        Letters bilingual = Letters.checked(new LetterSettings(List.of("zz", "en"), DPO), FORCE, POLICY);
        String text = bilingual.forNotice(INCIDENT, PERSON, notice(Band.HIGH, ContactChannel.LETTER, NoticeKind.INITIAL),
                OFFICER).text();
        int test = text.indexOf("[zz] art34-high-v1/letter: Alexandra");
        int en = text.indexOf("A data breach that affects you");
        assertTrue(test >= 0 && en > test, "the test language first, then English:\n" + text);
    }

    @Test
    void aLanguageWithoutEveryTemplateIsRefusedNamingWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Letters.checked(new LetterSettings(List.of("en", "xx"), DPO), FORCE, POLICY));
        assertTrue(e.getMessage().contains("letters/xx/art34-very-high-v1/in_person.mustache"), e.getMessage());
        assertTrue(e.getMessage().contains("letters/xx/general-staff-v1/general.mustache"), e.getMessage());
        assertFalse(e.getMessage().contains("letters/en/"), "English is complete: " + e.getMessage());
        assertEquals(List.of(), LetterTemplates.of(List.of("en", "zz")).missing(POLICY));
    }

    @Test
    void htmlEscapesEverythingAndKeepsParagraphs() {
        String page = Letters.html("Letter <1>", "Dear <b>Jo</b> & co,\n\nSecond \"para\".");
        assertTrue(page.contains("<title>Letter &lt;1&gt;</title>"), page);
        assertTrue(page.contains("<p>Dear &lt;b&gt;Jo&lt;/b&gt; &amp; co,</p>"), page);
        assertTrue(page.contains("<p>Second &quot;para&quot;.</p>"), page);
    }

    @Test
    void settingsComeFromTheEnvironment() {
        LetterSettings set = LetterSettings.fromEnvironment(Map.of("TRIAGE_LETTER_LANGUAGES", " CY, en ",
                "TRIAGE_DPO_NAME", "Jo Bloggs", "TRIAGE_DPO_EMAIL", "dpo@example.org"), FORCE);
        assertEquals(List.of("cy", "en"), set.languages());
        assertEquals("Jo Bloggs", set.dpo().name());
        assertFalse(set.dpo().placeholder());
        LetterSettings none = LetterSettings.fromEnvironment(Map.of(), FORCE);
        assertEquals(List.of("en"), none.languages());
        assertTrue(none.dpo().placeholder(), "no DPO configured: a visible placeholder");
    }
}
