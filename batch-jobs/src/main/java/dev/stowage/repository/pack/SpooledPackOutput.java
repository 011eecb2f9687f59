package dev.stowage.repository.pack;

import dev.stowage.repository.RepositoryException;
import dev.stowage.store.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * A pack written to a file of the {@link PackSpool} as its blobs arrive, and hashed as it goes, so that
 * sealing reads nothing back and the upload streams the file. The file is removed on {@link #release},
 * after the upload or when the pack is abandoned; a process that dies first leaves it to the next
 * writer's {@link PackSpool#removeStale}.
 */
final class SpooledPackOutput implements PackOutput {

    /**
     * Writes go to the file in slices of this size: the JDK copies a heap array through a per-thread
     * native buffer as large as the largest write, which would otherwise grow to the largest blob.
     */
    private static final int WRITE_SLICE = 256 * 1024;

    private static final System.Logger LOG = System.getLogger(SpooledPackOutput.class.getName());

    private final PackSpool spool;
    private final Path file;
    private final MessageDigest sha256;
    private FileChannel channel;
    private long size;
    private boolean released;
    /**
     * The first write or close that failed: some of its bytes may be in the file while {@code size} and the
     * hash leave them out, so the file no longer matches the pack's name or offsets and nothing may use it.
     */
    private IOException poisoned;

    SpooledPackOutput(PackSpool spool, Path file, FileChannel channel, MessageDigest sha256) {
        this.spool = spool;
        this.file = file;
        this.channel = channel;
        this.sha256 = sha256;
    }

    Path file() {
        return file;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        refuseIfPoisoned();
        if (channel == null) {
            throw new IllegalStateException("spooled pack " + file + " is finished or released");
        }
        try {
            for (int done = 0; done < length; ) {
                ByteBuffer slice = ByteBuffer.wrap(bytes, offset + done, Math.min(WRITE_SLICE, length - done));
                while (slice.hasRemaining()) {
                    done += channel.write(slice);
                }
            }
        } catch (IOException e) {
            poisoned = e;
            throw new RepositoryException("unable to write pack bytes to the local spool file " + file + ": " + e
                    + "; free space in that directory (the location's cache directory)", e);
        }
        sha256.update(bytes, offset, length);
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    /** Closes the file (no fsync: the spool is scratch; the store makes the object durable). */
    @Override
    public byte[] finish(Supplier<MessageDigest> digests) {
        refuseIfPoisoned();
        if (channel == null) {
            throw new IllegalStateException("spooled pack " + file + " is finished or released");
        }
        try {
            channel.close();
        } catch (IOException e) {
            poisoned = e;
            throw new RepositoryException("unable to close the local spool file " + file + ": " + e, e);
        } finally {
            channel = null;
        }
        return sha256.digest();
    }

    @Override
    public Payload payload() {
        refuseIfPoisoned();
        if (channel != null || released) {
            throw new IllegalStateException("spooled pack " + file + " is not finished or already released");
        }
        return Payload.ofFile(file, size);
    }

    private void refuseIfPoisoned() {
        if (poisoned != null) {
            throw new RepositoryException("the spool file " + file + " failed a write or close (" + poisoned
                    + "), so its bytes no longer match the pack's name; the pack is abandoned", poisoned);
        }
    }

    @Override
    public void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to remove the spool file " + file + " (the next writer"
                    + " removes it): " + e);
        }
        spool.released(this);
    }
}
