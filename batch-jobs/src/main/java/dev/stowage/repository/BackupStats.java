package dev.stowage.repository;

/**
 * @param files          regular files in the snapshot
 * @param directories    directories in the snapshot
 * @param filesUnchanged files taken from the parent snapshot without reading them
 * @param bytesRead      file bytes read from disk
 * @param bytesNew       plaintext bytes of blobs the repository did not have
 * @param bytesUploaded  bytes of pack objects uploaded (compressed, encrypted)
 * @param packsUploaded  pack objects uploaded
 * @param totalBytes     logical size of all regular files in the snapshot
 */
public record BackupStats(long files, long directories, long filesUnchanged, long bytesRead, long bytesNew,
        long bytesUploaded, long packsUploaded, long totalBytes) {
    public static final BackupStats EMPTY = new BackupStats(0, 0, 0, 0, 0, 0, 0, 0);
}
