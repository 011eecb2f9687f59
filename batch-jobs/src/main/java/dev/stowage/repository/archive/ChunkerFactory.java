package dev.stowage.repository.archive;

import dev.stowage.repository.chunk.ChunkSource;
import java.io.InputStream;

/** Cuts a stream into content-defined chunks with the repository's chunking parameters. */
@FunctionalInterface
public interface ChunkerFactory {

    ChunkSource chunks(InputStream in);
}
