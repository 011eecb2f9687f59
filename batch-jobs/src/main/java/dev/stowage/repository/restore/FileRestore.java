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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Restores one file. Its chunks are written into a new temporary file beside the final name, by
 * {@link Piece}s that several threads may write at once (each at its own offsets); only when every
 * piece is written and every blob verified does the temporary file get its metadata and, by an
 * atomic rename, its final name. A file whose data is damaged is never visible under its name.
 */
final class FileRestore {
    static final String TEMP_PREFIX = ".stowage-restore-";
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    final Node node;
    final String snapshotPath;
    private final Path target;
    private final Path temp;
    private final PosixMetadata metadata;
    private final RestoreState state;
    private final AtomicInteger piecesLeft = new AtomicInteger();
    private volatile String error;
    private FileChannel channel;
    private boolean opened;

    /** Consecutive chunks of one file, starting at {@code offset}; one unit of work. */
    record Piece(FileRestore file, int from, int to, long offset) {
        long bytes() {
            long total = 0;
            for (int i = from; i < to; i++) {
                total += file.node.content().get(i).length();
            }
            return total;
        }
    }

    FileRestore(Node node, String snapshotPath, Path directory, PosixMetadata metadata, RestoreState state) {
        this.node = node;
        this.snapshotPath = snapshotPath;
        this.target = directory.resolve(node.name());
        this.temp = directory.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        this.metadata = metadata;
        this.state = state;
    }

    /**
     * The file's pieces, each at most {@code pieceBytes} (or one chunk). Fails when the tree's size
     * and its chunks disagree: that tree is damaged or foreign, and its file is not restored.
     */
    List<Piece> pieces(long pieceBytes) throws IOException {
        List<BlobRef> blobs = node.content();
        long chunked = blobs.stream().mapToLong(BlobRef::length).sum();
        if (chunked != node.size()) {
            throw new IOException("the tree records " + node.size() + " bytes but its chunks hold " + chunked
                    + " (a damaged or foreign tree)");
        }
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        long start = 0;
        long offset = 0;
        for (int i = 0; i < blobs.size(); i++) {
            offset += blobs.get(i).length();
            if (offset - start >= pieceBytes) {
                pieces.add(new Piece(this, from, i + 1, start));
                from = i + 1;
                start = offset;
            }
        }
        if (from < blobs.size() || pieces.isEmpty()) {
            pieces.add(new Piece(this, from, blobs.size(), start));
        }
        piecesLeft.set(pieces.size());
        return pieces;
    }

    /** Creates the temporary file on first use (by whichever piece runs first); false when that failed. */
    synchronized boolean open() {
        if (!opened) {
            opened = true;
            try {
                channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), OWNER_ONLY);
            } catch (IOException e) {
                fail("unable to create " + temp + ": " + e.getMessage());
            }
        }
        return channel != null;
    }

    boolean failed() {
        return error != null;
    }

    void write(byte[] data, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        state.wrote(data.length, snapshotPath);
    }

    /** Records why the file cannot be restored; the first reason is the one reported. */
    synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    /** A piece is done (written or given up); the last one finishes the file. */
    void pieceDone() {
        if (piecesLeft.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (error != null) {
                Files.deleteIfExists(temp);
                state.error("file", snapshotPath, error + "; not restored");
                return;
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

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // reported with the error that caused it; a stray temporary name is recognisable
        }
    }
}
