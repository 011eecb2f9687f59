package dev.stowage.jobs.progress;

import dev.stowage.repository.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest progress of one running partition.
 *
 * @param run       which run it belongs to ({@code backup first})
 * @param partition partition name ({@code path-0})
 * @param volume    volume it works on
 */
public record PartitionProgress(String run, String partition, String volume, Instant started, Progress progress) {

    /** Bytes per second since the partition started. */
    public double bytesPerSecond(Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        return progress.bytes() / seconds;
    }

    /** Time left at the current rate, when the total is known and something has been done. */
    public Optional<Duration> eta(Instant now) {
        double rate = bytesPerSecond(now);
        if (progress.bytesTotal() < 0 || rate <= 0 || progress.bytes() == 0) {
            return Optional.empty();
        }
        long left = Math.max(0, progress.bytesTotal() - progress.bytes());
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
