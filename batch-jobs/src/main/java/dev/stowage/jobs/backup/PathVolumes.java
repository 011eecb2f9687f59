package dev.stowage.jobs.backup;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.manifest.BackupVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The volumes of {@code backup create --path DIR...}: each directory checked, named after its last
 * component (unique within the backup), and given partition {@code path-<n>}.
 */
public final class PathVolumes {

    public static final String KIND = "path";

    private PathVolumes() {
    }

    /** @throws InvalidRequestException naming the first path that cannot be backed up, and why */
    public static List<BackupVolume> plan(List<String> paths, String host) {
        if (paths.isEmpty()) {
            throw new InvalidRequestException("nothing to back up: give at least one --path DIR (or set "
                    + "stowage.volumes.mode=kubernetes to back up the cluster's pod volumes)");
        }
        List<BackupVolume> volumes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String text : paths) {
            Path path = check(text);
            if (!seen.add(path)) {
                throw new InvalidRequestException("path " + path + " is given twice: give each --path once");
            }
            String name = uniqueName(baseName(path), names);
            String partition = "path-" + volumes.size();
            volumes.add(BackupVolume.planned(name, path.toString(), identity(host, path), partition, host));
        }
        return volumes;
    }

    /** Identity of a directory's snapshots: the parent of the next backup of the same directory on the same host. */
    public static String identity(String host, Path path) {
        return KIND + ":" + host + ":" + path;
    }

    private static Path check(String text) {
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InvalidRequestException("path " + path + " does not exist: check --path " + text);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidRequestException("path " + path + " is not a directory: give the directory that holds it");
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            throw new InvalidRequestException("path " + path
                    + " cannot be listed by this user: run as a user who can read it, or give another --path");
        }
        return path;
    }

    private static String baseName(Path path) {
        Path last = path.getFileName();
        String name = last == null ? "root" : last.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "root" : name;
    }

    private static String uniqueName(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
