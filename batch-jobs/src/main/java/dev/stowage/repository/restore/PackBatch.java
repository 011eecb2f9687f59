package dev.stowage.repository.restore;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.content.BlobBufferSink;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import java.io.IOException;
import java.util.HashMap;
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
 * bounded. The pack's bytes are read into a buffer its thread reuses for the next pack, and blobs
 * arrive in one buffer reused likewise (no array per pack or per blob, see the content layer's
 * {@code BlobReader}); each blob is verified before any of its bytes is written.
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
        Progress progress = new Progress(wanted);
        int permits = 0;
        try {
            permits = wanted.isEmpty() ? 0 : budget.acquire(readBytes);
            Set<BlobId> delivered = new HashSet<>();
            content.readBlobs(wanted.keySet(), new BlobBufferSink() {
                @Override
                public void accept(BlobId id, byte[] plaintext, int length) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        write(placement, id, plaintext, length, progress);
                        progress.placed(placement.file());
                    }
                }

                @Override
                public void failed(BlobId id, RepositoryException error) {
                    delivered.add(id);
                    for (Placement placement : wanted.get(id)) {
                        placement.file().fail(RestoreState.describe(id, error));
                        progress.placed(placement.file());
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
            // a file done here before the failure was written whole and verified: it keeps its name
            files.stream().filter(file -> !progress.isDone(file)).forEach(file -> file.fail(reason));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            budget.release(permits);
            progress.releaseAll();
            files.forEach(progress::done);
        }
    }

    private static void write(Placement placement, BlobId id, byte[] plaintext, int length, Progress progress) {
        FileRestore file = placement.file();
        if (file.failed()) {
            return;
        }
        if (length != placement.length()) {
            file.fail("blob " + id.hex() + " holds " + length + " bytes where the tree records "
                    + placement.length());
            return;
        }
        if (!progress.open(file)) {
            return;
        }
        try {
            file.write(plaintext, length, placement.offset());
        } catch (IOException e) {
            file.fail("unable to write: " + e.getMessage());
        }
    }

    /**
     * The files this task has open and the placements each still waits for. A file is closed and
     * handed back ({@link FileRestore#taskDone}) as soon as its last placement in this pack is written,
     * not when the whole pack is: a pack of thousands of small files then holds one of them open at a
     * time, not all of them, and each file gets its name while its pages are still in the cache.
     */
    private static final class Progress {
        private final Map<FileRestore, int[]> placementsLeft = new HashMap<>();
        private final Set<FileRestore> opened = new HashSet<>();
        private final Set<FileRestore> done = new HashSet<>();

        Progress(Map<BlobId, List<Placement>> wanted) {
            wanted.values().forEach(placements -> placements.forEach(
                    p -> placementsLeft.computeIfAbsent(p.file(), file -> new int[1])[0]++));
        }

        boolean open(FileRestore file) {
            if (opened.contains(file)) {
                return true;
            }
            if (!file.acquire()) {
                return false;
            }
            opened.add(file);
            return true;
        }

        /** One placement of {@code file} is written or given up; after its last, the file is done here. */
        void placed(FileRestore file) {
            if (--placementsLeft.get(file)[0] == 0) {
                if (opened.remove(file)) {
                    file.release();
                }
                done(file);
            }
        }

        boolean isDone(FileRestore file) {
            return done.contains(file);
        }

        void releaseAll() {
            opened.forEach(FileRestore::release);
            opened.clear();
        }

        /** This task is done with {@code file}, once: the last task to be done finishes the file. */
        void done(FileRestore file) {
            if (done.add(file)) {
                file.taskDone();
            }
        }
    }
}
