package dev.stowage.jobs.restore;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.Phase;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code --from-backup latest}: the newest Completed backup, of one schedule when given. A
 * PartiallyFailed backup is passed over: a restore nobody watches (the restore CronJob's) should not
 * silently bring back a backup with files missing; name it to restore it.
 */
public final class LatestBackup {

    public static final String LATEST = "latest";

    private LatestBackup() {
    }

    /**
     * @param schedule a schedule name, or null for any backup
     * @return the backup's name
     */
    public static String select(List<BackupManifest> backups, String schedule, String location) {
        return backups.stream()
                .filter(b -> b.phase() == Phase.COMPLETED)
                .filter(b -> schedule == null || schedule.equals(b.schedule().orElse(null)))
                .max(Comparator.comparing(BackupManifest::startTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(BackupManifest::name))
                .map(BackupManifest::name)
                .orElseThrow(() -> new InvalidRequestException("no Completed backup"
                        + (schedule == null ? "" : " of schedule " + schedule) + " at location " + location
                        + " to restore as latest: `stowage backup get --location " + location
                        + "` lists the backups there; name one with --from-backup"));
    }

    public static boolean isLatest(String backup) {
        return Objects.equals(LATEST, backup);
    }
}
