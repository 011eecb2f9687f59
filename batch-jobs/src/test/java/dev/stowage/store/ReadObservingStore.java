package dev.stowage.store;

/**
 * A store that lets a test see, or fail, every read of an object's bytes before it happens: whole
 * reads and both ranged reads go through {@link #beforeRead}, so a test cannot miss the read path a
 * caller happens to use.
 */
public abstract class ReadObservingStore extends ForwardingObjectStore {

    protected ReadObservingStore(ObjectStore delegate) {
        super(delegate);
    }

    /** Called with the key before each read; throw to make that read fail. */
    protected abstract void beforeRead(String key);

    @Override
    public final byte[] get(String key) {
        beforeRead(key);
        return super.get(key);
    }

    @Override
    public final byte[] getRange(String key, long offset, int length) {
        beforeRead(key);
        return super.getRange(key, offset, length);
    }

    @Override
    public final int getRange(String key, long offset, int length, byte[] into) {
        beforeRead(key);
        return super.getRange(key, offset, length, into);
    }
}
