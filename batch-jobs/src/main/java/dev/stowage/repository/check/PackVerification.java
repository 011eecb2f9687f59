package dev.stowage.repository.check;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.pack.PackCheck;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.store.ObjectInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the index with the packs in the store (every indexed pack exists and is long enough)
 * and, when asked, downloads every pack and verifies every blob in it. For a pack that fails, each
 * of its indexed blobs is read on its own to tell which are damaged, so the snapshot walk can name
 * the files that need them.
 */
final class PackVerification {
    private final ContentStore content;
    private final List<String> problems;
    private final Map<String, ObjectInfo> stored = new HashMap<>();
    /** Indexed blobs per pack key. */
    private final Map<String, List<BlobId>> indexed = new TreeMap<>();
    private final Map<String, Long> indexedEnd = new HashMap<>();
    /** Blobs that failed verification, with why. */
    private final Map<BlobId, String> damaged = new HashMap<>();

    PackVerification(ContentStore content, List<String> problems) {
        this.content = content;
        this.problems = problems;
    }

    /** Structural: each pack the index names exists and holds the bytes the index places in it. */
    void compareIndexWithPacks() {
        for (ObjectInfo pack : content.listPacks()) {
            stored.put(pack.key(), pack);
        }
        content.forEachIndexedBlob((id, location) -> {
            indexed.computeIfAbsent(location.packKey(), key -> new ArrayList<>()).add(id);
            indexedEnd.merge(location.packKey(), (long) location.offset() + location.storedLength(), Math::max);
        });
        indexed.forEach((key, blobs) -> {
            ObjectInfo pack = stored.get(key);
            if (pack == null) {
                problems.add("pack " + key + " is missing: the index lists " + blobs.size() + " blobs in it");
            } else if (pack.size() < indexedEnd.get(key)) {
                problems.add("pack " + key + " has " + pack.size() + " bytes but the index places blobs up to byte "
                        + indexedEnd.get(key) + ": it was truncated");
            }
        });
    }

    /** Reads every stored pack whole and verifies each blob in it. */
    void readAll(ProgressMeter progress) {
        for (ObjectInfo pack : stored.values().stream().sorted((a, b) -> a.key().compareTo(b.key())).toList()) {
            PackCheck check = content.verifyPack(pack.key());
            if (!check.isSound()) {
                problems.addAll(check.problems());
                findDamagedBlobs(pack.key());
            }
            progress.addBytes(pack.size(), pack.key());
            progress.fileDone(pack.key());
        }
    }

    long storedPacks() {
        return stored.size();
    }

    long storedBytes() {
        return stored.values().stream().mapToLong(ObjectInfo::size).sum();
    }

    /** Why a blob cannot be used, or null when nothing is known against it. */
    String problemWith(BlobId id, BlobLocation location) {
        String known = damaged.get(id);
        if (known != null) {
            return known;
        }
        if (!stored.containsKey(location.packKey())) {
            return "blob " + id.hex() + " is in pack " + location.packKey() + ", which is missing";
        }
        return null;
    }

    private void findDamagedBlobs(String packKey) {
        for (BlobId id : indexed.getOrDefault(packKey, List.of())) {
            try {
                content.read(id);
            } catch (RepositoryException e) {
                damaged.put(id, e.getMessage().contains(packKey) ? e.getMessage()
                        : "damaged in pack " + packKey + ": " + e.getMessage());
            }
        }
    }
}
