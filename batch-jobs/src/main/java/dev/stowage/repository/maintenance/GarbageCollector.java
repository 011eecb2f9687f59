package dev.stowage.repository.maintenance;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.TreeStore;
import dev.stowage.store.ObjectInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Full maintenance's mark and sweep. The order of the writes is what keeps a crash at any point
 * harmless (docs/MAINTENANCE.md): the entries to condemn are first stored in a CONDEMNING object, so
 * they are in some index object at every moment; index objects are removed only inside an index rewrite
 * window (the config's maintenance generation odd before the first removal, even after the last), so a
 * warm machine never keeps trusting a copy of a removed one; the new normal index is stored before the
 * old one is deleted; the CONDEMNED object after the window, so its time is never earlier than the
 * moment writers stopped seeing the entries it lists; the CONDEMNING object and spent CONDEMNED objects
 * are deleted after that and before any pack, so a crash leaves at worst old unindexed packs, which the
 * next run condemns whole rather than deletes.
 */
final class GarbageCollector {

    private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());

    private final ContentStore content;
    private final SnapshotCatalog catalog;
    private final TreeStore trees;
    private final MaintenanceOptions options;
    private final Consumer<MaintenancePhase> phases;

    GarbageCollector(ContentStore content, SnapshotCatalog catalog, TreeStore trees, MaintenanceOptions options,
            Consumer<MaintenancePhase> phases) {
        this.content = content;
        this.catalog = catalog;
        this.trees = trees;
        this.options = options;
        this.phases = phases;
    }

    /** Result of a collection, before the uploads are aborted. */
    record Outcome(int indexObjectsBefore, LiveBlobs live, CollectionPlan plan, long packsDeleted, long bytesFreed) {
    }

    Outcome collect(MaintenanceLease lease) {
        Instant now = options.clock().instant();
        IndexInventory inventory = IndexInventory.read(content);
        Map<String, ObjectInfo> packs = new LinkedHashMap<>();
        content.listPacks().forEach(p -> packs.put(p.key(), p));
        LiveBlobs live = LiveBlobs.mark(catalog, trees);
        CollectionPlan plan = CollectionPlan.make(inventory, packs, live, this::headerOrNothing, now, options);
        phases.accept(MaintenancePhase.MARKED);
        // the mark may outlast the lease renewed when the run began: a run taken over meanwhile must stop
        // before its first write, not after its index rewrite
        lease.renew();

        List<String> spentIndexObjects = new ArrayList<>(plan.deleteCondemnedObjects);
        spentIndexObjects.addAll(plan.deleteCondemningObjects);
        if (!plan.condemn.isEmpty()) {
            // before any entry leaves the normal index: a crash from here on leaves them findable
            spentIndexObjects.add(content.writeIndexObject(new IndexObject(IndexObject.Kind.CONDEMNING,
                    IndexCompaction.writerId(), List.of(), CollectionPlan.asPacks(plan.condemn))));
        }
        content.beginIndexRewrite();
        IndexCompaction.writeNormal(content, plan.keepNormal);
        plan.deleteNormalObjects.forEach(content::deleteIndexObject);
        content.endIndexRewrite();
        phases.accept(MaintenancePhase.INDEX_REWRITTEN);
        if (!plan.condemn.isEmpty()) {
            content.writeIndexObject(new IndexObject(IndexObject.Kind.CONDEMNED, IndexCompaction.writerId(),
                    List.of(), CollectionPlan.asPacks(plan.condemn)));
        }
        phases.accept(MaintenancePhase.CONDEMNED);
        lease.renew();

        content.reloadIndex(); // this process must not deduplicate against what it just condemned
        repack(plan);
        phases.accept(MaintenancePhase.REPACKED);
        lease.renew();

        if (!spentIndexObjects.isEmpty()) {
            content.beginIndexRewrite();
            spentIndexObjects.forEach(content::deleteIndexObject);
            content.endIndexRewrite();
        }
        long bytesFreed = 0;
        for (ObjectInfo pack : plan.deletePacks) {
            content.objectStore().delete(pack.key());
            bytesFreed += pack.size();
        }
        phases.accept(MaintenancePhase.SWEPT);
        return new Outcome(inventory.size(), live, plan, plan.deletePacks.size(), bytesFreed);
    }

    /** Writes the live blobs of mostly-garbage packs into new packs (read through their condemned entries). */
    private void repack(CollectionPlan plan) {
        if (plan.repack.isEmpty()) {
            return;
        }
        try (ContentWriter writer = content.newWriter()) {
            for (CollectionPlan.Repack blob : plan.repack) {
                byte[] data = content.read(blob.id());
                writer.put(blob.entry().type(), blob.id(), data, 0, data.length);
            }
            writer.finish();
        }
    }

    /** An old pack no index names: its own header says what it holds; an unreadable one is kept. */
    private List<PackEntry> headerOrNothing(ObjectInfo pack) {
        try {
            return content.readPackHeader(pack.key(), pack.size());
        } catch (CorruptDataException e) {
            LOG.log(System.Logger.Level.WARNING, "pack " + pack.key() + " is in no index and its header is unreadable;"
                    + " it is kept: " + e.getMessage());
            return null;
        }
    }
}
