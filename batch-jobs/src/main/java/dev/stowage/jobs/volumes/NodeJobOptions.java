package dev.stowage.jobs.volumes;

import java.time.Clock;
import java.time.Duration;

/**
 * How the {@link KubernetesPartitionHandler} runs worker Jobs.
 *
 * @param maxConcurrentNodeJobs worker Jobs in flight at once (re-attached ones count)
 * @param partitionTimeout      how long one worker may take from its start; then its Job is deleted and the
 *                              partition fails (the Job's own activeDeadlineSeconds says the same to the cluster)
 * @param nodeLostAfter         how long a worker's node may be not Ready before the worker is given up
 * @param pollInterval          how often deadlines are checked when nothing changes
 * @param clock                 time source
 */
public record NodeJobOptions(int maxConcurrentNodeJobs, Duration partitionTimeout, Duration nodeLostAfter,
        Duration pollInterval, Clock clock) {

    public NodeJobOptions {
        if (maxConcurrentNodeJobs < 1) {
            throw new IllegalArgumentException("maxConcurrentNodeJobs must be at least 1, not " + maxConcurrentNodeJobs
                    + " (stowage.kubernetes.max-concurrent-node-jobs)");
        }
    }

    public static NodeJobOptions defaults() {
        return new NodeJobOptions(10, Duration.ofHours(6), Duration.ofMinutes(2), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    public NodeJobOptions withMaxConcurrentNodeJobs(int max) {
        return new NodeJobOptions(max, partitionTimeout, nodeLostAfter, pollInterval, clock);
    }

    public NodeJobOptions withPartitionTimeout(Duration timeout) {
        return new NodeJobOptions(maxConcurrentNodeJobs, timeout, nodeLostAfter, pollInterval, clock);
    }

    public NodeJobOptions withNodeLostAfter(Duration after) {
        return new NodeJobOptions(maxConcurrentNodeJobs, partitionTimeout, after, pollInterval, clock);
    }

    public NodeJobOptions withPollInterval(Duration interval) {
        return new NodeJobOptions(maxConcurrentNodeJobs, partitionTimeout, nodeLostAfter, interval, clock);
    }
}
