package dev.stowage.jobs.restore;

import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.manifest.RestoreTotals;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a restored volume against its snapshot: every regular file the snapshot lists is a regular
 * file in the target, and file count and total size match the snapshot's statistics. (The content of
 * each blob was verified by the engine as it was written.)
 */
final class RestoreVerifier {

    /** Missing files named one by one, up to this many; the rest are counted. */
    private static final int MAX_NAMED = 20;

    private RestoreVerifier() {
    }

    static RestoreVolume verify(Repository repository, RestoreVolume volume) {
        Path target = Path.of(volume.target());
        List<String> missing = new ArrayList<>();
        long[] found = new long[2]; // files, bytes
        repository.read(volume.snapshotId()).walkFiles(path -> {
            Path file = target.resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                found[0]++;
                found[1] += size(file);
            } else {
                missing.add(path);
            }
        });
        List<String> errors = new ArrayList<>(volume.errors());
        missing.stream().limit(MAX_NAMED).forEach(p -> errors.add("verify: " + p + " is missing from " + target));
        if (missing.size() > MAX_NAMED) {
            errors.add("verify: " + (missing.size() - MAX_NAMED) + " more files are missing from " + target);
        }
        BackupStats expected = repository.snapshot(volume.snapshotId()).map(SnapshotInfo::stats).orElse(null);
        if (expected != null && missing.isEmpty() && (found[0] != expected.files() || found[1] != expected.totalBytes())) {
            errors.add("verify: " + target + " holds " + found[0] + " files of " + found[1] + " bytes, the snapshot "
                    + expected.files() + " files of " + expected.totalBytes() + " bytes");
        }
        Phase phase = errors.isEmpty() ? volume.phase() : volume.phase().worse(Phase.PARTIALLY_FAILED);
        RestoreTotals stats = new RestoreTotals(volume.stats().files(), volume.stats().directories(),
                volume.stats().bytes(), found[0]);
        return new RestoreVolume(volume.name(), volume.source(), volume.snapshotId(), volume.target(),
                volume.partition(), phase, volume.files(), volume.bytes(), stats, errors);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
