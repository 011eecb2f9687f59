package dev.stowage.repository.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an {@link InputStream} into content-defined chunks. Buffers at most twice the largest chunk
 * (the buffer grows with the stream, so a small file costs little), and may be {@link #reset} onto the
 * next stream so a worker thread keeps one buffer for all its files.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class StreamChunker implements ChunkSource {

    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int MAX_READ = 1024 * 1024;

    private final FastCdc cdc;
    private final int capacity;
    private byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private InputStream in;

    public StreamChunker(FastCdc cdc) {
        this.cdc = cdc;
        this.capacity = (int) Math.min(Integer.MAX_VALUE - 16, 2L * cdc.max());
        this.buffer = new byte[Math.min(INITIAL_BUFFER, capacity)];
    }

    public StreamChunker(FastCdc cdc, InputStream in) {
        this(cdc);
        reset(in);
    }

    /** Starts on a new stream, keeping the buffer. The previous stream is not closed here. */
    public StreamChunker reset(InputStream stream) {
        this.in = stream;
        this.start = 0;
        this.end = 0;
        this.eof = false;
        return this;
    }

    @Override
    public byte[] next() throws IOException {
        fill();
        if (end == start) {
            return null;
        }
        int length = cdc.cut(buffer, start, end - start);
        byte[] chunk = Arrays.copyOfRange(buffer, start, start + length);
        start += length;
        return chunk;
    }

    /** Reads until {@code max} bytes are buffered after {@code start}, or the stream ends. */
    private void fill() throws IOException {
        while (!eof && end - start < cdc.max()) {
            if (end == buffer.length) {
                makeRoom();
            }
            // A read into a heap array goes through a temporary native buffer of the read's size, which
            // the JDK keeps per thread: bounded reads keep that at a MiB instead of the largest chunk.
            int read = in.read(buffer, end, Math.min(buffer.length - end, MAX_READ));
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
    }

    /**
     * Compacts when that frees at least half the buffer, else grows it. At full capacity fewer than
     * {@code max} (half the capacity) bytes are buffered here, so compaction always applies there.
     */
    private void makeRoom() {
        int buffered = end - start;
        if (start > 0 && buffered <= buffer.length / 2) {
            System.arraycopy(buffer, start, buffer, 0, buffered);
            start = 0;
            end = buffered;
        } else {
            buffer = Arrays.copyOf(buffer, (int) Math.min(capacity, 2L * buffer.length));
        }
    }
}
