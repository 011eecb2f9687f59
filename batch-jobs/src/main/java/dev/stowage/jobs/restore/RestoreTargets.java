package dev.stowage.jobs.restore;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.RestoreVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where each volume of a backup is restored: under {@code --target DIR} in a subdirectory named after
 * the volume, or without a target where it was backed up from. A restore never writes into a directory
 * that holds anything: existing data is not overwritten.
 */
public final class RestoreTargets {

    private RestoreTargets() {
    }

    public static List<RestoreVolume> plan(BackupManifest backup, String target) {
        List<RestoreVolume> volumes = new ArrayList<>();
        for (BackupVolume volume : backup.volumes()) {
            if (volume.snapshotId() == null) {
                continue; // failed in the backup: nothing to restore
            }
            Path to = target == null ? Path.of(volume.source())
                    : Path.of(target).toAbsolutePath().normalize().resolve(volume.name());
            volumes.add(RestoreVolume.planned(volume.name(), volume.source(), volume.snapshotId(), to.toString(),
                    volume.partition()));
        }
        if (volumes.isEmpty()) {
            throw new InvalidRequestException("backup " + backup.name() + " has no completed volume to restore");
        }
        return volumes;
    }

    /** @throws InvalidRequestException naming the first target that is not absent or empty */
    public static void requireEmpty(List<RestoreVolume> volumes, boolean targetGiven) {
        for (RestoreVolume volume : volumes) {
            Path path = Path.of(volume.target());
            if (Files.exists(path) && (!Files.isDirectory(path) || !isEmpty(path))) {
                throw new InvalidRequestException("restore target " + path + " is not empty: "
                        + (targetGiven ? "give another --target DIR" : "give --target DIR to restore elsewhere")
                        + " (a restore never overwrites existing files)");
            }
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to list restore target " + directory, e);
        }
    }
}
