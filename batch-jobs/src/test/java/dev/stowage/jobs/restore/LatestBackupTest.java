package dev.stowage.jobs.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.Operations;
import dev.stowage.jobs.manifest.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --from-backup latest}: the newest Completed backup, of a schedule when given. */
class LatestBackupTest {

    private final List<BackupManifest> backups = List.of(
            backup("daily-20261119020000", Phase.COMPLETED, "2026-11-19T02:00:00Z", "daily"),
            backup("weekly-20261120030000", Phase.COMPLETED, "2026-11-20T03:00:00Z", "weekly"),
            backup("daily-20261120020000", Phase.COMPLETED, "2026-11-20T02:00:00Z", "daily"),
            backup("daily-20261121020000", Phase.PARTIALLY_FAILED, "2026-11-21T02:00:00Z", "daily"),
            backup("by-hand", Phase.FAILED, "2026-11-21T05:00:00Z", null));

    @Test
    void latestIsTheNewestCompletedBackupOfAnySchedule() {
        assertThat(LatestBackup.select(backups, null, "nas")).isEqualTo("weekly-20261120030000");
    }

    @Test
    void latestOfAScheduleIsItsNewestCompletedBackup() {
        assertThat(LatestBackup.select(backups, "daily", "nas")).isEqualTo("daily-20261120020000");
    }

    @Test
    void withoutACompletedBackupItSaysHowToFindOne() {
        assertThatThrownBy(() -> LatestBackup.select(backups, "monthly", "nas"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("no Completed backup of schedule monthly at location nas to restore as latest: "
                        + "`stowage backup get --location nas` lists the backups there; name one with --from-backup");
    }

    private static BackupManifest backup(String name, Phase phase, String start, String schedule) {
        Instant started = Instant.parse(start);
        return new BackupManifest(name, phase, started, started.plusSeconds(60), started.plusSeconds(86_400), "24h0m0s",
                "nas", BackupTotals.ZERO, List.of(), Operations.NONE, List.of(), List.of())
                .withLabels(schedule == null ? Map.of() : Map.of("stowage.dev/schedule", schedule));
    }
}
