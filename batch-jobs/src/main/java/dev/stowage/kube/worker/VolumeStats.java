package dev.stowage.kube.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.RestoreResult;

/**
 * File and byte counts of one volume. Backups fill every field; restores fill files, directories and
 * {@code bytesRead} (bytes written). Short property names: see {@link VolumeResult}.
 */
public record VolumeStats(@JsonProperty("f") long files, @JsonProperty("d") long directories,
        @JsonProperty("fu") long filesUnchanged, @JsonProperty("br") long bytesRead,
        @JsonProperty("bn") long bytesNew, @JsonProperty("bu") long bytesUploaded,
        @JsonProperty("pu") long packsUploaded, @JsonProperty("tb") long totalBytes) {

    public static final VolumeStats ZERO = new VolumeStats(0, 0, 0, 0, 0, 0, 0, 0);

    public static VolumeStats of(BackupStats stats) {
        return new VolumeStats(stats.files(), stats.directories(), stats.filesUnchanged(), stats.bytesRead(),
                stats.bytesNew(), stats.bytesUploaded(), stats.packsUploaded(), stats.totalBytes());
    }

    public static VolumeStats of(RestoreResult result) {
        return new VolumeStats(result.files(), result.directories(), 0, result.bytes(), 0, 0, 0, result.bytes());
    }

    public BackupStats toBackupStats() {
        return new BackupStats(files, directories, filesUnchanged, bytesRead, bytesNew, bytesUploaded, packsUploaded,
                totalBytes);
    }
}
