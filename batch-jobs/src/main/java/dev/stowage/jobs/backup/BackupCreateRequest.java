package dev.stowage.jobs.backup;

import dev.stowage.jobs.resources.ResourceFilters;
import java.util.List;
import java.util.Map;

/**
 * What {@code stowage backup create} asks for.
 *
 * @param paths     directories to back up, as given (relative paths are resolved against the working directory)
 * @param location  storage location name
 * @param ttl       retention, e.g. {@code 720h}
 * @param resources Kubernetes resource filters as given; any filter puts the cluster in scope
 * @param labels    the backup's labels ({@code --labels}; a scheduled backup's name its schedule)
 * @param defaultVolumesToFsBackup pod volumes taken unless annotated out (true), only annotated ones
 *                  (false), or the installation's default (null); recorded as the run's
 *                  {@link dev.stowage.jobs.RunParameters#VOLUME_POLICY}
 */
public record BackupCreateRequest(String name, List<String> paths, String location, String ttl,
        ResourceFilters resources, Map<String, String> labels, Boolean defaultVolumesToFsBackup) {

    public BackupCreateRequest {
        paths = List.copyOf(paths);
        resources = resources == null ? ResourceFilters.none() : resources;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A backup without labels or volume policy. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl,
            ResourceFilters resources) {
        this(name, paths, location, ttl, resources, null, null);
    }

    /** A backup of directories. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl) {
        this(name, paths, location, ttl, null);
    }
}
