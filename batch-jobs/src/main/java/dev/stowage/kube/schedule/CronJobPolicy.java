package dev.stowage.kube.schedule;

/**
 * The CronJob fields every Stowage CronJob sets, with the chart's {@code scheduleDefaults}.
 * {@code concurrencyPolicy} is always {@code Forbid}: two backups of one schedule never overlap.
 *
 * @param startingDeadlineSeconds    a run missed by more than this (cluster down) is skipped, not caught up
 * @param successfulJobsHistoryLimit finished Jobs kept, so {@code kubectl logs} still finds the last runs
 * @param failedJobsHistoryLimit     failed Jobs kept
 * @param backoffLimit               a launcher pod that dies is replaced this many times; the new pod resumes
 */
public record CronJobPolicy(long startingDeadlineSeconds, int successfulJobsHistoryLimit, int failedJobsHistoryLimit,
        int backoffLimit) {

    public static final CronJobPolicy DEFAULTS = new CronJobPolicy(3600, 3, 3, 1);

    public CronJobPolicy {
        if (startingDeadlineSeconds < 10) {
            // the CronJob controller checks every 10 s: a shorter deadline can miss every run
            throw new IllegalArgumentException("startingDeadlineSeconds " + startingDeadlineSeconds
                    + " is under 10: the CronJob controller could skip every run; give 10 or more");
        }
        if (successfulJobsHistoryLimit < 0 || failedJobsHistoryLimit < 0 || backoffLimit < 0) {
            throw new IllegalArgumentException("history limits and backoffLimit cannot be negative");
        }
    }
}
