package dev.stowage.repository.maintenance;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.index.IndexedPack;
import dev.stowage.repository.pack.PackEntry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quick maintenance: the normal (FINAL and CHECKPOINT) index objects merged into one, so a machine
 * with a cold cache reads one object instead of one per backup. The new object is stored before any
 * old one is deleted, all of it inside an index rewrite window (the config's maintenance generation),
 * so a reader with a warm cache lists {@code index/} once and drops its copies of the old ones; CONDEMNED objects
 * are left alone (their times are what the collector's margin counts from), and so are CONDEMNING ones.
 */
final class IndexCompaction {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IndexCompaction() {
    }

    /** Merges the normal index objects of {@code inventory}; returns how many it deleted. */
    static int compact(ContentStore content, IndexInventory inventory) {
        if (inventory.normal().size() <= 1) {
            return 0;
        }
        Map<String, Map<BlobId, PackEntry>> byPack = new LinkedHashMap<>();
        for (IndexInventory.Stored stored : inventory.normal()) {
            for (IndexedPack pack : stored.object().packs()) {
                Map<BlobId, PackEntry> entries = byPack.computeIfAbsent(pack.packKey(), k -> new LinkedHashMap<>());
                pack.entries().forEach(e -> entries.putIfAbsent(e.id(), e));
            }
        }
        Map<String, List<PackEntry>> merged = new LinkedHashMap<>();
        byPack.forEach((pack, entries) -> merged.put(pack, new ArrayList<>(entries.values())));
        content.beginIndexRewrite(); // warm machines must drop their copies of what is deleted below
        writeNormal(content, merged);
        inventory.normal().forEach(stored -> content.deleteIndexObject(stored.key()));
        content.endIndexRewrite();
        return inventory.normal().size();
    }

    /** Stores one FINAL index object listing {@code byPack}, under a writer id of its own. */
    static void writeNormal(ContentStore content, Map<String, List<PackEntry>> byPack) {
        List<IndexedPack> packs = CollectionPlan.asPacks(byPack);
        if (!packs.isEmpty()) {
            content.writeIndexObject(new IndexObject(IndexObject.Kind.FINAL, writerId(), List.of(), packs));
        }
    }

    static byte[] writerId() {
        byte[] id = new byte[IndexObject.WRITER_ID_LENGTH];
        RANDOM.nextBytes(id);
        return id;
    }
}
