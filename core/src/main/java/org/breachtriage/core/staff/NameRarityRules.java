package org.breachtriage.core.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.breachtriage.core.model.NameRarity;

/**
 * How easily a name singles someone out, from name frequencies within the roster and nothing else
 * (never from ethnicity or any guess about origin). Names are compared case-insensitively, with
 * surrounding blanks trimmed and inner runs of blanks read as one space.
 *
 * <p>With {@code full} = people sharing the exact forename and surname (the person included) and
 * {@code surname} = people holding the surname (the person included):
 * <ul>
 *   <li>{@link NameRarity#UNIQUE}: {@code full == 1} and {@code surname <= }{@value #UNIQUE_MAX_SURNAME_HOLDERS}:
 *       the name alone finds this one person;</li>
 *   <li>{@link NameRarity#RARE}: {@code surname <= }{@value #RARE_MAX_SURNAME_HOLDERS}: a handful of candidates;</li>
 *   <li>{@link NameRarity#UNCOMMON}: {@code surname <= max(}{@value #UNCOMMON_MIN_SURNAME_HOLDERS}{@code ,
 *       }{@value #UNCOMMON_MAX_SURNAME_SHARE}{@code  × roster size)}, i.e. at most 20 people or 0.05% of the
 *       roster, whichever is larger (125 people in a roster of 250,000);</li>
 *   <li>{@link NameRarity#COMMON}: anything more frequent.</li>
 * </ul>
 * The share keeps the bands meaningful for a large force; the floor keeps them meaningful for a small one.
 */
public final class NameRarityRules {
    /** UNIQUE needs the full name to be unshared and the surname held by at most this many people. */
    public static final int UNIQUE_MAX_SURNAME_HOLDERS = 2;
    /** RARE: the surname is held by at most this many people. */
    public static final int RARE_MAX_SURNAME_HOLDERS = 5;
    /** UNCOMMON: the surname is held by at most this many people, in any roster... */
    public static final int UNCOMMON_MIN_SURNAME_HOLDERS = 20;
    /** ...or by at most this share of the roster, when that is more (0.05%). */
    public static final double UNCOMMON_MAX_SURNAME_SHARE = 0.0005;

    private NameRarityRules() {
    }

    /**
     * @param fullNameHolders people with this forename and surname, the person included (≥ 1)
     * @param surnameHolders  people with this surname, the person included (≥ fullNameHolders)
     * @param rosterSize      people in the roster
     */
    public static NameRarity classify(int fullNameHolders, int surnameHolders, int rosterSize) {
        if (fullNameHolders == 1 && surnameHolders <= UNIQUE_MAX_SURNAME_HOLDERS) {
            return NameRarity.UNIQUE;
        }
        if (surnameHolders <= RARE_MAX_SURNAME_HOLDERS) {
            return NameRarity.RARE;
        }
        if (surnameHolders <= uncommonLimit(rosterSize)) {
            return NameRarity.UNCOMMON;
        }
        return NameRarity.COMMON;
    }

    /** The most surname holders an UNCOMMON name may have in a roster of this size. */
    public static long uncommonLimit(int rosterSize) {
        return Math.max(UNCOMMON_MIN_SURNAME_HOLDERS, (long) Math.floor(UNCOMMON_MAX_SURNAME_SHARE * rosterSize));
    }

    /** A person's name as given in the roster. */
    public record Name(String forename, String surname) {
    }

    /** The rarity of each name, in the same order, counted over exactly these names. */
    public static NameRarity[] classifyAll(List<Name> names) {
        Map<String, Integer> surnames = new HashMap<>(names.size() * 2);
        Map<String, Integer> fullNames = new HashMap<>(names.size() * 2);
        String[] surnameKeys = new String[names.size()];
        String[] fullNameKeys = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Name name = names.get(i);
            surnameKeys[i] = key(name.surname());
            fullNameKeys[i] = key(name.forename()) + '\u0001' + surnameKeys[i];
            surnames.merge(surnameKeys[i], 1, Integer::sum);
            fullNames.merge(fullNameKeys[i], 1, Integer::sum);
        }
        NameRarity[] rarities = new NameRarity[names.size()];
        for (int i = 0; i < rarities.length; i++) {
            rarities[i] = classify(fullNames.get(fullNameKeys[i]), surnames.get(surnameKeys[i]), names.size());
        }
        return rarities;
    }

    /** The comparison form of a name: trimmed, blank runs as one space, lower case. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.trim();
        StringBuilder key = new StringBuilder(trimmed.length());
        boolean inBlank = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!inBlank) {
                    key.append(' ');
                }
                inBlank = true;
            } else {
                key.append(c);
                inBlank = false;
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
