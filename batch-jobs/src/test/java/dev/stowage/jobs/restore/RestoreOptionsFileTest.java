package dev.stowage.jobs.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore options files, as the chart's restore-options ConfigMap holds them, and the mistakes people make. */
class RestoreOptionsFileTest {

    /** What the chart renders into options.yaml for its default values and a location. */
    private static final String CHART_DEFAULTS = """
            existingResourcePolicy: none
            excludedNamespaces: []
            fromBackup: latest
            fromSchedule: ""
            includedNamespaces: []
            location: nas
            namespaceMappings: {}
            restoreVolumes: true
            """;

    @TempDir
    Path dir;

    @Test
    void theChartsDefaultOptionsRestoreTheLatestBackup() throws IOException {
        RestoreOptions options = RestoreOptionsFile.read(write(CHART_DEFAULTS));

        assertThat(options.fromBackup()).isEqualTo("latest");
        assertThat(options.fromSchedule()).isNull();
        assertThat(options.location()).isEqualTo("nas");
        assertThat(options.restoreVolumes()).isTrue();
        assertThat(options.resources().given()).as("none is the default policy, no request").isFalse();
    }

    @Test
    void mappingsAndFiltersBecomeTheRestoresResourceOptions() throws IOException {
        RestoreOptions options = RestoreOptionsFile.read(write("""
                fromBackup: daily-20261120020000
                includedNamespaces: [shop, blog]
                namespaceMappings:
                  shop: shop-restored
                existingResourcePolicy: update
                """));

        assertThat(options.resources().filters().includeNamespaces()).containsExactly("shop", "blog");
        assertThat(options.resources().namespaceMappings()).isEqualTo("shop:shop-restored");
        assertThat(options.resources().existingResourcePolicy()).isEqualTo("update");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        RestoreOptions options = new RestoreOptions("restore-1", "latest", "daily", "nas", null, null, null, null,
                Map.of("shop", "shop-restored"), null, "update", true);

        assertThat(RestoreOptionsFile.parse(RestoreOptionsFile.write(options), "written")).isEqualTo(options);
    }

    @Test
    void anUnknownOptionIsNamedWithTheKnownOnes() throws IOException {
        Path file = write("fromBakup: latest\n");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("restore options " + file + ": unknown option 'fromBakup'; known options are ")
                .hasMessageContaining("fromBackup, fromSchedule");
    }

    @Test
    void aListWhereAMapBelongsNamesTheOption() throws IOException {
        Path file = write("fromBackup: latest\nnamespaceMappings: [shop, blog]\n");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file))
                .hasMessageStartingWith("restore options " + file + ": 'namespaceMappings' has the wrong shape");
    }

    @Test
    void textThatIsNotYamlSaysWhere() throws IOException {
        Path file = write("fromBackup: latest\n  includedNamespaces: [shop\n");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file))
                .hasMessageStartingWith("restore options " + file + " are not YAML");
    }

    @Test
    void optionsWithoutABackupSayWhatToSet() throws IOException {
        Path file = write("location: nas\n");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file))
                .hasMessage("restore options " + file + " name no backup: set fromBackup to latest or to a backup's name");
    }

    @Test
    void anUnknownPolicyIsRefused() throws IOException {
        Path file = write("fromBackup: latest\nexistingResourcePolicy: overwrite\n");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file)).hasMessageContaining("overwrite")
                .hasMessageContaining("update");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> RestoreOptionsFile.read(file))
                .hasMessageStartingWith("unable to read restore options file " + file);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("options.yaml"), text);
    }
}
