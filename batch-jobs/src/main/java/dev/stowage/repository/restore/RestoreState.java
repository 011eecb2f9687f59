package dev.stowage.repository.restore;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.operation.ProgressMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Counters and error lines of one restore, shared by its threads. */
final class RestoreState {
    final AtomicLong files = new AtomicLong();
    final AtomicLong directories = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final String snapshot;
    private final ProgressMeter progress;

    RestoreState(String snapshotId, ProgressMeter progress) {
        this.snapshot = snapshotId.substring(0, Math.min(12, snapshotId.length()));
        this.progress = progress;
    }

    void wrote(long count, String path) {
        bytes.addAndGet(count);
        progress.addBytes(count, path);
    }

    void fileRestored(String path) {
        files.incrementAndGet();
        progress.fileDone(path);
    }

    /** One error line about a snapshot path: "snapshot 1a2b… file a/b: what; consequence". */
    void error(String kind, String path, String message) {
        errors.add("snapshot " + snapshot + " " + kind + " " + (path.isEmpty() ? "/" : path) + ": " + message);
    }

    List<String> errors() {
        return new ArrayList<>(errors);
    }

    /** A failure to read one blob, naming the blob unless the message already does. */
    static String describe(dev.stowage.repository.content.BlobId id, RuntimeException e) {
        String message = describe(e);
        return message.contains(id.hex()) ? message : "blob " + id.hex() + ": " + message;
    }

    /** How a failure to read stored data reads in an error line: the object at fault first. */
    static String describe(RuntimeException e) {
        if (e instanceof CorruptDataException corrupt && corrupt.objectKey() != null) {
            String message = corrupt.getMessage();
            return message != null && message.contains(corrupt.objectKey()) ? message
                    : corrupt.objectKey() + ": " + message;
        }
        return String.valueOf(e.getMessage());
    }
}
