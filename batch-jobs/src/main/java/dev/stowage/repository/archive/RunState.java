package dev.stowage.repository.archive;

import dev.stowage.repository.RepositoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every stage of one backup shares: the counters for its stats, the warnings, and the first
 * fatal failure. A failure in any thread (a broken writer, an unreachable store) stops the walk and
 * every stage; an unreadable file is only a warning.
 */
final class RunState {
    final AtomicLong files = new AtomicLong();
    final AtomicLong directories = new AtomicLong();
    final AtomicLong filesUnchanged = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong totalBytes = new AtomicLong();

    private final Queue<String> warnings = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> failure = new CompletableFuture<>();

    void warn(String path, String reason) {
        warnings.add((path.isEmpty() ? "/" : path) + ": " + reason);
    }

    List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    /** Records the first fatal failure; later ones are consequences of it. */
    void fail(Throwable cause) {
        failure.completeExceptionally(cause);
    }

    boolean failed() {
        return failure.isCompletedExceptionally();
    }

    /** Throws the fatal failure, if any, in the calling thread. */
    void check() {
        if (failed()) {
            throw rethrowable(failure.handle((v, e) -> e).join());
        }
    }

    /** A future that completes exceptionally once the run fails, for waiting on "done or failed". */
    CompletableFuture<Void> failure() {
        return failure;
    }

    static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof RepositoryException repositoryException) {
            return repositoryException;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new RepositoryException("backup failed: " + cause, cause);
    }
}
