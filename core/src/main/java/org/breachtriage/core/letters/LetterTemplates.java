package org.breachtriage.core.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * The versioned letter templates, Mustache files on the class path (the part of Mustache {@link LetterTemplate}
 * reads):
 * {@code letters/<language>/<templateId>/<channel>.mustache}, where the template id is the policy's
 * ({@code art34-high-v1}) and the channel is {@code email}, {@code letter}, {@code phone} (the
 * caller's script), {@code in_person} (the brief for whoever tells the person) or {@code general}
 * (the general staff communication). Shared paragraphs are partials under
 * {@code letters/<language>/partials/}. Adding a language is adding its folder.
 *
 * <p>The output is plain text, so nothing is HTML-escaped here; {@link Letters#html} escapes when it
 * makes a page.
 */
public final class LetterTemplates {
    static final String ROOT = "letters";
    /** The template of a band whose channel is NONE: the general staff communication. */
    public static final String GENERAL = "general";

    private final List<String> languages;
    /** Parsed templates by path, each read once and shared by every thread. */
    private final Map<String, LetterTemplate> parsed = new ConcurrentHashMap<>();

    private LetterTemplates(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    /** The templates of these languages, on the class path. */
    public static LetterTemplates of(List<String> languages) {
        return new LetterTemplates(languages);
    }

    public List<String> languages() {
        return languages;
    }

    /** The file name part for a channel: {@code email}, {@code in_person}, … ({@code general} for NONE). */
    public static String channelName(ContactChannel channel) {
        return channel == ContactChannel.NONE ? GENERAL : channel.name().toLowerCase(Locale.ROOT);
    }

    static String path(String language, String templateId, String channelName) {
        return language + "/" + templateId + "/" + channelName + ".mustache";
    }

    /** The text in every language, in order, a rule between them. */
    public String render(String templateId, String channelName, Map<String, Object> model) {
        List<String> parts = new ArrayList<>();
        for (String language : languages) {
            String path = ROOT + "/" + path(language, templateId, channelName);
            LetterTemplate template = parsed.computeIfAbsent(path, LetterTemplate::load);
            if (template == null) {
                throw new IllegalStateException("no letter template " + path + " on the class path (language " + language + ")");
            }
            // Sized for a whole letter (about 2 KB), and tidied from the builder itself, not from a copy of it.
            StringBuilder text = new StringBuilder(4096);
            template.render(model, text);
            if (languages.size() == 1) {
                return tidy(text, true); // what the join below gives for one language, in one copy
            }
            parts.add(tidy(text));
        }
        return String.join("\n\n" + "-".repeat(40) + "\n\n", parts) + "\n";
    }

    /**
     * The templates the policy can ask for that are missing, as paths: for every language, every band
     * that sends a message, the band's channel and every more personal one (a person's preference can
     * choose it), and the general communication. Empty when the set is complete.
     */
    public List<String> missing(ScoringPolicy policy) {
        List<String> missing = new ArrayList<>();
        for (String language : languages) {
            check(missing, language, policy.generalCommunicationTemplate(), GENERAL);
            for (Band band : Band.values()) {
                ContactChannel channel = policy.channelFor(band);
                if (channel == ContactChannel.NONE) {
                    continue;
                }
                for (ContactChannel reachable : ContactChannel.values()) {
                    if (reachable.compareTo(channel) >= 0) {
                        check(missing, language, policy.templateFor(band), channelName(reachable));
                    }
                }
            }
        }
        return missing;
    }

    private void check(List<String> missing, String language, String templateId, String channelName) {
        String path = ROOT + "/" + path(language, templateId, channelName);
        if (LetterTemplates.class.getClassLoader().getResource(path) == null && !missing.contains(path)) {
            missing.add(path);
        }
    }

    /**
     * Blank lines left by sections that rendered nothing collapse to one; no trailing spaces. One pass
     * by hand rather than two regular expressions (they were a quarter of the release step's time in the
     * benchmark's profile), copying each line's text in one piece rather than a character at a time (the
     * copying was most of what remained).
     */
    static String tidy(CharSequence text) {
        return tidy(text, false);
    }

    /**
     * @param newline whether the text ends with one newline: {@code tidy(text) + "\n"}, copied out of the builder
     *                once instead of three times (stripped, then joined); letters were a fifth of a million-row
     *                run's allocation
     */
    static String tidy(CharSequence text, boolean newline) {
        StringBuilder out = new StringBuilder(text.length() + 1);
        int newlines = 0;
        int n = text.length();
        int from = 0;
        while (from <= n) {
            int end = from;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            int last = end; // spaces and tabs before the end of a line go
            while (last > from && isBlank(text.charAt(last - 1))) {
                last--;
            }
            if (last > from) {
                out.repeat('\n', Math.min(newlines, 2));
                newlines = 0;
                out.append(text, from, last);
            }
            if (end == n) {
                break;
            }
            newlines++;
            from = end + 1;
        }
        // strip(): whitespace of any kind, as Character.isWhitespace judges it, off both ends
        int start = 0;
        int end = out.length();
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        if (newline) {
            out.append('\n');
        }
        return out.substring(start);
    }

    /** A space or a tab: what tidying takes off a line's end, and what may stand beside a tag alone on its line. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
