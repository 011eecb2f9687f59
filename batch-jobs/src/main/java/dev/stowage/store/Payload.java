package dev.stowage.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of one {@link ObjectStore#put}: part of an array, or part of a local file (a pack spooled to
 * disk, so that tens of MiB never sit in the heap). A payload can be read any number of times from its
 * start ({@link #open}), which is what lets a put be retried, and knows its length up front, which is what
 * an S3 request needs before the first byte.
 *
 * <p>A payload is borrowed for the duration of the put: a store reads it during the call, never changes
 * it, and keeps no reference to it afterwards (the caller then reuses the array or deletes the file). A
 * store that needs the bytes later copies them, except that a local store may hard-link a whole file
 * payload: a file given as a payload must never be modified in place afterwards, only deleted.
 *
 * <p>A payload may carry the SHA-256 of its bytes when its writer already computed it ({@link #withSha256}: a
 * pack's hash is its name). A store may then send that hash instead of hashing the bytes again (S3 signs it as
 * the body's hash, and the endpoint checks the bytes it receives against it); a store must not trust it for
 * anything else. Where a store sends it (S3, one PutObject of at most 128 MiB), a payload whose bytes do not
 * match it fails its put; elsewhere the mismatch is found when the object is read (a pack's hash is checked).
 */
public sealed interface Payload permits Payload.Bytes, Payload.FileRegion {

    /** Bytes in the payload. */
    long length();

    /** A fresh stream over the payload from its first byte; the caller closes it. */
    InputStream open() throws IOException;

    /** {@code length} bytes from {@code offset} of this payload (parts of a multipart upload), with no hash. */
    Payload slice(long offset, long length);

    /** A copy of the whole payload in a new array (small objects, tests, stores that keep bytes). */
    byte[] toByteArray();

    /** The SHA-256 of the payload's bytes as 64 lowercase hex digits, when its writer knows it; else empty. */
    Optional<String> sha256();

    /**
     * The same bytes, declared to have SHA-256 {@code sha256} (32 bytes). Not checked here: that would read
     * the bytes again, which is what the hash saves; the endpoint that receives the bytes checks them.
     */
    Payload withSha256(byte[] sha256);

    /** {@code sha256} as the lowercase hex a payload carries; a digest that is not 32 bytes is refused. */
    private static String hexOf(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
        }
        return HexFormat.of().formatHex(sha256);
    }

    /** Refuses {@code hex} unless it is what {@link #hexOf} makes, or null (no hash known). */
    private static void checkHex(String hex) {
        if (hex != null && !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + hex);
        }
    }

    /** The whole array. */
    static Payload of(byte[] data) {
        return new Bytes(data, 0, data.length);
    }

    /** {@code length} bytes of {@code data} from {@code offset}, not copied. */
    static Payload of(byte[] data, int offset, int length) {
        return new Bytes(data, offset, length);
    }

    /**
     * The first {@code length} bytes of a local file. Once put, the file may be deleted but never modified
     * in place (truncated, rewritten, appended to): a store on the same filesystem may keep it as the
     * stored object itself (a hard link), so the change would reach the object.
     */
    static Payload ofFile(Path file, long length) {
        return new FileRegion(file, 0, length);
    }

    /**
     * {@code count} bytes of {@code array} from {@code offset}.
     *
     * @param knownSha256 the bytes' SHA-256 in lowercase hex, or null when not known
     */
    record Bytes(byte[] array, int offset, int count, String knownSha256) implements Payload {
        public Bytes {
            Objects.checkFromIndexSize(offset, count, array.length);
            checkHex(knownSha256);
        }

        public Bytes(byte[] array, int offset, int count) {
            this(array, offset, count, null);
        }

        @Override
        public long length() {
            return count;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(array, offset, count);
        }

        @Override
        public Payload slice(long from, long length) {
            Objects.checkFromIndexSize(from, length, count);
            return new Bytes(array, offset + (int) from, (int) length);
        }

        @Override
        public byte[] toByteArray() {
            byte[] copy = new byte[count];
            System.arraycopy(array, offset, copy, 0, count);
            return copy;
        }

        @Override
        public Optional<String> sha256() {
            return Optional.ofNullable(knownSha256);
        }

        @Override
        public Payload withSha256(byte[] sha256) {
            return new Bytes(array, offset, count, hexOf(sha256));
        }
    }

    /**
     * {@code length} bytes of {@code file} from {@code offset}. The file must hold them for as long as the
     * put runs; a stream that meets its end early fails rather than sending fewer bytes.
     *
     * @param knownSha256 the region's SHA-256 in lowercase hex, or null when not known
     */
    record FileRegion(Path file, long offset, long length, String knownSha256) implements Payload {
        public FileRegion {
            Objects.requireNonNull(file, "file");
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("invalid file region " + offset + "+" + length + " of " + file);
            }
            checkHex(knownSha256);
        }

        public FileRegion(Path file, long offset, long length) {
            this(file, offset, length, null);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public InputStream open() throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                channel.position(offset);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new ExactLengthInputStream(Channels.newInputStream(channel), length, file);
        }

        @Override
        public Payload slice(long from, long count) {
            Objects.checkFromIndexSize(from, count, length);
            return new FileRegion(file, offset + from, count);
        }

        @Override
        public byte[] toByteArray() {
            if (length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("payload of " + length + " bytes does not fit an array: " + file);
            }
            try (InputStream in = open()) {
                return in.readNBytes((int) length);
            } catch (IOException e) {
                throw new UncheckedIOException("unable to read " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<String> sha256() {
            return Optional.ofNullable(knownSha256);
        }

        @Override
        public Payload withSha256(byte[] sha256) {
            return new FileRegion(file, offset, length, hexOf(sha256));
        }

        /** Whether the region is the whole of its file as it is now (so the file itself can stand for it). */
        public boolean wholeFile() throws IOException {
            return offset == 0 && java.nio.file.Files.size(file) == length;
        }
    }
}
