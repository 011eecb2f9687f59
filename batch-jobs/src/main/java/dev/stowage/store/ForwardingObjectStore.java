package dev.stowage.store;

import java.util.List;
import java.util.Optional;

/**
 * Base of the decorators: passes every verb to the wrapped store, so a decorator overrides only
 * what it changes. {@link #delegate()} lets tests and diagnostics see how a stack is built.
 */
public abstract class ForwardingObjectStore implements ObjectStore {

    private final ObjectStore delegate;

    protected ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    public ObjectStore delegate() {
        return delegate;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void put(String key, Payload payload) {
        delegate.put(key, payload);
    }

    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        return delegate.putIfAbsent(key, payload);
    }

    @Override
    public boolean canPutIfAbsent() {
        return delegate.canPutIfAbsent();
    }

    @Override
    public byte[] get(String key) {
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return delegate.getRange(key, offset, length);
    }

    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        return delegate.getRange(key, offset, length, into);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public List<PendingUpload> pendingUploads(String prefix) {
        return delegate.pendingUploads(prefix);
    }

    @Override
    public void abortUpload(PendingUpload upload) {
        delegate.abortUpload(upload);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
