package dev.stowage.repository.archive;

import dev.stowage.repository.chunk.FastCdc;
import dev.stowage.repository.chunk.StreamChunker;
import dev.stowage.repository.content.RepositoryConfig;
import java.io.InputStream;

/**
 * FastCDC chunkers with the repository's parameters, one per thread and reused from file to file,
 * so a walk of many files does not allocate a chunking buffer (up to twice the largest chunk) per
 * file. A thread must finish one stream before it asks for the next; the archiver's readers and a
 * snapshot builder do.
 */
public final class ThreadChunkers implements ChunkerFactory {
    private final ThreadLocal<StreamChunker> chunkers;

    public ThreadChunkers(RepositoryConfig config) {
        FastCdc cdc = new FastCdc(config.chunkMinBytes(), config.chunkAvgBytes(), config.chunkMaxBytes());
        this.chunkers = ThreadLocal.withInitial(() -> new StreamChunker(cdc));
    }

    @Override
    public StreamChunker chunks(InputStream in) {
        return chunkers.get().reset(in);
    }
}
