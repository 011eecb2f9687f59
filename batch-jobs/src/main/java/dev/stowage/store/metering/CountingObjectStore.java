package dev.stowage.store.metering;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import java.util.List;
import java.util.Optional;

/**
 * Counts the requests an S3 store would send for each verb, for stores that send none (the local
 * filesystem), so a run against a local location reports what it would cost on S3.
 *
 * <p>An attempt is counted when it starts, success or not, as S3 bills failed requests too. A listing
 * counts one page per {@value #LIST_PAGE_SIZE} keys, as S3 returns them. The S3 store does not use
 * this class: it counts the real HTTP requests (see {@code CountingInterceptor}).
 */
public final class CountingObjectStore extends ForwardingObjectStore {

    /** Keys per page of ListObjectsV2. */
    public static final int LIST_PAGE_SIZE = 1000;

    private final OperationCounter counter;

    public CountingObjectStore(ObjectStore delegate, OperationCounter counter) {
        super(delegate);
        this.counter = counter;
    }

    public OperationCounts counts() {
        return counter.snapshot();
    }

    @Override
    public void put(String key, Payload payload) {
        counter.record(OperationKind.PUT_OBJECT);
        super.put(key, payload);
    }

    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        counter.record(OperationKind.PUT_OBJECT);
        return super.putIfAbsent(key, payload);
    }

    @Override
    public byte[] get(String key) {
        counter.record(OperationKind.GET_OBJECT);
        return super.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        counter.record(OperationKind.GET_OBJECT);
        return super.getRange(key, offset, length);
    }

    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        counter.record(OperationKind.GET_OBJECT);
        return super.getRange(key, offset, length, into);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        counter.record(OperationKind.HEAD_OBJECT);
        return super.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> result;
        try {
            result = super.list(prefix);
        } catch (RuntimeException e) {
            counter.record(OperationKind.LIST_OBJECTS_V2);
            throw e;
        }
        counter.record(OperationKind.LIST_OBJECTS_V2, pages(result.size()));
        return result;
    }

    @Override
    public void delete(String key) {
        counter.record(OperationKind.DELETE_OBJECT);
        super.delete(key);
    }

    @Override
    public List<dev.stowage.store.PendingUpload> pendingUploads(String prefix) {
        counter.record(OperationKind.LIST_MULTIPART_UPLOADS);
        return super.pendingUploads(prefix);
    }

    @Override
    public void abortUpload(dev.stowage.store.PendingUpload upload) {
        counter.record(OperationKind.ABORT_MULTIPART_UPLOAD);
        super.abortUpload(upload);
    }

    /** An empty listing still costs one request. */
    static long pages(int keys) {
        return Math.max(1, (keys + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE);
    }
}
