package org.breachtriage.core.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Case ids come from where a manifest came from and which version of it, so a re-delivered S3 event
 * or a re-run of the same file finds the same case, while a corrected upload opens a new one.
 */
public final class CaseIds {
    private static final String PREFIX = "BT-";
    private static final int HEX_CHARS = 16;

    private CaseIds() {
    }

    /**
     * @param source  where it came from: an object key, or a file name
     * @param version the S3 version id or ETag, or a SHA-256 of the content
     */
    public static String derive(String source, String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((source + "\n" + version).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** True for strings shaped like a case id, so CLI arguments can be checked before any lookup. */
    public static boolean looksValid(String text) {
        return text != null && text.matches("BT-[0-9a-f]{" + HEX_CHARS + "}");
    }
}
