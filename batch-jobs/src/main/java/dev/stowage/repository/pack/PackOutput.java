package dev.stowage.repository.pack;

import dev.stowage.store.Payload;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Where a {@link PackBuilder} puts a pack's bytes as they arrive: a file in the local spool
 * ({@link PackSpool}), so that a pack costs no heap whatever its size, or an array when there is no
 * spool ({@link MemoryPackOutput}). Either way the bytes are written once and uploaded from where they
 * are: nothing copies a whole pack. Not thread-safe: the pack's assembler guards it.
 */
public interface PackOutput {

    /** Appends {@code length} bytes of {@code bytes} from {@code offset}. */
    void write(byte[] bytes, int offset, int length);

    /** Bytes written so far. */
    long size();

    /**
     * Ends the writing and returns the SHA-256 of every byte written (the pack's name). An output that
     * hashed as it wrote returns that; one that did not hashes now with a digest from {@code digests}.
     */
    byte[] finish(Supplier<MessageDigest> digests);

    /** The bytes written, for the upload: valid from {@link #finish} until {@link #release}. */
    Payload payload();

    /** Gives back what the output holds (deletes its file, returns its array); later calls do nothing. */
    void release();
}
