package dev.stowage.repository.archive;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.chunk.ChunkSource;
import dev.stowage.repository.operation.ProgressMeter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The I/O stage: opens each file (never through a symlink), cuts it into chunks and passes them to
 * the {@link BlobSaver}. A file no larger than the smallest chunk is one chunk whatever the
 * chunker does, so it is read in one call and stored right here, without a hand-off: that keeps
 * many small files cheap.
 */
final class FileChunkReader {
    private final ChunkerFactory chunker;
    private final BlobSaver saver;
    private final RunState state;
    private final ProgressMeter progress;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final int wholeFileLimit;

    FileChunkReader(ChunkerFactory chunker, BlobSaver saver, RunState state, ProgressMeter progress,
            ExecutorService pool, int filesInFlight, int wholeFileLimit) {
        this.chunker = chunker;
        this.saver = saver;
        this.state = state;
        this.progress = progress;
        this.pool = pool;
        this.inFlight = new Semaphore(filesInFlight);
        this.wholeFileLimit = wholeFileLimit;
    }

    /** Queues a file; blocks while the maximum number of files is in flight. */
    void read(FileJob job) {
        try {
            while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                state.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("backup interrupted", e);
        }
        try {
            pool.execute(() -> {
                try {
                    if (!state.failed()) {
                        readFile(job);
                    }
                } catch (Throwable e) {
                    state.fail(e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.release();
            throw rejected;
        }
    }

    private void readFile(FileJob job) {
        long total;
        try (InputStream in = Files.newInputStream(job.file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(wholeFileLimit + 1);
            if (head.length <= wholeFileLimit) {
                state.bytesRead.addAndGet(head.length);
                progress.addBytes(head.length, job.path);
                if (head.length > 0) {
                    job.chunkStored(job.nextChunk(), saver.saveNow(head, head.length));
                }
                total = head.length;
            } else {
                total = readChunks(job, new SequenceInputStream(new ByteArrayInputStream(head), in));
            }
        } catch (IOException e) {
            job.readFailed(reason(e));
            return;
        }
        job.readDone(total);
    }

    private long readChunks(FileJob job, InputStream in) throws IOException {
        ChunkSource chunks = chunker.chunks(in);
        long total = 0;
        for (byte[] chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            state.check();
            state.bytesRead.addAndGet(chunk.length);
            progress.addBytes(chunk.length, job.path);
            saver.saveLater(job, job.nextChunk(), chunk);
            total += chunk.length;
        }
        return total;
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied; left out";
        }
        if (e instanceof NoSuchFileException) {
            return "vanished during the backup; left out";
        }
        return "unreadable (" + e.getMessage() + "); left out";
    }
}
