package dev.stowage.jobs.backup;

import dev.stowage.jobs.resources.ResourceFilters;
import java.util.List;

/**
 * What {@code stowage backup create} asks for.
 *
 * @param paths     directories to back up, as given (relative paths are resolved against the working directory)
 * @param location  storage location name
 * @param ttl       retention, e.g. {@code 720h}
 * @param resources Kubernetes resource filters as given; any filter puts the cluster in scope
 */
public record BackupCreateRequest(String name, List<String> paths, String location, String ttl,
        ResourceFilters resources) {

    public BackupCreateRequest {
        paths = List.copyOf(paths);
        resources = resources == null ? ResourceFilters.none() : resources;
    }

    /** A backup of directories. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl) {
        this(name, paths, location, ttl, null);
    }
}
