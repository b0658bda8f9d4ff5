package org.breachtriage.core.scoring;

import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.model.VettingLevel;

/**
 * Reads a vetting level the way suppliers write it in a manifest echo: "SC", "sc cleared",
 * "Security Check", "NPPV 2A", "nppv-l3", "Developed Vetting". Unknown text gives null rather than an
 * error: the echo is a hint about an unmatched person, and a bad hint must not lose the row.
 */
public final class VettingLevelText {
    private static final Map<String, VettingLevel> ALIASES = new HashMap<>();
    /** Words suppliers append to a level ("SC cleared", "DV vetted") that carry no meaning of their own. */
    private static final String[] NOISE_SUFFIXES = {"CLEARED", "CLEARANCE", "VETTED", "VETTING"};

    static {
        for (VettingLevel level : VettingLevel.values()) {
            ALIASES.put(level.name(), level);
        }
        alias(VettingLevel.RV, "RECRUITMENTVETTING", "RECRUITMENT");
        alias(VettingLevel.MV, "MANAGEMENTVETTING", "MANAGEMENT");
        alias(VettingLevel.NPPV1, "NPPVL1", "NPPVLEVEL1");
        // "NPPV2" without A/F: either way the level is not MV/SC/DV, so the lower one is safe to pick.
        alias(VettingLevel.NPPV2A, "NPPVL2A", "NPPVLEVEL2A", "NPPV2", "NPPVL2", "NPPVLEVEL2", "NPPV2ABBREVIATED");
        alias(VettingLevel.NPPV2F, "NPPVL2F", "NPPVLEVEL2F", "NPPV2FULL");
        alias(VettingLevel.NPPV3, "NPPVL3", "NPPVLEVEL3");
        alias(VettingLevel.CTC, "COUNTERTERRORISTCHECK", "COUNTERTERRORISMCHECK");
        alias(VettingLevel.SC, "SECURITYCHECK", "SECURITYCLEARANCE", "ESC", "ENHANCEDSC");
        alias(VettingLevel.DV, "DEVELOPEDVETTING", "DEVELOPED", "EDV", "ENHANCEDDV");
    }

    private VettingLevelText() {
    }

    private static void alias(VettingLevel level, String... spellings) {
        for (String spelling : spellings) {
            ALIASES.put(spelling, level);
        }
    }

    /** The level the text names, or null when it is blank or not recognised. */
    public static VettingLevel parse(String text) {
        if (text == null) {
            return null;
        }
        String key = lettersAndDigits(text);
        if (key.isEmpty()) {
            return null;
        }
        VettingLevel level = ALIASES.get(key);
        if (level != null) {
            return level;
        }
        for (String suffix : NOISE_SUFFIXES) {
            if (key.length() > suffix.length() && key.endsWith(suffix)) {
                level = ALIASES.get(key.substring(0, key.length() - suffix.length()));
                if (level != null) {
                    return level;
                }
            }
        }
        return null;
    }

    /** Upper-case letters and digits only, so blanks, hyphens, dots and case do not matter. */
    private static String lettersAndDigits(String text) {
        if (alreadyKey(text)) {
            return text; // "SC", "NPPV2A": what most echoes are; the scorer asks for every sighting
        }
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                key.append((char) (c - 'a' + 'A'));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean alreadyKey(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
