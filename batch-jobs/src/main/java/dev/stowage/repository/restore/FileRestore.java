package dev.stowage.repository.restore;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.ContentStore;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Restores one file: its chunks are written into a new temporary file beside the final name, in
 * ranges that several threads may write at once (each at its own offset), and only when every
 * blob has been read and verified does the temporary file get its metadata and its final name. A
 * file whose data is damaged is never visible under its name; its temporary file is removed.
 */
final class FileRestore {
    static final String TEMP_PREFIX = ".stowage-restore-";

    private final Node node;
    private final String snapshotPath;
    private final Path target;
    private final Path temp;
    private final ContentStore content;
    private final PosixMetadata metadata;
    private final RestoreState state;
    private final List<Range> ranges;
    private final AtomicInteger rangesLeft;
    private volatile String error;
    private FileChannel channel;

    /** One run of consecutive chunks, written by one task. */
    record Range(FileRestore file, int from, int to, long offset) {
        void run() {
            file.write(this);
        }
    }

    FileRestore(Node node, String snapshotPath, Path directory, ContentStore content, PosixMetadata metadata,
            RestoreState state, long rangeBytes) {
        this.node = node;
        this.snapshotPath = snapshotPath;
        this.target = directory.resolve(node.name());
        this.temp = directory.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        this.content = content;
        this.metadata = metadata;
        this.state = state;
        this.ranges = split(rangeBytes);
        this.rangesLeft = new AtomicInteger(ranges.size());
    }

    /** Creates the temporary file; the ranges may then run in any thread and order. */
    List<Range> open() throws IOException {
        long chunked = node.content().stream().mapToLong(BlobRef::length).sum();
        if (chunked != node.size()) {
            throw new IOException("the tree records " + node.size() + " bytes but its chunks hold " + chunked
                    + " (a damaged or foreign tree)");
        }
        channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------")));
        return ranges;
    }

    private void write(Range range) {
        long offset = range.offset();
        for (int i = range.from(); i < range.to() && error == null; i++) {
            BlobRef blob = node.content().get(i);
            try {
                byte[] data = content.read(blob.id());
                if (data.length != blob.length()) {
                    throw new CorruptDataException(null, "blob " + blob.id().hex() + " holds " + data.length
                            + " bytes where the tree records " + blob.length(), null);
                }
                writeFully(ByteBuffer.wrap(data), offset);
                state.wrote(data.length, snapshotPath);
                offset += data.length;
            } catch (RuntimeException e) {
                fail("blob " + blob.id().hex() + ": " + RestoreState.describe(e));
            } catch (IOException e) {
                fail("unable to write " + temp + ": " + e.getMessage());
            }
        }
        if (rangesLeft.decrementAndGet() == 0) {
            complete();
        }
    }

    private void complete() {
        try {
            channel.close();
            if (error != null) {
                Files.deleteIfExists(temp);
                state.error("file", snapshotPath, error + "; not restored");
                return;
            }
            metadata.apply(temp, node);
            moveIntoPlace();
            state.fileRestored(snapshotPath);
        } catch (IOException | RuntimeException e) {
            deleteQuietly();
            state.error("file", snapshotPath, "unable to finish " + target + ": " + e.getMessage() + "; not restored");
        }
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // reported with the error that caused it; a stray temporary name is recognisable
        }
    }

    private List<Range> split(long rangeBytes) {
        List<Range> result = new ArrayList<>();
        List<BlobRef> blobs = node.content();
        int from = 0;
        long offset = 0;
        long start = 0;
        for (int i = 0; i < blobs.size(); i++) {
            offset += blobs.get(i).length();
            if (offset - start >= rangeBytes) {
                result.add(new Range(this, from, i + 1, start));
                from = i + 1;
                start = offset;
            }
        }
        if (from < blobs.size() || result.isEmpty()) {
            result.add(new Range(this, from, blobs.size(), start));
        }
        return result;
    }
}
