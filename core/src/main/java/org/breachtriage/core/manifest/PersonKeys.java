package org.breachtriage.core.manifest;

import java.util.Locale;
import org.breachtriage.core.model.SubjectType;

/**
 * The key a person is stored under in an incident: a staff member's pay number, or, for anyone else,
 * their subject type and the manifest's {@code subject_ref}, as {@code VICTIM:NS-V-0001}. A pay number
 * never holds ':', so the two key spaces cannot meet: victim "12345" is {@code VICTIM:12345}, never pay
 * number 12345. Each non-staff type is a namespace of its own, because a supplier's reference scheme may
 * number victims and witnesses apart.
 */
public final class PersonKeys {
    private static final char SEPARATOR = ':';

    private PersonKeys() {
    }

    /** The stored key of a non-staff subject; {@code ref} must be valid ({@link PayNumbers#problem} null). */
    public static String subject(SubjectType type, String ref) {
        if (type.staff()) {
            throw new IllegalArgumentException("a staff member is keyed by pay number, not subject_ref");
        }
        return type.name() + SEPARATOR + PayNumbers.canonical(ref);
    }

    /**
     * Why {@code key} is not a stored person key (a valid pay number, or a non-staff type, ':' and a valid
     * subject_ref), or null when it is: for keys that arrive in messages.
     */
    public static String problem(String key) {
        if (key == null) {
            return "person key missing";
        }
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            return PayNumbers.problem(key);
        }
        String prefix = key.substring(0, at);
        boolean known = false;
        for (SubjectType type : SubjectType.values()) {
            known |= !type.staff() && type.name().equals(prefix);
        }
        return known ? PayNumbers.subjectRefProblem(key.substring(at + 1))
                : "a person key is a pay number or one of VICTIM, WITNESS, SUSPECT, OTHER, ':' and a subject_ref";
    }

    /** The subject type a stored key belongs to: STAFF for a pay number. */
    public static SubjectType subjectType(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? SubjectType.STAFF : SubjectType.valueOf(key.substring(0, at));
    }

    /** The pay number or subject_ref the key was made from. */
    public static String ref(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    /**
     * The key an operator means by {@code given}: a pay number, or a subject type and subject_ref
     * ({@code VICTIM:NS-V-0001}, any case).
     *
     * @throws IllegalArgumentException for a prefix that is no non-staff subject type, naming the types
     */
    public static String fromArgument(String given) {
        String trimmed = given.trim();
        int at = trimmed.indexOf(SEPARATOR);
        if (at < 0) {
            return trimmed.toUpperCase(Locale.ROOT);
        }
        String prefix = trimmed.substring(0, at).trim().toUpperCase(Locale.ROOT);
        for (SubjectType type : SubjectType.values()) {
            if (!type.staff() && type.name().equals(prefix)) {
                return type.name() + SEPARATOR + trimmed.substring(at + 1).trim().toUpperCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException("a person is a pay number, or a subject type and subject_ref such as"
                + " VICTIM:REF; the part before ':' must be one of VICTIM, WITNESS, SUSPECT, OTHER");
    }

    /** How a key is named in a message: "pay number X" or "VICTIM X". */
    public static String describe(String key) {
        SubjectType type = subjectType(key);
        return type.staff() ? "pay number " + key : type.name() + " subject " + ref(key);
    }
}
