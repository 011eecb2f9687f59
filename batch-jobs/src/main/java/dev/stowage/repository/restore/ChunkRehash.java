package dev.stowage.repository.restore;

import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads a restored file back and hashes it again chunk by chunk, with the chunk boundaries and keyed
 * ids its tree records: the file on disk, not only the blobs on their way to it, must match.
 */
final class ChunkRehash {

    private final ContentStore content;

    ChunkRehash(ContentStore content) {
        this.content = content;
    }

    /** Null when every chunk matches; else the first problem, naming the chunk's blob and pack. */
    String check(Path file, String snapshotPath, Node node) throws IOException {
        long size = Files.size(file);
        if (size != node.size()) {
            return "file " + snapshotPath + ": restored with " + size + " bytes where the snapshot records "
                    + node.size();
        }
        if (!Files.isReadable(file)) {
            // the restore gave it its recorded mode; the drill owns the copy and only needs to read it
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            long offset = 0;
            int index = 0;
            for (BlobRef blob : node.content()) {
                byte[] chunk = in.readNBytes(blob.length());
                if (chunk.length != blob.length() || !content.idOf(chunk, 0, chunk.length).equals(blob.id())) {
                    return "file " + snapshotPath + ": chunk " + index + " at offset " + offset + " does not match "
                            + "its hash (blob " + blob.id().hex() + " in " + pack(blob) + ")";
                }
                offset += blob.length();
                index++;
            }
        }
        return null;
    }

    private String pack(BlobRef blob) {
        return content.locate(blob.id()).map(BlobLocation::packKey).map(key -> "pack " + key)
                .orElse("no pack the index knows");
    }
}
