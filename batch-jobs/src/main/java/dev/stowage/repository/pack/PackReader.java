package dev.stowage.repository.pack;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.Purpose;
import dev.stowage.store.ObjectStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads what {@link PackBuilder} wrote: the header from the end of a pack (whole in memory, or with
 * ranged reads from the store), and full verification of a pack against its name, header and blob ids.
 * Every failure names the pack key.
 */
public final class PackReader {

    /** Tail bytes fetched first: a header for ~1,400 blobs fits, so one request usually suffices. */
    static final int TAIL_GUESS = 64 * 1024;

    private final Aead aead;
    private final String location;

    public PackReader(Aead aead, String location) {
        this.aead = aead;
        this.location = location;
    }

    /** The header of a pack held whole in memory. */
    public List<PackEntry> header(String key, byte[] pack) {
        return parseTail(key, pack, 0, pack.length, pack.length);
    }

    /** The header of a stored pack of {@code size} bytes, read from its end. */
    public List<PackEntry> readHeader(ObjectStore store, String key, long size) {
        int guess = (int) Math.min(size, TAIL_GUESS);
        byte[] tail = store.getRange(key, size - guess, guess);
        if (tail.length != guess) {
            throw corrupt(key, "is shorter than its listed size " + size, null);
        }
        int headerLength = trailerLength(key, tail, tail.length, size);
        int needed = headerLength + PackBuilder.TRAILER_BYTES;
        if (needed > guess) {
            tail = store.getRange(key, size - needed, needed);
        }
        return parseTail(key, tail, tail.length - needed, needed, size);
    }

    /**
     * Checks a whole pack: its hash against its name, its header, that the blobs tile the space before
     * the header, and (through {@code codec}) that every blob authenticates, decompresses and matches its id.
     */
    public PackCheck verify(String key, byte[] pack, BlobCodec codec, CryptoProvider provider) {
        List<String> problems = new ArrayList<>();
        byte[] hash = provider.sha256().digest(pack);
        if (!PackKeys.isPackKey(key) || !MessageDigest.isEqual(hash, PackKeys.hashOf(key))) {
            problems.add("pack " + key + ": content hash is " + HexFormat.of().formatHex(hash)
                    + ", not the hash its name carries (damaged or replaced)");
        }
        List<PackEntry> entries;
        try {
            entries = header(key, pack);
        } catch (CorruptDataException e) {
            problems.add(e.getMessage());
            return new PackCheck(key, pack.length, List.of(), problems);
        }
        for (PackEntry entry : entries) {
            try {
                codec.decode(entry, pack, entry.offset());
            } catch (BlobDecodeException e) {
                problems.add("pack " + key + ": blob " + entry.id() + " at offset " + entry.offset() + " "
                        + e.getMessage());
            }
        }
        return new PackCheck(key, pack.length, entries, problems);
    }

    /** Parses header and trailer found at the end of {@code bytes[from, from+length)}, the pack's last bytes. */
    private List<PackEntry> parseTail(String key, byte[] bytes, int from, int length, long packSize) {
        int end = from + length;
        int headerLength = trailerLength(key, bytes, end, packSize);
        int headerStart = end - PackBuilder.TRAILER_BYTES - headerLength;
        if (headerStart < from) {
            throw corrupt(key, "header length " + headerLength + " exceeds the bytes read", null);
        }
        byte[] plaintext;
        try {
            plaintext = aead.open(Purpose.PACK_HEADER, null, bytes, headerStart, headerLength);
        } catch (AuthenticationException e) {
            throw corrupt(key, "header " + e.getMessage(), e);
        }
        List<PackEntry> entries;
        try {
            entries = PackHeader.decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw corrupt(key, e.getMessage(), e);
        }
        checkLayout(key, entries, packSize - PackBuilder.TRAILER_BYTES - headerLength);
        return entries;
    }

    private int trailerLength(String key, byte[] bytes, int end, long packSize) {
        if (end < PackBuilder.TRAILER_BYTES) {
            throw corrupt(key, "is too short to be a pack (" + packSize + " bytes)", null);
        }
        int length = ((bytes[end - 4] & 0xff) << 24) | ((bytes[end - 3] & 0xff) << 16)
                | ((bytes[end - 2] & 0xff) << 8) | (bytes[end - 1] & 0xff);
        if (length < Aead.OVERHEAD || length > packSize - PackBuilder.TRAILER_BYTES) {
            throw corrupt(key, "trailer gives an impossible header length " + length, null);
        }
        return length;
    }

    /** Blobs must lie back to back from offset 0 up to the header, all of the pack's type. */
    private void checkLayout(String key, List<PackEntry> entries, long headerStart) {
        BlobType type = PackKeys.typeOf(key);
        long expected = 0;
        for (PackEntry entry : entries) {
            if (entry.offset() != expected || entry.storedLength() < Aead.OVERHEAD) {
                throw corrupt(key, "header lists blob " + entry.id() + " at offset " + entry.offset() + " length "
                        + entry.storedLength() + ", expected offset " + expected, null);
            }
            if (type != null && entry.type() != type) {
                throw corrupt(key, "holds a " + entry.type() + " blob under the " + type + " prefix", null);
            }
            expected = entry.end();
        }
        if (expected != headerStart) {
            throw corrupt(key, "blobs end at " + expected + " but the header starts at " + headerStart, null);
        }
    }

    private CorruptDataException corrupt(String key, String detail, Throwable cause) {
        return new CorruptDataException(key, "pack " + key + " at location " + location + " " + detail
                + "; a repository check that reads data lists what it affects", cause);
    }
}
