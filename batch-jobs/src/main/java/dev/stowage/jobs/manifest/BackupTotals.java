package dev.stowage.jobs.manifest;

import dev.stowage.repository.BackupStats;

/**
 * What a backup (or one of its volumes) read and stored.
 *
 * @param files          regular files in the snapshot(s)
 * @param bytesRead      file bytes read from disk (unchanged files are not read again)
 * @param bytesNew       plaintext bytes the repository did not have
 * @param bytesUploaded  bytes of packs uploaded, compressed and encrypted
 * @param packsUploaded  pack objects uploaded
 * @param totalBytes     logical size of all files
 * @param filesUnchanged files taken from the parent snapshot without reading them
 */
public record BackupTotals(long files, long directories, long bytesRead, long bytesNew, long bytesUploaded,
        long packsUploaded, long totalBytes, long filesUnchanged) {

    public static final BackupTotals ZERO = new BackupTotals(0, 0, 0, 0, 0, 0, 0, 0);

    public static BackupTotals of(BackupStats stats) {
        return new BackupTotals(stats.files(), stats.directories(), stats.bytesRead(), stats.bytesNew(),
                stats.bytesUploaded(), stats.packsUploaded(), stats.totalBytes(), stats.filesUnchanged());
    }

    public BackupTotals plus(BackupTotals o) {
        return new BackupTotals(files + o.files, directories + o.directories, bytesRead + o.bytesRead,
                bytesNew + o.bytesNew, bytesUploaded + o.bytesUploaded, packsUploaded + o.packsUploaded,
                totalBytes + o.totalBytes, filesUnchanged + o.filesUnchanged);
    }
}
