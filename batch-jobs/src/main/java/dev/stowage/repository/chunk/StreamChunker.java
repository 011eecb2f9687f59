package dev.stowage.repository.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an {@link InputStream} into content-defined chunks, the same cuts as {@link FastCdc#cut} over the whole
 * stream. Buffers at most the largest chunk and four average ones (the buffer grows with the stream, so a small
 * file costs little), and may be {@link #reset} onto the next stream so a worker thread keeps one buffer for all its files.
 *
 * <p>Chunks come either as fresh arrays ({@link #next}) or, without a copy, as views of this chunker's
 * buffer ({@link #advance}, then {@link #buffer} and {@link #chunkOffset}), valid until the next call.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class StreamChunker implements ChunkSource {

    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int MAX_READ = 1024 * 1024;
    /**
     * Chunks are cut from this many average chunk sizes of buffered data, not from the largest chunk's worth:
     * a cut found inside what is buffered is final (it depends only on the bytes before it), and only when
     * none is found does the chunker read on to the largest chunk and cut again, which normalized chunking
     * makes rare (no cut in four averages happens about once in 10^5 chunks). Less buffered ahead means less
     * to move when the buffer is compacted.
     */
    private static final int READ_AHEAD_AVERAGES = 4;

    private final FastCdc cdc;
    private final int capacity;
    private final int readAhead;
    private byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private InputStream in;
    private int chunkOffset;

    public StreamChunker(FastCdc cdc) {
        this.cdc = cdc;
        this.readAhead = (int) Math.min(cdc.max(), (long) READ_AHEAD_AVERAGES * cdc.avg());
        // room for the largest chunk and a read-ahead beyond it: compaction then moves less than a read-ahead
        // for every capacity-minus-read-ahead bytes consumed
        this.capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) cdc.max() + readAhead);
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
        this.chunkOffset = 0;
        return this;
    }

    @Override
    public byte[] next() throws IOException {
        int length = advance();
        return length < 0 ? null : Arrays.copyOfRange(buffer, chunkOffset, chunkOffset + length);
    }

    /**
     * Cuts the next chunk and leaves it in place: it is {@code buffer()[chunkOffset(), chunkOffset() + length)}
     * until the next call to {@code advance}, {@code next} or {@code reset}.
     *
     * @return the chunk's length, or -1 at the end of the stream
     */
    public int advance() throws IOException {
        fill(readAhead);
        if (end == start) {
            chunkOffset = start;
            return -1;
        }
        int length = cdc.cut(buffer, start, end - start);
        if (length == end - start && !eof && length < cdc.max()) {
            // no cut before the end of what is buffered, so the chunk may go on: read up to the largest chunk
            fill(cdc.max());
            length = cdc.cut(buffer, start, end - start);
        }
        chunkOffset = start;
        start += length;
        return length;
    }

    /** The array holding the chunk {@link #advance} cut last. */
    public byte[] buffer() {
        return buffer;
    }

    /** Where in {@link #buffer} the chunk {@link #advance} cut last starts. */
    public int chunkOffset() {
        return chunkOffset;
    }

    /** Whether the chunk cut last was the stream's last: the stream ended and nothing is left buffered. */
    public boolean ended() {
        return eof && start == end;
    }

    /** Reads until {@code wanted} bytes are buffered after {@code start}, or the stream ends. */
    private void fill(int wanted) throws IOException {
        while (!eof && end - start < wanted) {
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
     * Grows the buffer up to its capacity, and compacts it only when what moves is small against what was
     * consumed (a quarter of the buffer at most) or at full capacity, where fewer than {@code max} bytes are
     * buffered (a read stops once that many are), so compaction always frees room there.
     */
    private void makeRoom() {
        int buffered = end - start;
        if (start > 0 && (buffered <= buffer.length / 4 || buffer.length == capacity)) {
            System.arraycopy(buffer, start, buffer, 0, buffered);
            start = 0;
            end = buffered;
        } else {
            buffer = Arrays.copyOf(buffer, (int) Math.min(capacity, 2L * buffer.length));
        }
    }
}
