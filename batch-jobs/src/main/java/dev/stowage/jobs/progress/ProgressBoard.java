package dev.stowage.jobs.progress;

import dev.stowage.repository.Progress;
import dev.stowage.repository.ProgressListener;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where running partitions post their progress and presenters (the CLI's progress lines) read it.
 * Partitions run on other threads, and later in other pods: the board only holds the latest
 * {@link Progress} of each, so readers never block writers.
 */
public final class ProgressBoard {

    private final ConcurrentMap<String, PartitionProgress> running = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProgressBoard(Clock clock) {
        this.clock = clock;
    }

    /** Registers a partition as running and returns the listener its work reports to. */
    public ProgressListener track(String run, String partition, String volume) {
        String key = run + "/" + partition;
        PartitionProgress start = new PartitionProgress(run, partition, volume, clock.instant(),
                new Progress(0, 0, -1, -1, null));
        running.put(key, start);
        return progress -> running.computeIfPresent(key,
                (k, previous) -> new PartitionProgress(run, partition, volume, previous.started(), progress));
    }

    /** The partition ended (completed or failed): it is no longer shown. */
    public void done(String run, String partition) {
        running.remove(run + "/" + partition);
    }

    /** Running partitions in name order. */
    public List<PartitionProgress> running() {
        return running.values().stream()
                .sorted(Comparator.comparing(PartitionProgress::run).thenComparing(PartitionProgress::partition))
                .toList();
    }

    public Clock clock() {
        return clock;
    }
}
