package org.breachtriage.core.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Incident ids: {@code IN-} and 16 hex digits, so a command can tell one from a case id ({@code BT-…}).
 * Every manifest naming the same force and incident reference joins the same incident; the
 * comparison ignores case and runs of white space, because a supplier types "INC-2023-0826" once
 * and "inc-2023-0826 " the next time. A manifest with no reference is an incident of its own,
 * derived from its case id.
 */
public final class IncidentIds {
    public static final String PREFIX = "IN-";
    private static final int HEX_CHARS = 16;

    private IncidentIds() {
    }

    /** The incident of a referenced manifest. */
    public static String derive(String force, String reference) {
        return hash("incident\n" + normalise(force) + "\n" + normalise(reference));
    }

    /** The incident of a manifest that names no reference: itself alone. */
    public static String ofOwnManifest(String caseId) {
        return hash("manifest\n" + caseId);
    }

    public static boolean looksValid(String text) {
        return text != null && text.matches("IN-[0-9a-f]{" + HEX_CHARS + "}");
    }

    static String normalise(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
