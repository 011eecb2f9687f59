package dev.stowage.store;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The next {@code length} bytes of a stream, no more, and an {@link EOFException} if it ends sooner: a
 * file that shrank under a put must fail the put, never store a shorter object under the key.
 */
final class ExactLengthInputStream extends FilterInputStream {

    private final Path source;
    private long remaining;

    ExactLengthInputStream(InputStream in, long length, Path source) {
        super(in);
        this.remaining = length;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = super.read();
        if (b < 0) {
            throw shortRead();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int read = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw shortRead();
        }
        remaining -= read;
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private EOFException shortRead() {
        return new EOFException(source + " ended " + remaining + " bytes before the end of the payload");
    }
}
