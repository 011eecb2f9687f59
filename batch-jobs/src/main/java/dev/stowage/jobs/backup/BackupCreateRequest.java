package dev.stowage.jobs.backup;

import java.util.List;

/**
 * What {@code stowage backup create} asks for.
 *
 * @param paths                    directories to back up, as given (relative paths are resolved against the
 *                                 working directory); none, with {@code stowage.volumes.mode=kubernetes}, backs
 *                                 up the pods' volumes instead
 * @param location                 storage location name
 * @param ttl                      retention, e.g. {@code 720h}
 * @param includeNamespaces        pod volumes: namespaces (patterns with {@code *}) to look in; empty for all
 * @param excludeNamespaces        pod volumes: namespaces to leave out
 * @param defaultVolumesToFsBackup pod volumes: opt-out (true), opt-in (false), or the configured default (null)
 */
public record BackupCreateRequest(String name, List<String> paths, String location, String ttl,
        List<String> includeNamespaces, List<String> excludeNamespaces, Boolean defaultVolumesToFsBackup) {

    public BackupCreateRequest {
        paths = List.copyOf(paths);
        includeNamespaces = includeNamespaces == null ? List.of() : List.copyOf(includeNamespaces);
        excludeNamespaces = excludeNamespaces == null ? List.of() : List.copyOf(excludeNamespaces);
    }

    /** A backup of directories. */
    public BackupCreateRequest(String name, List<String> paths, String location, String ttl) {
        this(name, paths, location, ttl, List.of(), List.of(), null);
    }
}
