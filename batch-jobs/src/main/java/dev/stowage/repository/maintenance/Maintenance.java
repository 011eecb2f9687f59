package dev.stowage.repository.maintenance;

import dev.stowage.repository.Documents;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.TreeStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.PendingUpload;
import dev.stowage.store.StoreException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Maintenance of one repository: index compaction (quick) and garbage collection (full). One owner at
 * a time: take the lease first ({@link #acquireLease}), run, then close the lease. Expiry of backups is
 * the jobs layer's: it forgets their snapshots under the same lease, and this collects what they left.
 */
public final class Maintenance {

    private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());

    private final ContentStore content;
    private final SnapshotCatalog catalog;
    private final TreeStore trees;
    private final Documents documents;
    private final MaintenanceOptions options;
    private Consumer<MaintenancePhase> phases = phase -> { };

    public Maintenance(ContentStore content, SnapshotCatalog catalog, TreeStore trees, Documents documents,
            MaintenanceOptions options) {
        this.content = content;
        this.catalog = catalog;
        this.trees = trees;
        this.documents = documents;
        this.options = options;
    }

    /** Calls {@code listener} at each {@link MaintenancePhase} of a full run, on the running thread. */
    public Maintenance onPhase(Consumer<MaintenancePhase> listener) {
        this.phases = listener;
        return this;
    }

    /**
     * Takes the repository's maintenance lease (or an expired one over).
     *
     * @throws LeaseHeldException when another owner holds it
     */
    public MaintenanceLease acquireLease() {
        return MaintenanceLease.acquire(documents, content.config().id(), options);
    }

    /** Runs maintenance under {@code lease}; a full run also compacts the index. */
    public MaintenanceReport run(MaintenanceMode mode, MaintenanceLease lease) {
        Instant started = options.clock().instant();
        lease.renew();
        if (mode == MaintenanceMode.QUICK) {
            IndexInventory inventory = IndexInventory.read(content);
            IndexCompaction.compact(content, inventory);
            return new MaintenanceReport(mode, started, options.clock().instant(), inventory.size(),
                    indexObjectCount(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        GarbageCollector.Outcome outcome = new GarbageCollector(content, catalog, trees, options, phases)
                .collect(lease);
        long aborted = abortStaleUploads(started);
        CollectionPlan plan = outcome.plan();
        long condemned = plan.condemn.values().stream().mapToLong(java.util.List::size).sum();
        long repackedPacks = plan.repack.stream().map(CollectionPlan.Repack::fromPack).distinct().count();
        return new MaintenanceReport(mode, started, options.clock().instant(), outcome.indexObjectsBefore(),
                indexObjectCount(), outcome.live().snapshots(), outcome.live().ids().size(), condemned,
                plan.blobsRescued, repackedPacks, plan.repack.size(), outcome.packsDeleted(), outcome.bytesFreed(),
                plan.packsWaiting, aborted, plan.liveMissing);
    }

    /**
     * Aborts uploads begun before the safety margin: no run lasts that long, so nobody will complete them.
     * A store that cannot list them (some S3 servers) is logged and skipped.
     */
    private long abortStaleUploads(Instant now) {
        ObjectStore store = content.objectStore();
        Instant cutoff = now.minus(options.safetyMargin());
        long aborted = 0;
        try {
            for (PendingUpload upload : store.pendingUploads("")) {
                if (!upload.initiated().isAfter(cutoff)) {
                    store.abortUpload(upload);
                    aborted++;
                }
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to list or abort incomplete uploads at location "
                    + store.location() + ": " + e.getMessage() + "; they stay until the next full maintenance");
        }
        return aborted;
    }

    private int indexObjectCount() {
        return (int) content.objectStore().list(dev.stowage.repository.index.IndexCodec.PREFIX).stream()
                .filter(info -> dev.stowage.repository.index.IndexCodec.isIndexKey(info.key())).count();
    }
}
