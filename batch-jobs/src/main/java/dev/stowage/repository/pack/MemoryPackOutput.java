package dev.stowage.repository.pack;

import dev.stowage.store.Payload;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A pack in an array, for a repository with no local spool directory. The upload reads the array's
 * written prefix in place (no copy to an exact-length array), and the array goes back to
 * {@code recycler} once released, so the next pack reuses it instead of allocating tens of MiB.
 */
public final class MemoryPackOutput implements PackOutput {

    private final Consumer<byte[]> recycler;
    private byte[] buffer;
    private int size;
    private boolean finished;

    /** @param recycler takes the array back on {@link #release} (a pool); null to drop it */
    public MemoryPackOutput(byte[] buffer, Consumer<byte[]> recycler) {
        this.buffer = buffer;
        this.recycler = recycler;
    }

    /** A fresh array of {@code capacity} bytes (at least 1 KiB), not pooled. */
    public static MemoryPackOutput ofCapacity(int capacity) {
        return new MemoryPackOutput(new byte[Math.max(capacity, 1024)], null);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("pack already finished");
        }
        ensureCapacity((long) size + length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] finish(Supplier<MessageDigest> digests) {
        finished = true;
        MessageDigest sha256 = digests.get();
        sha256.update(buffer, 0, size);
        return sha256.digest();
    }

    @Override
    public Payload payload() {
        if (!finished || buffer == null) {
            throw new IllegalStateException("pack not finished or already released");
        }
        return Payload.of(buffer, 0, size);
    }

    @Override
    public void release() {
        byte[] released = buffer;
        buffer = null;
        if (released != null && recycler != null) {
            recycler.accept(released);
        }
    }

    private void ensureCapacity(long needed) {
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("pack would exceed 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16,
                    Math.max(needed, buffer.length + (long) buffer.length / 2)));
        }
    }
}
