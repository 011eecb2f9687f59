package dev.stowage.jobs.backup;

import java.util.List;

/**
 * What {@code stowage backup create} asks for.
 *
 * @param paths    directories to back up, as given (relative paths are resolved against the working directory)
 * @param location storage location name
 * @param ttl      retention, e.g. {@code 720h}
 */
public record BackupCreateRequest(String name, List<String> paths, String location, String ttl) {
    public BackupCreateRequest {
        paths = List.copyOf(paths);
    }
}
