package org.breachtriage.core.letters;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.report.DpoContact;

/**
 * What a template may print, as the map Mustache reads. It holds only the details the channel
 * allows ({@link ChannelSafety}); a template that names anything else prints nothing there. Words
 * stay in the templates (per language): the model gives keys and values, e.g. {@code exposed.PHOTO}
 * is true, and the template says "your photograph".
 */
final class LetterModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
            .withZone(ZoneOffset.UTC);

    private LetterModel() {
    }

    /** The incident, the force and its contact point: what every text, the general one included, may say. */
    static Map<String, Object> common(IncidentRecord incident, String force, DpoContact dpo) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("force", force);
        model.put("supplier", incident.supplier());
        model.put("reference", incident.reference());
        model.put("awareDate", DATE.format(incident.earliestAwareAt()));
        String who = dpo.name().contains(dpo.role()) ? dpo.name() : dpo.name() + " (" + dpo.role() + ")";
        model.put("dpo", Map.of("name", dpo.name(), "role", dpo.role(), "who", who, "email", dpo.email(),
                "phone", dpo.phone()));
        return model;
    }

    /** One person's notice: the common part, the notice's kind and band, and the details its channel allows. */
    static Map<String, Object> forNotice(IncidentRecord incident, IncidentPerson person, PersonNotice notice,
                                         StaffMember member, String force, DpoContact dpo) {
        Map<String, Object> model = common(incident, force, dpo);
        Set<Detail> allowed = ChannelSafety.allowed(notice.channel());
        model.put("initial", notice.kind() == NoticeKind.INITIAL);
        model.put("escalation", notice.kind() == NoticeKind.ESCALATION);
        model.put("art34", notice.art34());
        model.put("information", !notice.art34());
        // The provision the notice cites, and whether the reader is one of the force's own people: a
        // victim or witness is not written to as a colleague.
        boolean s68 = IncidentRegime.forNotice(incident.regime(), person.subjectType()) == Regime.DPA_2018_PART_3;
        model.put("provision", s68 ? "section 68 of the Data Protection Act 2018" : "UK GDPR Article 34");
        model.put("provisionShort", s68 ? "s.68" : "Art. 34");
        model.put("workforce", person.subjectType().staff());
        model.put("band", flags(notice.band()));
        model.put("noticeReference", incident.incidentId() + " / " + notice.kind().wireName() + " / " + notice.band());
        if (member != null && allowed.contains(Detail.FORENAME) && present(member.forename())) {
            model.put("forename", member.forename().trim());
        }
        if (member != null && allowed.contains(Detail.SURNAME) && present(member.surname())) {
            model.put("surname", member.surname().trim());
        }
        if (allowed.contains(Detail.EXPOSED_CATEGORIES)) {
            Map<String, Boolean> exposed = new LinkedHashMap<>();
            for (DataCategory category : DataCategory.values()) {
                if (person.exposed().contains(category)) {
                    exposed.put(category.name(), true);
                }
            }
            model.put("exposed", exposed);
            model.put("hasExposed", !exposed.isEmpty());
        }
        if (member != null && allowed.contains(Detail.RANK) && present(member.rank())) {
            model.put("rank", member.rank());
        }
        if (member != null && allowed.contains(Detail.UNIT) && present(member.unit())) {
            model.put("unit", member.unit());
        }
        if (member != null && allowed.contains(Detail.ROLES) && !member.roleFlags().isEmpty()) {
            Map<String, Boolean> roles = new LinkedHashMap<>();
            for (RoleFlag flag : member.roleFlags()) {
                roles.put(flag.name(), true);
            }
            model.put("roles", roles);
        }
        if (member != null && allowed.contains(Detail.VETTING_LEVEL) && member.vettingLevel() != null) {
            model.put("vettingLevel", member.vettingLevel().name());
        }
        if (allowed.contains(Detail.REASONS)) {
            List<String> reasons = person.assessment().reasons();
            model.put("reasons", reasons);
            model.put("hasReasons", !reasons.isEmpty());
        }
        return model;
    }

    private static Map<String, Boolean> flags(Band band) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put(band.name(), true);
        return flags;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
