package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.content.BlobBufferSink;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blobs one pack holds for the files of a {@link RestoreWindow}, restored by one bulk read: the
 * content layer fetches them in as few ranged reads as their gaps allow (usually the whole pack in
 * one), and each verified blob is written wherever it is needed (a chunk may occur in several files,
 * or several times in one). Each pack is read once per window, as restic does, instead of once per
 * file or piece of a file that needs it.
 *
 * <p>Before reading, a task takes its share of the {@link ReadBudget}: the restore runs more tasks
 * than cores, so that some wait on the store while others decode, and the budget keeps what they hold
 * bounded. Blobs arrive in one buffer reused for the whole pack (no array per blob), each verified
 * before any of its bytes is written.
 */
final class PackBatch implements Runnable {

    /** Where a blob's plaintext goes: a file and an offset in it. */
    record Placement(FileRestore file, long offset, int length) {
    }

    private final ContentStore content;
    private final Map<BlobId, List<Placement>> wanted;
    private final Set<FileRestore> files;
    private final ReadBudget budget;
    private final long readBytes;

    /**
     * @param wanted    the pack's blobs and their placements
     * @param files     every file this task must report done (those with a placement, and empty files)
     * @param readBytes the most this task holds while reading (its ranged read and decode buffer)
     */
    PackBatch(ContentStore content, Map<BlobId, List<Placement>> wanted, Set<FileRestore> files, ReadBudget budget,
            long readBytes) {
        this.content = content;
        this.wanted = wanted;
        this.files = files;
        this.budget = budget;
        this.readBytes = readBytes;
    }

    @Override
    public void run() {
        Set<FileRestore> acquired = new HashSet<>();
        int permits = 0;
        try {
            permits = wanted.isEmpty() ? 0 : budget.acquire(readBytes);
            Set<BlobId> delivered = new HashSet<>();
            content.readBlobs(wanted.keySet(), new BlobBufferSink() {
                @Override
                public void accept(BlobId id, byte[] plaintext, int length) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        write(placement, id, plaintext, length, acquired);
                    }
                }

                @Override
                public void failed(BlobId id, RepositoryException error) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        placement.file().fail(RestoreState.describe(id, error));
                    }
                }
            });
            wanted.forEach((id, placements) -> {
                if (!delivered.contains(id)) {
                    placements.forEach(p -> p.file().fail("blob " + id.hex() + " was not delivered by the store"));
                }
            });
        } catch (Throwable e) {
            // an Error too (OutOfMemoryError): the files are done with below, and must not be taken for written
            String reason = e instanceof RuntimeException runtime ? RestoreState.describe(runtime)
                    : "unable to read pack blobs: " + e;
            wanted.values().forEach(placements -> placements.forEach(p -> p.file().fail(reason)));
            files.forEach(file -> file.fail(reason));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            budget.release(permits);
            acquired.forEach(FileRestore::release);
            files.forEach(FileRestore::taskDone);
        }
    }

    private static void write(Placement placement, BlobId id, byte[] plaintext, int length,
            Set<FileRestore> acquired) {
        FileRestore file = placement.file();
        if (file.failed()) {
            return;
        }
        if (length != placement.length()) {
            file.fail("blob " + id.hex() + " holds " + length + " bytes where the tree records "
                    + placement.length());
            return;
        }
        if (!acquired.contains(file)) {
            if (!file.acquire()) {
                return;
            }
            acquired.add(file);
        }
        try {
            file.write(plaintext, length, placement.offset());
        } catch (IOException e) {
            file.fail("unable to write: " + e.getMessage());
        }
    }
}
