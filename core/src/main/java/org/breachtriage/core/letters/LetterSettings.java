package org.breachtriage.core.letters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.breachtriage.core.report.DpoContact;

/**
 * What a deployment chooses for the words people read: the languages of every letter, in order (a
 * Welsh force writes {@code cy,en}: Welsh first, then English), and the contact point it gives, the
 * Data Protection Officer.
 */
public record LetterSettings(List<String> languages, DpoContact dpo) {

    public static final String LANGUAGES_VARIABLE = "TRIAGE_LETTER_LANGUAGES";
    public static final String DPO_NAME_VARIABLE = "TRIAGE_DPO_NAME";
    public static final String DPO_EMAIL_VARIABLE = "TRIAGE_DPO_EMAIL";
    public static final String DPO_PHONE_VARIABLE = "TRIAGE_DPO_PHONE";

    public LetterSettings {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("letters need at least one language");
        }
    }

    /** English, and the force's DPO as a visible placeholder. */
    public static LetterSettings defaults(String force) {
        return new LetterSettings(List.of("en"), DpoContact.placeholder(force));
    }

    /**
     * {@code TRIAGE_LETTER_LANGUAGES} (comma-separated, default {@code en}) and the DPO from
     * {@code TRIAGE_DPO_NAME}, {@code TRIAGE_DPO_EMAIL}, {@code TRIAGE_DPO_PHONE} (a placeholder naming the
     * force while no name is set).
     */
    public static LetterSettings fromEnvironment(Map<String, String> env, String force) {
        String languages = env.getOrDefault(LANGUAGES_VARIABLE, "en");
        List<String> list = Arrays.stream(languages.split(",")).map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.toLowerCase(Locale.ROOT)).toList();
        String name = env.get(DPO_NAME_VARIABLE);
        DpoContact dpo = name == null || name.isBlank() ? DpoContact.placeholder(force)
                : DpoContact.of(name, null, env.get(DPO_EMAIL_VARIABLE), env.get(DPO_PHONE_VARIABLE));
        return new LetterSettings(list.isEmpty() ? List.of("en") : list, dpo);
    }
}
