package dev.stowage.repository.archive;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.chunk.StreamChunker;
import dev.stowage.repository.operation.ProgressMeter;
import java.io.IOException;
import java.io.InputStream;
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
 * the {@link BlobSaver}, which copies each chunk out of the chunker's buffer into a pooled one. A file
 * no larger than the smallest chunk is one chunk whatever the chunker does, so it is stored right here
 * from the chunker's buffer, without a copy or a hand-off: that keeps many small files cheap.
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
        long total = 0;
        try (InputStream in = Files.newInputStream(job.file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            StreamChunker chunks = chunker.chunks(in);
            for (int length = chunks.advance(); length >= 0; length = chunks.advance()) {
                state.check();
                state.bytesRead.addAndGet(length);
                progress.addBytes(length, job.path);
                if (total == 0 && length <= wholeFileLimit && chunks.ended()) {
                    // the whole file is this chunk: stored from the chunker's buffer, no copy, no hand-off
                    job.chunkStored(job.nextChunk(), saver.saveNow(chunks.buffer(), chunks.chunkOffset(), length));
                } else {
                    saver.saveLater(job, job.nextChunk(), chunks.buffer(), chunks.chunkOffset(), length);
                }
                total += length;
            }
        } catch (IOException e) {
            job.readFailed(reason(e));
            return;
        }
        job.readDone(total);
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
