package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobSink;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.snapshot.BlobRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pieces of files restored by one bulk read: the content layer fetches their blobs pack by pack,
 * neighbours in one ranged read, and each verified blob is written wherever it is needed (a chunk
 * may occur in several files, or several times in one). Many small files share a batch, so a
 * restore of thousands of them costs a few reads per pack instead of one per file.
 */
final class BlobBatch implements Runnable {
    private final ContentStore content;
    private final List<FileRestore.Piece> pieces;

    private record Placement(FileRestore file, long offset, int length) {
    }

    BlobBatch(ContentStore content, List<FileRestore.Piece> pieces) {
        this.content = content;
        this.pieces = List.copyOf(pieces);
    }

    @Override
    public void run() {
        try {
            Map<BlobId, List<Placement>> wanted = placements();
            Set<BlobId> delivered = new HashSet<>();
            content.readBlobs(wanted.keySet(), new BlobSink() {
                @Override
                public void accept(BlobId id, byte[] plaintext) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        write(placement, id, plaintext);
                    }
                }

                @Override
                public void failed(BlobId id, RepositoryException error) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        placement.file.fail(RestoreState.describe(id, error));
                    }
                }
            });
            wanted.forEach((id, placements) -> {
                if (!delivered.contains(id)) {
                    placements.forEach(p -> p.file.fail("blob " + id.hex() + " was not delivered by the store"));
                }
            });
        } catch (RuntimeException e) {
            pieces.forEach(piece -> piece.file().fail(RestoreState.describe(e)));
        } finally {
            pieces.forEach(piece -> piece.file().pieceDone());
        }
    }

    /** Where each wanted blob goes, opening each file's temporary file; failed files want nothing. */
    private Map<BlobId, List<Placement>> placements() {
        Map<BlobId, List<Placement>> wanted = new LinkedHashMap<>();
        for (FileRestore.Piece piece : pieces) {
            if (!piece.file().open()) {
                continue;
            }
            long offset = piece.offset();
            for (int i = piece.from(); i < piece.to(); i++) {
                BlobRef blob = piece.file().node.content().get(i);
                wanted.computeIfAbsent(blob.id(), id -> new ArrayList<>(1))
                        .add(new Placement(piece.file(), offset, blob.length()));
                offset += blob.length();
            }
        }
        return wanted;
    }

    private static void write(Placement placement, BlobId id, byte[] plaintext) {
        FileRestore file = placement.file;
        if (file.failed()) {
            return;
        }
        if (plaintext.length != placement.length) {
            file.fail("blob " + id.hex() + " holds " + plaintext.length + " bytes where the tree records "
                    + placement.length);
            return;
        }
        try {
            file.write(plaintext, placement.offset);
        } catch (IOException e) {
            file.fail("unable to write: " + e.getMessage());
        }
    }
}
