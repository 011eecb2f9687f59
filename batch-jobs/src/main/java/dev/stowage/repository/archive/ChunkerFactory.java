package dev.stowage.repository.archive;

import dev.stowage.repository.chunk.StreamChunker;
import java.io.InputStream;

/**
 * Cuts a stream into content-defined chunks with the repository's chunking parameters. A chunker that lends
 * its chunks out of its own buffer ({@link StreamChunker#advance}) lets the archiver copy each chunk once, into
 * a pooled buffer, or not at all for a file stored in the reading thread.
 */
@FunctionalInterface
public interface ChunkerFactory {

    StreamChunker chunks(InputStream in);
}
