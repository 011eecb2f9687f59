package dev.stowage.repository.content;

import dev.stowage.repository.pack.MemoryPackOutput;
import dev.stowage.repository.pack.PackOutput;
import dev.stowage.store.Payload;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** A pack in an array whose armed write stores half its bytes and then fails, as a full disk does. */
final class PartlyFailingOutput implements PackOutput {

    private final MemoryPackOutput delegate = MemoryPackOutput.ofCapacity(256 * 1024);
    private volatile boolean failNext;

    void failNextWrite() {
        failNext = true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (failNext) {
            failNext = false;
            delegate.write(bytes, offset, length / 2);
            throw new IllegalStateException("No space left on device (injected)");
        }
        delegate.write(bytes, offset, length);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public byte[] finish(Supplier<MessageDigest> digests) {
        return delegate.finish(digests);
    }

    @Override
    public Payload payload() {
        return delegate.payload();
    }

    @Override
    public void release() {
        delegate.release();
    }
}
