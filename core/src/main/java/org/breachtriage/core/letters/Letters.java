package org.breachtriage.core.letters;

import java.util.List;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * The words people read (Art. 34(2)): one person's notice, or the general staff communication,
 * rendered from the templates in every configured language. Rendered when a notice is released,
 * never while scoring; kept in the object store under {@code letters/<incident>/}, which only the
 * releasing function and the notice sender may read. The message on the topic carries the key, not
 * the text.
 */
public final class Letters {
    public static final String PREFIX = "letters/";
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    /** One rendered text and where it is kept. */
    public record Letter(String key, String text) {
    }

    private final LetterTemplates templates;
    private final LetterSettings settings;
    private final String force;

    public Letters(LetterTemplates templates, LetterSettings settings, String force) {
        this.templates = templates;
        this.settings = settings;
        this.force = force;
    }

    /** Letters for these settings, refusing a template set that lacks a file the policy can ask for. */
    public static Letters checked(LetterSettings settings, String force, ScoringPolicy policy) {
        LetterTemplates templates = LetterTemplates.of(settings.languages());
        List<String> missing = templates.missing(policy);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("letter templates missing for policy " + policy.version() + " in "
                    + settings.languages() + ": " + String.join(", ", missing));
        }
        return new Letters(templates, settings, force);
    }

    public static String noticeKey(String incidentId, String noticeId) {
        return PREFIX + incidentId + "/" + noticeId + ".txt";
    }

    public static String generalKey(String incidentId) {
        return PREFIX + incidentId + "/general-communication.txt";
    }

    public LetterSettings settings() {
        return settings;
    }

    /** One person's notice, by its channel's template; {@code member} null for someone not in the staff table. */
    public Letter forNotice(IncidentRecord incident, IncidentPerson person, PersonNotice notice, StaffMember member) {
        String text = templates.render(notice.templateId(), LetterTemplates.channelName(notice.channel()),
                LetterModel.forNotice(incident, person, notice, member, force, settings.dpo()));
        return new Letter(noticeKey(incident.incidentId(), notice.noticeId()), text);
    }

    /** The incident's general staff communication: no personal data at all. */
    public Letter general(IncidentRecord incident, String templateId) {
        String text = templates.render(templateId, LetterTemplates.GENERAL,
                LetterModel.common(incident, force, settings.dpo()));
        return new Letter(generalKey(incident.incidentId()), text);
    }

    /** A text as one self-contained HTML page, every character escaped, one paragraph per blank-line block. */
    public static String html(String title, String text) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto;"
                        + "line-height:1.5}</style></head><body>\n");
        for (String block : text.strip().split("\\n\\s*\\n")) {
            page.append("<p>").append(escape(block).replace("\n", "<br>\n")).append("</p>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
