package dev.stowage.repository.testing;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.content.RepositoryConfig;
import dev.stowage.repository.content.WriterStats;
import dev.stowage.store.ObjectStore;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A temporary unit-test double of the content layer: blobs in a map, seal = identity. */
public final class MemoryContentStore implements ContentStore {
    private final ObjectStore store;
    private final Map<BlobId, byte[]> blobs = new ConcurrentHashMap<>();

    public MemoryContentStore(ObjectStore store) {
        this.store = store;
    }

    @Override
    public ObjectStore objectStore() {
        return store;
    }

    @Override
    public RepositoryConfig config() {
        return new RepositoryConfig("memory", 1, 16 * 1024, 64 * 1024, 256 * 1024);
    }

    @Override
    public BlobId idOf(byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            mac.update(data, offset, length);
            return BlobId.of(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean contains(BlobId id) {
        return blobs.containsKey(id);
    }

    @Override
    public byte[] read(BlobId id) {
        byte[] data = blobs.get(id);
        if (data == null) {
            throw new CorruptDataException("memory", "blob " + id + " not found", null);
        }
        return data.clone();
    }

    @Override
    public ContentWriter newWriter() {
        AtomicLong count = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        return new ContentWriter() {
            @Override
            public boolean put(BlobType type, BlobId id, byte[] data, int offset, int length) {
                byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
                if (blobs.putIfAbsent(id, copy) == null) {
                    count.incrementAndGet();
                    bytes.addAndGet(length);
                    return true;
                }
                return false;
            }

            @Override
            public void checkpoint() {
            }

            @Override
            public WriterStats finish() {
                return new WriterStats(count.get(), bytes.get(), bytes.get(), 0);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void refreshIndex() {
    }

    @Override
    public void changePassword(char[] newPassword) {
    }

    @Override
    public byte[] seal(byte[] plaintext) {
        return plaintext.clone();
    }

    @Override
    public byte[] open(String key, byte[] sealed) {
        return sealed.clone();
    }

    @Override
    public void close() {
    }
}
