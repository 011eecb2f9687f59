package dev.stowage.repository.chunk;

import java.io.IOException;

/** The chunks of one stream, in order, as content-defined chunking cut them. */
public interface ChunkSource {

    /** The next chunk, or null at the end of the stream. The returned array belongs to the caller. */
    byte[] next() throws IOException;
}
