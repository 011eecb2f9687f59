package dev.stowage.repository.maintenance;

import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.IndexCodec;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every index object of the repository as maintenance reads it: kind, contents, and when the store
 * says it was written (a CONDEMNED object's time is when its blobs were condemned; a CONDEMNING
 * object's time means nothing: it was stored before the entries it lists left the normal index).
 */
record IndexInventory(List<Stored> normal, List<Stored> condemned, List<Stored> condemning) {

    record Stored(String key, Instant written, IndexObject object) {
    }

    /** One listing of {@code index/}, then one read per object (from the cache where it holds one). */
    static IndexInventory read(ContentStore content) {
        List<Stored> normal = new ArrayList<>();
        List<Stored> condemned = new ArrayList<>();
        List<Stored> condemning = new ArrayList<>();
        for (ObjectInfo info : content.objectStore().list(IndexCodec.PREFIX)) {
            if (!IndexCodec.isIndexKey(info.key())) {
                continue;
            }
            IndexObject object;
            try {
                object = content.readIndexObject(info.key());
            } catch (ObjectNotFoundException gone) {
                continue; // a writer's checkpoint, superseded by its final index since the listing
            }
            Stored stored = new Stored(info.key(), info.lastModified(), object);
            switch (object.kind()) {
                case CONDEMNED -> condemned.add(stored);
                case CONDEMNING -> condemning.add(stored);
                case FINAL, CHECKPOINT -> normal.add(stored);
            }
        }
        return new IndexInventory(List.copyOf(normal), List.copyOf(condemned), List.copyOf(condemning));
    }

    int size() {
        return normal.size() + condemned.size() + condemning.size();
    }
}
