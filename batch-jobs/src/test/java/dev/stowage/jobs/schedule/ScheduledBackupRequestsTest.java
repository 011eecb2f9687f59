package dev.stowage.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.backup.BackupCreateRequest;
import dev.stowage.jobs.resources.ResourceFilters;
import dev.stowage.kube.schedule.CronJobPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code backup create --schedule}: the schedule's settings, the command line's on top. */
class ScheduledBackupRequestsTest {

    private static final Instant START = Instant.parse("2026-11-21T02:00:00Z");
    private static final List<String> DEFAULTS = List.of("stowage", "kube-system", "default");

    private final Schedule offsite = new Schedule("weekly-offsite", CronSchedule.parse("0 3 * * 6", "Etc/UTC", "s"), "b2",
            "2160h", new ResourceFilters(null, List.of("kiwix"), List.of("persistentvolumeclaims"), null, null, null),
            VolumePolicy.OPT_IN, Map.of("tier", "offsite"), false, CronJobPolicy.DEFAULTS);

    private static ScheduledBackupRequests.Given nothing() {
        return new ScheduledBackupRequests.Given(null, null, null, null, null, null);
    }

    @Test
    void theBackupTakesTheSchedulesSettingsNameAndLabel() {
        BackupCreateRequest request = ScheduledBackupRequests.request("weekly-offsite", Optional.of(offsite), nothing(),
                START, "720h", DEFAULTS);

        assertThat(request.name()).isEqualTo("weekly-offsite-20261121020000");
        assertThat(request.location()).isEqualTo("b2");
        assertThat(request.ttl()).isEqualTo("2160h");
        assertThat(request.resources().excludeNamespaces()).containsExactly("kiwix", "stowage", "kube-system", "default");
        assertThat(request.resources().includeResources()).containsExactly("persistentvolumeclaims");
        assertThat(request.defaultVolumesToFsBackup()).isFalse();
        assertThat(request.labels()).containsOnly(Map.entry("tier", "offsite"),
                Map.entry("stowage.dev/schedule", "weekly-offsite"));
    }

    @Test
    void optionsOnTheCommandLineWinOverTheSchedules() {
        ScheduledBackupRequests.Given given = new ScheduledBackupRequests.Given(null, "nas", "24h",
                new ResourceFilters(List.of("shop"), null, null, null, null, null), Map.of("tier", "test"), true);

        BackupCreateRequest request = ScheduledBackupRequests.request("weekly-offsite", Optional.of(offsite), given,
                START, "720h", DEFAULTS);

        assertThat(request.location()).isEqualTo("nas");
        assertThat(request.ttl()).isEqualTo("24h");
        assertThat(request.resources().includeNamespaces()).containsExactly("shop");
        assertThat(request.resources().includeResources()).containsExactly("persistentvolumeclaims");
        assertThat(request.defaultVolumesToFsBackup()).isTrue();
        assertThat(request.labels()).containsEntry("tier", "test").containsEntry("stowage.dev/schedule", "weekly-offsite");
    }

    @Test
    void anUnconfiguredScheduleRunsAsItsCronJobSpellsItOut() {
        ScheduledBackupRequests.Given cronJobArgs = new ScheduledBackupRequests.Given(null, "nas", "336h",
                new ResourceFilters(null, DEFAULTS, null, null, null, null), null, true);

        BackupCreateRequest request = ScheduledBackupRequests.request("daily", Optional.empty(), cronJobArgs, START,
                "720h", DEFAULTS);

        assertThat(request.name()).isEqualTo("daily-20261121020000");
        assertThat(request.location()).isEqualTo("nas");
        assertThat(request.labels()).containsOnly(Map.entry("stowage.dev/schedule", "daily"));
    }

    @Test
    void anUnconfiguredScheduleWithoutALocationIsAMistake() {
        assertThatThrownBy(() -> ScheduledBackupRequests.request("dialy", Optional.empty(), nothing(), START, "720h",
                DEFAULTS))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("no schedule named 'dialy' is configured: add it under stowage.schedules.dialy");
    }

    @Test
    void withPathsAScheduleWithoutFiltersBacksUpOnlyThoseDirectories() {
        Schedule plain = new Schedule("daily", offsite.cron(), "nas", "336h", ResourceFilters.none(),
                VolumePolicy.OPT_OUT, Map.of(), false, CronJobPolicy.DEFAULTS);
        ScheduledBackupRequests.Given paths = new ScheduledBackupRequests.Given(List.of("/srv/data"), null, null, null,
                null, null);

        BackupCreateRequest request = ScheduledBackupRequests.request("daily", Optional.of(plain), paths, START, "720h",
                DEFAULTS);

        assertThat(request.paths()).containsExactly("/srv/data");
        assertThat(request.resources().given()).isFalse();
    }
}
