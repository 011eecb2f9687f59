package dev.stowage.kube.volumes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns free text (backup names, node names) into what Kubernetes accepts in a label value or an
 * object name. Text that fits is kept as is, so labels stay readable; text that does not is cut and
 * given a hash of the whole, so two long names never share a label.
 */
public final class KubeNames {

    /** Label values and DNS-1123 labels (Job names, which become pod labels) are at most 63 characters. */
    public static final int MAX_LABEL = 63;

    private KubeNames() {
    }

    /** A valid label value: {@code [A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?}, at most 63 characters. */
    public static String labelValue(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "-");
        cleaned = trimNonAlphanumeric(cleaned);
        if (cleaned.equals(text) && text.length() <= MAX_LABEL && !text.isEmpty()) {
            return text;
        }
        return shorten(cleaned, MAX_LABEL, text);
    }

    /**
     * A DNS-1123 label (lowercase letters, digits and '-', starting and ending alphanumeric) of at most
     * {@code max} characters, built from {@code text}.
     */
    public static String dnsLabel(String text, int max) {
        String cleaned = trimNonAlphanumeric(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"));
        if (cleaned.equals(text) && text.length() <= max && !text.isEmpty()) {
            return text;
        }
        return shorten(cleaned, max, text);
    }

    /** The first hex digits of SHA-256 of the text: a short, stable tag for it. */
    public static String hash(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String shorten(String cleaned, int max, String original) {
        String tag = hash(original, 8);
        int keep = Math.max(0, max - tag.length() - 1);
        String head = trimNonAlphanumeric(cleaned.substring(0, Math.min(keep, cleaned.length())));
        return head.isEmpty() ? tag : head + "-" + tag;
    }

    private static String trimNonAlphanumeric(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
