package dev.stowage.repository.content;

import dev.stowage.repository.chunk.FastCdc;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.KeyedHash;
import dev.stowage.repository.crypto.Purpose;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The config object ({@code config}): the repository's fixed parameters, sealed under the master key
 * with purpose CONFIG. Its presence is what makes a location a repository. Plaintext, big-endian:
 *
 * <pre>
 *   format version (1) = 1 | repository id (32) | cipher id (1) | MAC id (1) | chunker id (1)
 *   | chunk min (4) | chunk avg (4) | chunk max (4) | maintenance generation (8, optional)
 * </pre>
 *
 * <p>The maintenance generation is the only field that ever changes ({@link MaintenanceGeneration}). It
 * was appended to format version 1 rather than given a new version because a reader that does not know
 * it reads the first 48 bytes and ignores the rest; a config without it has generation 0.
 */
final class ConfigObject {

    static final String KEY = "config";
    static final int FORMAT_VERSION = 1;
    static final int ID_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private ConfigObject() {
    }

    /** What a config object holds: the fixed parameters and the maintenance generation. */
    record Opened(RepositoryConfig config, long generation) {
    }

    static byte[] seal(RepositoryConfig config, long generation, Aead aead) {
        ByteBuffer out = ByteBuffer.allocate(1 + ID_BYTES + 3 + 12 + 8);
        out.put((byte) config.version()).put(HEX.parseHex(config.id()))
                .put((byte) Aead.AES_256_GCM).put((byte) KeyedHash.HMAC_SHA256).put((byte) FastCdc.GEAR_V1)
                .putInt(config.chunkMinBytes()).putInt(config.chunkAvgBytes()).putInt(config.chunkMaxBytes())
                .putLong(generation);
        return aead.seal(Purpose.CONFIG, null, out.array());
    }

    /**
     * @throws dev.stowage.repository.crypto.AuthenticationException when the master key does not open it
     * @throws IllegalArgumentException when it names a version or algorithm this build does not know
     */
    static Opened open(byte[] sealed, Aead aead) {
        ByteBuffer in = ByteBuffer.wrap(aead.open(Purpose.CONFIG, null, sealed));
        try {
            int version = in.get() & 0xff;
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("repository format version " + version
                        + " is not supported by this version of Stowage (it reads version " + FORMAT_VERSION
                        + "); use a newer Stowage");
            }
            byte[] id = new byte[ID_BYTES];
            in.get(id);
            int cipher = in.get() & 0xff;
            int mac = in.get() & 0xff;
            int chunker = in.get() & 0xff;
            if (cipher != Aead.AES_256_GCM || mac != KeyedHash.HMAC_SHA256 || chunker != FastCdc.GEAR_V1) {
                throw new IllegalArgumentException("repository uses cipher " + cipher + ", MAC " + mac
                        + ", chunker " + chunker + ", which this version of Stowage does not know");
            }
            RepositoryConfig config = new RepositoryConfig(HEX.formatHex(id), version, in.getInt(), in.getInt(),
                    in.getInt());
            // written by a build from before the generation: no maintenance has rewritten the index since
            long generation = in.remaining() >= Long.BYTES ? in.getLong() : 0;
            return new Opened(config, generation);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("config object truncated", e);
        }
    }
}
