package dev.stowage.jobs.location;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts each verb of the store it wraps under the S3 operation it becomes. Failed operations are
 * counted too: the provider bills them. See the SEAM note on {@link OperationCounter}.
 */
public final class CountingStore implements ObjectStore, OperationCounter {

    private final ObjectStore delegate;
    private final LongAdder puts = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder heads = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder deletes = new LongAdder();

    CountingStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public void put(String key, byte[] data) {
        puts.increment();
        delegate.put(key, data);
    }

    @Override
    public byte[] get(String key) {
        gets.increment();
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        gets.increment();
        return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        heads.increment();
        return delegate.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        lists.increment();
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        deletes.increment();
        delegate.delete(key);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Map<String, Long> byKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PutObject", puts.sum());
        counts.put("GetObject", gets.sum());
        counts.put("HeadObject", heads.sum());
        counts.put("ListObjects", lists.sum());
        counts.put("DeleteObject", deletes.sum());
        return counts;
    }
}
