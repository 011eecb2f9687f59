package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** values.schema.json turns mistakes into errors at install time, before any CronJob exists. */
class ValuesSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * *", "0 2 * * * *", "61 2 * * *", "0 24 * * *", "0 2 32 * *", "0 2 * 13 *",
            "0 2 * * 8", "every day at two", "TZ=Europe/Berlin 0 2 * * *", "@every 24h"})
    void rejectsACronKubernetesCouldNotRun(String cron) {
        assertThatThrownBy(() -> render(Map.of("schedules.daily.cron", cron)))
                .hasMessageContaining("/schedules/daily/cron")
                .hasMessageContaining("does not match pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "0 3 * * 0", "0 3 * * SAT", "*/15 6-22 * * 1-5", "0 0 1 */3 *",
            "30 4 ? * sun", "@daily", "@weekly"})
    void acceptsStandardCronExpressionsAndMacros(String cron) {
        Manifests manifests = StowageChart.render(StowageChart.fullValues(), Map.of("schedules.daily.cron", cron));

        assertThat(manifests.cronJob("stowage-daily").getSpec().getSchedule()).isEqualTo(cron);
    }

    @Test
    void rejectsAnUnknownProfile() {
        assertThatThrownBy(() -> render(Map.of("locations.b2.profile", "wasabi")))
                .hasMessageContaining("/locations/b2/profile")
                .hasMessageContaining("'minio', 'b2', 'generic'");
    }

    @Test
    void rejectsAScheduleOnALocationThatIsNotConfigured() {
        assertThatThrownBy(() -> render(Map.of("schedules.daily.location", "minio")))
                .hasMessageContaining("schedules.daily.location \"minio\" is not one of locations (b2, nas)");
    }

    @Test
    void rejectsALocationNameThatCannotBeAnEnvironmentVariable() {
        assertThatThrownBy(() -> render(Map.of("locations.backblaze-b2.endpoint", "https://s3.example",
                "locations.backblaze-b2.bucket", "b", "locations.backblaze-b2.credentials.existingSecret", "s")))
                .hasMessageContaining("backblaze-b2");
    }

    @Test
    void rejectsALocationWithoutCredentialsSecret() {
        assertThatThrownBy(() -> render(Map.of("locations.b2.credentials.existingSecret", "")))
                .hasMessageContaining("/locations/b2/credentials/existingSecret");
    }

    @Test
    void rejectsAnAccessKeyWithoutItsSecretKey() {
        assertThatThrownBy(() -> render(Map.of("locations.b2.credentials.accessKeyIdKey", "id")))
                .hasMessageContaining("secretAccessKeyKey");
    }

    @Test
    void rejectsATtlThatIsNotADuration() {
        assertThatThrownBy(() -> render(Map.of("schedules.daily.ttl", "14 days")))
                .hasMessageContaining("/schedules/daily/ttl");
    }

    @Test
    void rejectsAScheduleNameThatWouldCollideWithTheRestoreTemplate() {
        assertThatThrownBy(() -> render(Map.of("schedules.restore.cron", "0 2 * * *", "schedules.restore.location", "nas")))
                .hasMessageContaining("restore");
    }

    @Test
    void rejectsAnUnknownTopLevelValueSoThatTyposSurface() {
        assertThatThrownBy(() -> render(Map.of("schedule.daily.cron", "0 2 * * *")))
                .hasMessageContaining("schedule");
    }

    private static String render(Map<String, String> sets) {
        return StowageChart.template(StowageChart.fullValues(), sets);
    }
}
