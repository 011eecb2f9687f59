package dev.stowage.repository.archive;

import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.FileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A file being read: its chunks are stored by other threads in any order, each into its slot, and
 * the file completes when reading has ended and every chunk is stored.
 */
final class FileJob {
    final DirectoryJob directory;
    final int slot;
    final String name;
    final String path;
    final Path file;
    final FileAttributes attributes;

    private final Consumer<FileJob> done;
    private final List<BlobRef> blobs = new ArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private volatile String error;
    private volatile long bytesRead;

    FileJob(DirectoryJob directory, int slot, String name, Path file, FileAttributes attributes,
            Consumer<FileJob> done) {
        this.directory = directory;
        this.slot = slot;
        this.name = name;
        this.path = directory.child(name);
        this.file = file;
        this.attributes = attributes;
        this.done = done;
    }

    /** Reserves the next chunk's slot; the chunk is now outstanding until {@link #chunkStored}. */
    int nextChunk() {
        outstanding.incrementAndGet();
        synchronized (blobs) {
            blobs.add(null);
            return blobs.size() - 1;
        }
    }

    void chunkStored(int index, BlobRef blob) {
        synchronized (blobs) {
            blobs.set(index, blob);
        }
        release();
    }

    /** Reading reached the end of the file. */
    void readDone(long bytes) {
        bytesRead = bytes;
        release();
    }

    /** Reading failed: the file is left out of the snapshot with a warning. */
    void readFailed(String reason) {
        error = reason;
        release();
    }

    String error() {
        return error;
    }

    long bytesRead() {
        return bytesRead;
    }

    List<BlobRef> blobs() {
        synchronized (blobs) {
            return List.copyOf(blobs);
        }
    }

    private void release() {
        if (outstanding.decrementAndGet() == 0) {
            done.accept(this);
        }
    }
}
