package dev.stowage.repository.restore;

import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Restores one file. Its chunks are written into a new temporary file beside the final name by the
 * pack tasks that fetch them, several at once (each at its own offsets); only when every task that
 * holds a chunk of it is done, every chunk written and every blob verified does the temporary file get its metadata and, by
 * an atomic rename, its final name. A file whose data is damaged is never visible under its name.
 *
 * <p>The file is open only while a task writes to it: a restore of many files spread over many packs
 * holds a file descriptor per running task's file, not one per file not yet complete.
 */
final class FileRestore {
    static final String TEMP_PREFIX = ".stowage-restore-";
    /**
     * Largest single write: the JDK copies a heap buffer into a cached direct buffer per thread for
     * each write, and reallocates (and zeroes) that buffer whenever a write is larger than the one
     * cached; chunks of up to several MiB would do that again and again.
     */
    static final int WRITE_SLICE = 1024 * 1024;
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    final Node node;
    final String snapshotPath;
    private final Path target;
    private final Path temp;
    private final PosixMetadata metadata;
    private final RestoreState state;
    private final AtomicInteger tasksLeft = new AtomicInteger();
    /** Chunks written so far: one per entry of the node's content, or the file has a hole. */
    private final AtomicInteger chunksWritten = new AtomicInteger();
    private volatile String error;
    private FileChannel channel;
    private int users;
    private boolean created;

    FileRestore(Node node, String snapshotPath, Path directory, PosixMetadata metadata, RestoreState state) {
        this.node = node;
        this.snapshotPath = snapshotPath;
        this.target = directory.resolve(node.name());
        this.temp = directory.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        this.metadata = metadata;
        this.state = state;
    }

    /**
     * Checks that the tree's size and its chunks agree: when they do not, that tree is damaged or
     * foreign, and its file is not restored.
     */
    void checkSize() throws IOException {
        long chunked = node.content().stream().mapToLong(BlobRef::length).sum();
        if (chunked != node.size()) {
            throw new IOException("the tree records " + node.size() + " bytes but its chunks hold " + chunked
                    + " (a damaged or foreign tree)");
        }
    }

    /** How many tasks will write to this file (and call {@link #taskDone}); set before any runs. */
    void expectTasks(int count) {
        tasksLeft.set(count);
    }

    /**
     * Opens the temporary file for a task's writes (creating it on first use); false when that failed.
     * Each successful call is paired with {@link #release}.
     */
    synchronized boolean acquire() {
        if (error != null) {
            return false;
        }
        if (channel == null) {
            try {
                channel = created ? FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
                        : FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS), OWNER_ONLY);
                created = true;
            } catch (IOException e) {
                fail("unable to " + (created ? "open " : "create ") + temp + ": " + e.getMessage());
                return false;
            }
        }
        users++;
        return true;
    }

    /** A task is done writing for now; the last user closes the file. */
    synchronized void release() {
        if (--users == 0) {
            closeChannel();
        }
    }

    boolean failed() {
        return error != null;
    }

    /** Writes {@code data[0, length)} at {@code position}; only between {@link #acquire} and {@link #release}. */
    void write(byte[] data, int length, long position) throws IOException {
        FileChannel open;
        synchronized (this) {
            open = channel;
        }
        for (int done = 0; done < length; ) {
            ByteBuffer slice = ByteBuffer.wrap(data, done, Math.min(WRITE_SLICE, length - done));
            while (slice.hasRemaining()) {
                int written = open.write(slice, position);
                position += written;
                done += written;
            }
        }
        chunksWritten.incrementAndGet();
        state.wrote(length, snapshotPath);
    }

    /** Records why the file cannot be restored; the first reason is the one reported. */
    synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    /** A task is done with this file (written or given up); the last one finishes the file. */
    void taskDone() {
        if (tasksLeft.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        int chunks = node.content().size();
        if (chunksWritten.get() != chunks) {
            // a task that ended without writing its chunks and without a reason must not leave a hole
            fail("only " + chunksWritten.get() + " of its " + chunks + " chunks were written");
        }
        try {
            if (error != null) {
                Files.deleteIfExists(temp);
                state.error("file", snapshotPath, error + "; not restored");
                return;
            }
            if (!created) { // an empty file: no task wrote to it
                Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), OWNER_ONLY).close();
            }
            metadata.apply(temp, node);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            state.fileRestored(snapshotPath);
        } catch (IOException | RuntimeException e) {
            deleteQuietly();
            state.error("file", snapshotPath, "unable to finish " + target + ": " + e.getMessage() + "; not restored");
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            fail("unable to write " + temp + ": " + e.getMessage());
        }
        channel = null;
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // reported with the error that caused it; a stray temporary name is recognisable
        }
    }
}
