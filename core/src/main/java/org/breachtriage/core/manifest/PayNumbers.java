package org.breachtriage.core.manifest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one rule for pay numbers, shared by manifests and the staff roster so that both sides of a
 * match are spelled the same way: trimmed, 1–32 characters of ASCII letters, digits or '-',
 * upper-cased (so matching is case-insensitive).
 */
public final class PayNumbers {
    public static final int MAX_LENGTH = 32;
    /** Header names and JSON keys accepted for the pay number, besides {@code pay_number}. */
    public static final List<String> ALIASES =
            List.of("payNumber", "pay_no", "staff_number", "service_number", "employee_id");
    public static final String RULE =
            "a pay number must be 1-" + MAX_LENGTH + " characters of letters A-Z, digits 0-9 or '-'";

    private PayNumbers() {
    }

    /** Every accepted column name, canonical first, for messages. */
    public static List<String> columnNames() {
        return Stream.concat(Stream.of("pay_number"), ALIASES.stream()).toList();
    }

    /**
     * Why {@code raw} is not a usable pay number, or null when it is.
     */
    public static String problem(String raw) {
        return problem(raw, "pay number", RULE);
    }

    /** The same rule for a non-staff subject's {@code subject_ref}, so either key is spelled one way. */
    public static final String SUBJECT_REF_RULE =
            "a subject_ref must be 1-" + MAX_LENGTH + " characters of letters A-Z, digits 0-9 or '-'";

    /** Why {@code raw} is not a usable subject_ref, or null when it is. */
    public static String subjectRefProblem(String raw) {
        return problem(raw, "subject_ref", SUBJECT_REF_RULE);
    }

    private static String problem(String raw, String what, String rule) {
        if (raw == null) {
            return what + " missing";
        }
        String trimmed = raw.trim();
        if (trimmed.isEmpty()) {
            return what + " is blank";
        }
        if (trimmed.length() > MAX_LENGTH) {
            return rule + "; this one is " + trimmed.length() + " characters long";
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                return rule + "; this one contains " + describe(c);
            }
        }
        return null;
    }

    /** The stored form of a valid pay number: trimmed and upper-cased. */
    public static String canonical(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("the control character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
