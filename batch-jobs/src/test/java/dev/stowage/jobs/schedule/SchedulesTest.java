package dev.stowage.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.location.Locations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/** {@code stowage.schedules.*} as Spring binds it, with the chart's defaults, and the errors a mistake gets. */
class SchedulesTest {

    private static Schedules bind(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("stowage.home", "/tmp/stowage-test-home");
        all.put("stowage.locations.nas.path", "/tmp/stowage-test-nas");
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("config", all));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        return new Schedules(binder.bindOrCreate("stowage", SchedulesProperties.class),
                new Locations(binder.bindOrCreate("stowage", StowageProperties.class)));
    }

    @Test
    void aScheduleTakesTheDefaultsItLeavesUnset() {
        Schedules schedules = bind(Map.of("stowage.schedules.daily.cron", "0 2 * * *",
                "stowage.schedules.daily.location", "nas"));

        Schedule daily = schedules.get("daily");

        assertThat(daily.cron().zone().getId()).isEqualTo("Etc/UTC");
        assertThat(daily.ttl()).isEqualTo("720h");
        assertThat(daily.volumePolicy()).isEqualTo(VolumePolicy.OPT_OUT);
        assertThat(daily.policy().startingDeadlineSeconds()).isEqualTo(3600);
        assertThat(daily.policy().successfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(daily.policy().backoffLimit()).isEqualTo(1);
        assertThat(daily.suspend()).isFalse();
    }

    @Test
    void everySettingBindsInKebabCase() {
        Map<String, Object> given = new HashMap<>();
        given.put("stowage.schedules.weekly-offsite.cron", "0 3 * * 6");
        given.put("stowage.schedules.weekly-offsite.time-zone", "Europe/Berlin");
        given.put("stowage.schedules.weekly-offsite.location", "nas");
        given.put("stowage.schedules.weekly-offsite.ttl", "2160h");
        given.put("stowage.schedules.weekly-offsite.excluded-namespaces", "kiwix");
        given.put("stowage.schedules.weekly-offsite.included-resources", "persistentvolumeclaims,deployments.apps");
        given.put("stowage.schedules.weekly-offsite.volume-policy", "opt-in");
        given.put("stowage.schedules.weekly-offsite.labels.tier", "offsite");
        given.put("stowage.schedules.weekly-offsite.starting-deadline-seconds", "600");
        given.put("stowage.schedules.weekly-offsite.suspend", "true");

        Schedule offsite = bind(given).get("weekly-offsite");

        assertThat(offsite.cron().zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(offsite.filters().excludeNamespaces()).containsExactly("kiwix");
        assertThat(offsite.filters().includeResources()).containsExactly("persistentvolumeclaims", "deployments.apps");
        assertThat(offsite.volumePolicy()).isEqualTo(VolumePolicy.OPT_IN);
        assertThat(offsite.labels()).containsExactly(Map.entry("tier", "offsite"));
        assertThat(offsite.policy().startingDeadlineSeconds()).isEqualTo(600);
        assertThat(offsite.suspend()).isTrue();
        assertThat(offsite.toCronJob(List.of("stowage", "kube-system")).excludedNamespaces())
                .containsExactly("stowage", "kube-system", "kiwix");
    }

    @Test
    void anUnknownLocationNamesTheSettingAndTheKnownLocations() {
        Schedules schedules = bind(Map.of("stowage.schedules.daily.cron", "0 2 * * *",
                "stowage.schedules.daily.location", "nass"));

        assertThatThrownBy(() -> schedules.get("daily"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("stowage.schedules.daily.location: unknown location 'nass'")
                .hasMessageContaining("local, nas");
    }

    @Test
    void aMissingLocationListsTheConfiguredOnes() {
        Schedules schedules = bind(Map.of("stowage.schedules.daily.cron", "0 2 * * *"));

        assertThatThrownBy(() -> schedules.get("daily"))
                .hasMessage("stowage.schedules.daily.location is missing: give one of the configured locations "
                        + "(local, nas)");
    }

    @Test
    void aBadCronOrZoneIsReportedAgainstItsSchedule() {
        Schedules schedules = bind(Map.of("stowage.schedules.daily.cron", "every day",
                "stowage.schedules.daily.location", "nas",
                "stowage.schedules.weekly.cron", "0 3 * * 0", "stowage.schedules.weekly.time-zone", "Mars/Olympus",
                "stowage.schedules.weekly.location", "nas"));

        assertThatThrownBy(() -> schedules.get("daily")).hasMessageStartingWith("stowage.schedules.daily.cron 'every day'");
        assertThatThrownBy(() -> schedules.get("weekly"))
                .hasMessageStartingWith("stowage.schedules.weekly.time-zone 'Mars/Olympus' is not a known time zone");
    }

    @Test
    void aBadTtlVolumePolicyOrLabelSaysWhatItTakes() {
        Schedules schedules = bind(Map.of(
                "stowage.schedules.a.cron", "@daily", "stowage.schedules.a.location", "nas",
                "stowage.schedules.a.ttl", "two weeks",
                "stowage.schedules.b.cron", "@daily", "stowage.schedules.b.location", "nas",
                "stowage.schedules.b.volume-policy", "all",
                "stowage.schedules.c.cron", "@daily", "stowage.schedules.c.location", "nas",
                "stowage.schedules.c.labels.tier", "off site"));

        assertThatThrownBy(() -> schedules.get("a")).hasMessage("stowage.schedules.a.ttl 'two weeks' is not a duration: "
                + "give one such as 336h or 14d");
        assertThatThrownBy(() -> schedules.get("b")).hasMessageContaining("use opt-out").hasMessageContaining("or opt-in");
        assertThatThrownBy(() -> schedules.get("c")).hasMessageStartingWith("stowage.schedules.c.labels 'tier=off site' "
                + "is not a Kubernetes label");
    }

    @Test
    void aNameThatCannotNameACronJobIsRefused() {
        Schedules schedules = bind(Map.of("stowage.schedules.Daily_Backup.cron", "@daily",
                "stowage.schedules.Daily_Backup.location", "nas"));

        assertThatThrownBy(() -> schedules.get(schedules.names().get(0)))
                .hasMessageContaining("cannot name a CronJob");
    }

    @Test
    void anUnknownScheduleListsTheConfiguredOnes() {
        Schedules schedules = bind(Map.of("stowage.schedules.daily.cron", "@daily",
                "stowage.schedules.daily.location", "nas"));

        assertThatThrownBy(() -> schedules.get("dialy"))
                .hasMessage("no schedule named 'dialy': configured schedules are daily (add one under "
                        + "stowage.schedules.dialy)");
    }

    @Test
    void theCronJobSettingsDefaultToAReleaseNamedStowage() {
        Schedules schedules = bind(Map.of());

        assertThat(schedules.cronJobs().instance()).isEqualTo("stowage");
        assertThat(schedules.cronJobs().template()).isNull();
        assertThat(schedules.names()).isEmpty();
    }
}
