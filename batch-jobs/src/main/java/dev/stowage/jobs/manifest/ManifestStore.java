package dev.stowage.jobs.manifest;

import dev.stowage.repository.Documents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Backup and restore manifests and run logs, as encrypted documents in the repository. */
public final class ManifestStore {

    static final String BACKUPS = "backups";
    static final String BACKUP_LOGS = "backup-logs";
    static final String RESTORES = "restores";
    static final String RESTORE_LOGS = "restore-logs";

    private final Documents documents;

    public ManifestStore(Documents documents) {
        this.documents = documents;
    }

    public void put(BackupManifest manifest) {
        documents.put(BACKUPS, manifest.name(), ManifestJson.write(manifest));
    }

    /** Whether {@link #create(BackupManifest)} claims a name in one conditional write (see {@link Documents#canCreate}). */
    public boolean canCreate() {
        return documents.canCreate();
    }

    /** Writes the manifest only if no backup has its name: true when written. Only where {@link #canCreate()}. */
    public boolean create(BackupManifest manifest) {
        return documents.create(BACKUPS, manifest.name(), ManifestJson.write(manifest));
    }

    public Optional<BackupManifest> backup(String name) {
        return documents.get(BACKUPS, name).map(json -> ManifestJson.read(json, BackupManifest.class,
                "manifest of backup " + name));
    }

    /** Every backup manifest, in name order. */
    public List<BackupManifest> backups() {
        List<BackupManifest> result = new ArrayList<>();
        for (String name : documents.list(BACKUPS)) {
            backup(name).ifPresent(result::add);
        }
        return result;
    }

    public void deleteBackup(String name) {
        documents.delete(BACKUP_LOGS, name);
        documents.delete(BACKUPS, name);
    }

    public void put(RestoreManifest manifest) {
        documents.put(RESTORES, manifest.name(), ManifestJson.write(manifest));
    }

    public Optional<RestoreManifest> restore(String name) {
        return documents.get(RESTORES, name).map(json -> ManifestJson.read(json, RestoreManifest.class,
                "manifest of restore " + name));
    }

    public List<RestoreManifest> restores() {
        List<RestoreManifest> result = new ArrayList<>();
        for (String name : documents.list(RESTORES)) {
            restore(name).ifPresent(result::add);
        }
        return result;
    }

    /** Stores the log of a run ({@code backup} or {@code restore}), replacing the previous one. */
    public void putLog(String kind, String name, String log) {
        documents.put(logCollection(kind), name, log.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> log(String kind, String name) {
        return documents.get(logCollection(kind), name).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static String logCollection(String kind) {
        return switch (kind) {
            case "backup" -> BACKUP_LOGS;
            case "restore" -> RESTORE_LOGS;
            default -> throw new IllegalArgumentException("no logs for runs of kind " + kind);
        };
    }
}
