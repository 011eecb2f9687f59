package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.crypto.CryptoProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool write that fails part-way (a full disk after some bytes) leaves those bytes in the file while the
 * pack's size and hash leave them out: from then on the output refuses every write, finish and payload, so
 * no pack whose uploaded bytes differ from its name and offsets can come out of it.
 */
class SpooledPackPartialWriteTest {

    private final CryptoProvider provider = CryptoProvider.get();

    @TempDir
    Path directory;

    private PackSpool spool;

    @BeforeEach
    void openSpool() {
        spool = PackSpool.open(directory, provider).orElseThrow();
    }

    @AfterEach
    void closeSpool() {
        spool.close();
    }

    @Test
    void aWriteAfterAPartlyFailedWriteIsRefused() throws Exception {
        SpooledPackOutput output = outputWithAPartlyFailedWrite();

        assertThatThrownBy(() -> output.write(filled(1000, 'c'), 0, 1000)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("failed a write");
    }

    @Test
    void finishingAfterAPartlyFailedWriteIsRefused() throws Exception {
        SpooledPackOutput output = outputWithAPartlyFailedWrite();

        assertThatThrownBy(() -> output.finish(provider::sha256)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("failed a write");
    }

    @Test
    void aPartlyFailedOutputStillRemovesItsFileWhenReleased() throws Exception {
        SpooledPackOutput output = outputWithAPartlyFailedWrite();

        output.release();

        assertThat(output.file()).doesNotExist();
    }

    private SpooledPackOutput outputWithAPartlyFailedWrite() throws IOException {
        Path file = directory.resolve("partial.pack");
        FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        DiskFullOnce channel = new DiskFullOnce(real);
        SpooledPackOutput output = new SpooledPackOutput(spool, file, channel, provider.sha256());
        output.write(filled(1000, 'a'), 0, 1000);
        channel.failNextWriteAfter(300);
        assertThatThrownBy(() -> output.write(filled(1000, 'b'), 0, 1000)).isInstanceOf(RuntimeException.class);
        return output;
    }

    private static byte[] filled(int length, char value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A real file channel whose next write, once armed, writes some bytes and then fails as a full disk does. */
    private static final class DiskFullOnce extends FileChannel {
        private final FileChannel delegate;
        private int failAfter = -1;

        DiskFullOnce(FileChannel delegate) {
            this.delegate = delegate;
        }

        void failNextWriteAfter(int bytes) {
            failAfter = bytes;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failAfter >= 0) {
                if (failAfter == 0) {
                    failAfter = -1;
                    throw new IOException("No space left on device");
                }
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + Math.min(failAfter, part.remaining()));
                int written = delegate.write(part);
                src.position(src.position() + written);
                failAfter = 0;
                return written;
            }
            return delegate.write(src);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return delegate.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return delegate.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return delegate.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
