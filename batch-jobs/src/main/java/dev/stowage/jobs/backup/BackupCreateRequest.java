package dev.stowage.jobs.backup;

import dev.stowage.jobs.resources.ResourceFilters;
import java.util.List;
import java.util.Map;

/**
 * What {@code stowage backup create} asks for.
 *
 * @param paths                    directories to back up, as given (relative paths are resolved against the
 *                                 working directory); none, in Kubernetes mode, backs up the pods' volumes
 * @param location                 storage location name
 * @param ttl                      retention, e.g. {@code 720h}
 * @param resources                Kubernetes resource filters as given; any filter puts the cluster in scope.
 *                                 Their namespace filters also choose the pods whose volumes are backed up
 * @param labels                   the backup's labels ({@code --labels}; a scheduled backup's name its schedule)
 * @param defaultVolumesToFsBackup pod volumes: opt-out (true), opt-in (false), or the configured default (null)
 */
public record BackupCreateRequest(String name, List<String> paths, String location, String ttl,
        ResourceFilters resources, Map<String, String> labels, Boolean defaultVolumesToFsBackup) {

    public BackupCreateRequest {
        paths = List.copyOf(paths);
        resources = resources == null ? ResourceFilters.none() : resources;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A backup of directories and resources without labels, pod volumes as configured. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl,
            ResourceFilters resources) {
        this(name, paths, location, ttl, resources, null, null);
    }

    /** A backup of directories. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl) {
        this(name, paths, location, ttl, null);
    }
}
