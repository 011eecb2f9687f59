package dev.stowage.repository.pack;

import dev.stowage.repository.content.BlobType;
import java.util.HexFormat;

/**
 * Where packs live: {@code data/<xy>/<hash>} for file content and {@code tree/<xy>/<hash>} for
 * directory trees, {@code hash} being the hex SHA-256 of the whole pack object and {@code xy} its first
 * two hex digits. Separate prefixes let a cache hold every tree pack whole (they are small) and let a
 * lister fetch one kind; the shard keeps directories of local stores small.
 */
public final class PackKeys {

    public static final int HASH_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private PackKeys() {
    }

    public static String prefix(BlobType type) {
        return switch (type) {
            case DATA -> "data/";
            case TREE -> "tree/";
        };
    }

    public static String keyOf(BlobType type, byte[] hash) {
        String hex = HEX.formatHex(hash);
        return prefix(type) + hex.substring(0, 2) + "/" + hex;
    }

    /** Whether {@code key} is shaped like a pack key (prefix, shard, 64 hex digits). */
    public static boolean isPackKey(String key) {
        return typeOf(key) != null && key.length() == 5 + 3 + 64 && key.charAt(7) == '/'
                && key.regionMatches(5, key, 8, 2) && isHex(key, 8);
    }

    /** The blob type a pack key's prefix stands for, or null for a key of no pack prefix. */
    public static BlobType typeOf(String key) {
        if (key.startsWith("data/")) {
            return BlobType.DATA;
        }
        if (key.startsWith("tree/")) {
            return BlobType.TREE;
        }
        return null;
    }

    /** The SHA-256 a pack key names. */
    public static byte[] hashOf(String key) {
        if (!isPackKey(key)) {
            throw new IllegalArgumentException("not a pack key: " + key);
        }
        return HEX.parseHex(key, 8, key.length());
    }

    private static boolean isHex(String key, int from) {
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
