package dev.stowage.jobs.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.store.metering.CostClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    private final BackupVolume volume = new BackupVolume("data", "/srv/data", "path:h:/srv/data", "path-0", "h",
            Phase.COMPLETED, 3, 300, "snap1", null, new BackupTotals(3, 1, 300, 200, 150, 1, 300, 0), List.of(), null);
    private final BackupManifest manifest = new BackupManifest("first", Phase.PARTIALLY_FAILED,
            Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T10:01:00Z"),
            Instant.parse("2025-01-31T10:00:00Z"), "720h0m0s", "local", volume.stats(), List.of(volume),
            new Operations(Map.of("PutObject", 4L, "GetObject", 2L, "ListObjectsV2", 1L)),
            new EstimatedCost(BigDecimal.ZERO, new BigDecimal("0.000005"),
                    Map.of(CostClass.C, new BigDecimal("0.000004"))),
            List.of(), List.of("data: a.txt: permission denied"), null);

    @Test
    void writesTheFieldsDescribeJsonPromises() throws Exception {
        JsonNode json = ManifestJson.mapper().readTree(ManifestJson.write(manifest));

        assertThat(json.path("name").asText()).isEqualTo("first");
        assertThat(json.path("phase").asText()).isEqualTo("PartiallyFailed");
        assertThat(json.path("startTimestamp").asText()).isEqualTo("2025-01-01T10:00:00Z");
        assertThat(json.path("expiration").asText()).isEqualTo("2025-01-31T10:00:00Z");
        assertThat(json.path("stats").path("bytesUploaded").asLong()).isEqualTo(150);
        assertThat(json.path("stats").path("packsUploaded").asLong()).isEqualTo(1);
        assertThat(json.path("volumes").get(0).path("snapshotId").asText()).isEqualTo("snap1");
        assertThat(json.path("volumes").get(0).path("bytes").asLong()).isEqualTo(300);
        assertThat(json.path("operations").path("byKind").path("PutObject").asLong()).isEqualTo(4);
        assertThat(json.path("operations").path("byClass").path("A").asLong()).isEqualTo(4);
        assertThat(json.path("operations").path("byClass").path("B").asLong()).isEqualTo(2);
        assertThat(json.path("operations").path("byClass").path("C").asLong()).isEqualTo(1);
        assertThat(json.path("estimatedCost").path("dollarsWithoutFreeAllowance").decimalValue())
                .isEqualByComparingTo("0.000005");
        assertThat(json.path("estimatedCost").path("byClass").path("C").decimalValue())
                .isEqualByComparingTo("0.000004");
        assertThat(json.path("warnings").get(0).asText()).contains("permission denied");
        assertThat(json.path("errors").isArray()).isTrue();
    }

    @Test
    void readsBackWhatItWrote() {
        BackupManifest read = ManifestJson.read(ManifestJson.write(manifest), BackupManifest.class, "test");

        assertThat(read).isEqualTo(manifest);
    }

    @Test
    void aManifestWrittenBeforeClassesWereRecordedReadsWithThemDerived() {
        String json = "{\"name\":\"x\",\"phase\":\"Completed\",\"operations\":{\"byKind\":{\"GetObject\":3}}}";

        BackupManifest read = ManifestJson.read(json, BackupManifest.class, "test");

        assertThat(read.operations().count(CostClass.B)).isEqualTo(3);
        assertThat(read.estimatedCost()).isEqualTo(EstimatedCost.NONE);
    }

    @Test
    void ignoresFieldsANewerVersionAdded() {
        String json = "{\"name\":\"x\",\"phase\":\"Completed\",\"somethingNew\":{\"a\":1}}";

        assertThat(ManifestJson.read(json, BackupManifest.class, "test").phase()).isEqualTo(Phase.COMPLETED);
    }

    @Test
    void aRunIsAsGoodAsItsWorstVolume() {
        assertThat(Phase.COMPLETED.worse(Phase.PARTIALLY_FAILED)).isEqualTo(Phase.PARTIALLY_FAILED);
        assertThat(Phase.FAILED.worse(Phase.COMPLETED)).isEqualTo(Phase.FAILED);
    }
}
