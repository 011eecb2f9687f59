package dev.stowage.repository.archive;

import dev.stowage.repository.content.ContentWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the writer for an index checkpoint every so many new bytes or minutes, so a backup that dies
 * leaves its uploaded packs indexed and the rerun skips them. Both bounds matter: bytes bound the
 * work lost on a fast link, time bounds it on a slow one.
 */
final class Checkpointer {
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final ContentWriter writer;
    private final long everyBytes;
    private final AtomicLong bytesSince = new AtomicLong();
    private volatile long lastNanos = System.nanoTime();

    /** Every {@code packsPerCheckpoint} packs' worth of new plaintext, or five minutes. */
    Checkpointer(ContentWriter writer, long packTargetBytes, int packsPerCheckpoint) {
        this.writer = writer;
        this.everyBytes = Math.max(1, packTargetBytes) * packsPerCheckpoint;
    }

    /** Called after a put that stored {@code newBytes} of new plaintext. */
    void added(long newBytes) {
        long since = bytesSince.addAndGet(newBytes);
        if (since >= everyBytes || (since > 0 && System.nanoTime() - lastNanos >= EVERY_NANOS)) {
            checkpoint();
        }
    }

    private synchronized void checkpoint() {
        long since = bytesSince.get();
        if (since < everyBytes && System.nanoTime() - lastNanos < EVERY_NANOS) {
            return; // another thread checkpointed while this one waited
        }
        writer.checkpoint();
        bytesSince.addAndGet(-since);
        lastNanos = System.nanoTime();
    }
}
