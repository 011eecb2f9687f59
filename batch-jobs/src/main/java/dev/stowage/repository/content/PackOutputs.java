package dev.stowage.repository.content;

import dev.stowage.repository.pack.MemoryPackOutput;
import dev.stowage.repository.pack.PackBuilder;
import dev.stowage.repository.pack.PackOutput;
import dev.stowage.repository.pack.PackSpool;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where one writer's packs are built: in the repository's local spool when it has one (a file per pack,
 * no heap), else in arrays that go back to a small pool after each upload, so that the next data pack
 * reuses one instead of allocating tens of MiB.
 */
final class PackOutputs {

    private final PackSpool spool;
    private final int targetBytes;
    private final int pooled;
    private final Deque<byte[]> free = new ArrayDeque<>();

    /**
     * @param spool  the repository's spool, or null for packs in memory
     * @param pooled how many free data-pack arrays to keep (the packs a writer has open and in flight)
     */
    PackOutputs(PackSpool spool, int targetBytes, int pooled) {
        this.spool = spool;
        this.targetBytes = targetBytes;
        this.pooled = pooled;
    }

    boolean spooled() {
        return spool != null;
    }

    PackBuilder newPack(BlobType type) {
        if (spool != null) {
            return new PackBuilder(type, spool.newOutput());
        }
        if (type == BlobType.TREE) {
            // tree packs are often tiny: they start small and grow as needed
            return new PackBuilder(type, MemoryPackOutput.ofCapacity(Math.min(targetBytes, 256 * 1024)));
        }
        return new PackBuilder(type, new MemoryPackOutput(take(), this::recycle));
    }

    /** Data packs fill up, so their arrays start near full size (target + 1/8: the last blob's overshoot). */
    private int dataCapacity() {
        return targetBytes + targetBytes / 8;
    }

    private synchronized byte[] take() {
        byte[] array = free.poll();
        return array != null ? array : new byte[dataCapacity()];
    }

    private synchronized void recycle(byte[] array) {
        if (array.length >= dataCapacity() && free.size() < pooled) {
            free.push(array);
        }
    }
}
