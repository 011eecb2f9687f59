package dev.stowage.repository.documents;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.Documents;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.Payload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Documents under {@code documents/<collection>/<name>}, each sealed with the master key. The sealed
 * plaintext starts with the document's own key, checked on every read, so a document copied or
 * moved to another name by someone with write access to the bucket is refused rather than
 * believed. A put is one object-store put, so a reader sees the old or the new document whole.
 *
 * <p>Collection and document names appear in object keys, unencrypted: keep them to what may be
 * seen (backup names, not their contents).
 */
public final class SealedDocuments implements Documents {
    public static final String PREFIX = "documents/";
    private static final int FORMAT = 1;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,199}");

    private final ContentStore content;

    public SealedDocuments(ContentStore content) {
        this.content = content;
    }

    @Override
    public void put(String collection, String name, byte[] document) {
        String key = key(collection, name);
        content.objectStore().put(key, content.seal(frame(key, document)));
    }

    @Override
    public boolean canCreate() {
        return content.objectStore().canPutIfAbsent();
    }

    @Override
    public boolean create(String collection, String name, byte[] document) {
        String key = key(collection, name);
        return content.objectStore().putIfAbsent(key, Payload.of(content.seal(frame(key, document))));
    }

    @Override
    public Optional<byte[]> get(String collection, String name) {
        String key = key(collection, name);
        byte[] sealed;
        try {
            sealed = content.objectStore().get(key);
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(unframe(key, content.open(key, sealed)));
    }

    @Override
    public List<String> list(String collection) {
        String prefix = PREFIX + segment(collection, "collection") + "/";
        List<String> names = new ArrayList<>();
        for (ObjectInfo object : content.objectStore().list(prefix)) {
            String name = object.key().substring(prefix.length());
            if (SEGMENT.matcher(name).matches()) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public void delete(String collection, String name) {
        content.objectStore().delete(key(collection, name));
    }

    /** {@code version u8 | key length u16 | key (UTF-8) | document}. */
    private static byte[] frame(String key, byte[] document) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[3 + keyBytes.length + document.length];
        framed[0] = FORMAT;
        framed[1] = (byte) (keyBytes.length >>> 8);
        framed[2] = (byte) keyBytes.length;
        System.arraycopy(keyBytes, 0, framed, 3, keyBytes.length);
        System.arraycopy(document, 0, framed, 3 + keyBytes.length, document.length);
        return framed;
    }

    private static byte[] unframe(String key, byte[] framed) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (framed.length < 3 || framed[0] != FORMAT) {
            throw new CorruptDataException(key, "document " + key + " has an unknown format "
                    + (framed.length == 0 ? "(empty)" : Integer.toString(framed[0] & 0xFF)), null);
        }
        int length = ((framed[1] & 0xFF) << 8) | (framed[2] & 0xFF);
        if (3 + length > framed.length
                || !Arrays.equals(framed, 3, 3 + length, keyBytes, 0, keyBytes.length)) {
            throw new CorruptDataException(key, "document " + key + " was written under another name; refused", null);
        }
        return Arrays.copyOfRange(framed, 3 + length, framed.length);
    }

    private static String key(String collection, String name) {
        return PREFIX + segment(collection, "collection") + "/" + segment(name, "document name");
    }

    private static String segment(String value, String what) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "': use 1 to 200 of A-Z a-z 0-9 "
                    + "and . _ : @ + = - , starting with a letter or digit");
        }
        return value;
    }
}
