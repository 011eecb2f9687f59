package dev.stowage.jobs.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathVolumesTest {

    @TempDir
    Path dir;

    @Test
    void namesEachVolumeAfterItsDirectoryAndNumbersPartitionsInOrder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path conf = Files.createDirectories(dir.resolve("etc/conf"));

        List<BackupVolume> volumes = PathVolumes.plan(List.of(data.toString(), conf.toString()), "host1");

        assertThat(volumes).extracting(BackupVolume::name).containsExactly("data", "conf");
        assertThat(volumes).extracting(BackupVolume::partition).containsExactly("path-0", "path-1");
        assertThat(volumes.get(0).identity()).isEqualTo("path:host1:" + data);
    }

    @Test
    void makesVolumeNamesUniqueWhenDirectoriesShareTheirLastName() throws Exception {
        Path one = Files.createDirectories(dir.resolve("a/data"));
        Path two = Files.createDirectories(dir.resolve("b/data"));

        List<BackupVolume> volumes = PathVolumes.plan(List.of(one.toString(), two.toString()), "h");

        assertThat(volumes).extracting(BackupVolume::name).containsExactly("data", "data-2");
    }

    @Test
    void resolvesRelativePathsToAbsoluteOnes() {
        List<BackupVolume> volumes = PathVolumes.plan(List.of("."), "h");

        assertThat(Path.of(volumes.get(0).source())).isAbsolute();
    }

    @Test
    void refusesAMissingPathNamingIt() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> PathVolumes.plan(List.of(missing.toString()), "h"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("path " + missing + " does not exist: check --path " + missing);
    }

    @Test
    void refusesARegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");

        assertThatThrownBy(() -> PathVolumes.plan(List.of(file.toString()), "h"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void refusesTheSameDirectoryTwice() {
        assertThatThrownBy(() -> PathVolumes.plan(List.of(dir.toString(), dir + "/."), "h"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> PathVolumes.plan(List.of(), "h"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("--path");
    }
}
