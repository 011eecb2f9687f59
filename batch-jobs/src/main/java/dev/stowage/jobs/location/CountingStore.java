package dev.stowage.jobs.location;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts each verb of a store that sends no requests (a directory) as the S3 request it would be, so a
 * run against a local location reports what it would cost against S3. An attempt counts whether it
 * succeeds or not (S3 bills failed requests); a listing counts one request per 1,000 keys, as S3 pages
 * them. See the SEAM note on {@link OperationCounter}.
 */
final class CountingStore implements ObjectStore, OperationCounter {

    static final int LIST_PAGE_SIZE = 1000;

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
        List<ObjectInfo> result;
        try {
            result = delegate.list(prefix);
        } catch (RuntimeException e) {
            lists.increment();
            throw e;
        }
        lists.add(Math.max(1, (result.size() + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE));
        return result;
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
        put(counts, "PutObject", puts);
        put(counts, "GetObject", gets);
        put(counts, "HeadObject", heads);
        put(counts, "ListObjectsV2", lists);
        put(counts, "DeleteObject", deletes);
        return counts;
    }

    private static void put(Map<String, Long> counts, String kind, LongAdder adder) {
        long count = adder.sum();
        if (count > 0) {
            counts.put(kind, count);
        }
    }
}
