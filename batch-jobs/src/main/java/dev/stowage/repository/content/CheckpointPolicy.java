package dev.stowage.repository.content;

import java.time.Duration;

/**
 * When a writer stores a checkpoint index on its own (besides {@link ContentWriter#checkpoint()}): once
 * {@code everyPacks} packs were uploaded since the last one, or {@code interval} has passed and at least
 * one was. Checked as each pack upload completes, and written in that upload's slot. A process killed
 * midway then loses at most that much uploaded work. Checkpoints cost one small upload each and are
 * deleted when the writer finishes.
 */
public record CheckpointPolicy(int everyPacks, Duration interval) {

    public CheckpointPolicy {
        if (everyPacks < 1) {
            throw new IllegalArgumentException("everyPacks must be at least 1, not " + everyPacks);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative");
        }
    }

    /** Every 8 packs (128 MiB at the default pack size) or every minute. */
    public static CheckpointPolicy defaults() {
        return new CheckpointPolicy(8, Duration.ofMinutes(1));
    }

    /** After every uploaded pack (tests, and stores where losing any work is dear). */
    public static CheckpointPolicy everyPack() {
        return new CheckpointPolicy(1, Duration.ZERO);
    }
}
