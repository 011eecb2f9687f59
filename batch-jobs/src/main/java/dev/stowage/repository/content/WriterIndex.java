package dev.stowage.repository.content;

import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.index.IndexedPack;
import dev.stowage.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One writer's index objects: the packs it uploaded, the checkpoint indexes that make them reusable
 * while it runs, and the final index that supersedes those checkpoints. Thread-safe: uploads record
 * packs from upload threads while the writer's callers checkpoint and finish.
 */
final class WriterIndex {

    private static final System.Logger LOG = System.getLogger(WriterIndex.class.getName());

    private final RepositoryContentStore repo;
    private final byte[] writerId;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final Object packsLock = new Object();
    /** every pack the writer uploaded, in upload order; guarded by packsLock */
    private final List<IndexedPack> uploaded = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean checkpointWanted = new AtomicBoolean();
    /** how many of {@link #uploaded} checkpoints cover; guarded by lock */
    private int checkpointed;
    /** guarded by lock */
    private final List<String> checkpointKeys = new ArrayList<>();
    /** guarded by lock */
    private Instant lastCheckpoint;

    WriterIndex(RepositoryContentStore repo, byte[] writerId, CheckpointPolicy policy, Clock clock) {
        this.repo = repo;
        this.writerId = writerId.clone();
        this.policy = policy;
        this.clock = clock;
        this.lastCheckpoint = clock.instant();
    }

    void recordUploaded(IndexedPack pack) {
        synchronized (packsLock) {
            uploaded.add(pack);
        }
    }

    /**
     * Called after each upload: stores a checkpoint if the policy says one is due. Whoever holds the
     * lock re-checks after releasing it if another upload finished meanwhile, so no uploaded pack waits
     * for the next upload to be checkpointed. A failure is logged: the packs are stored, and a later
     * checkpoint or the final index lists them.
     */
    void checkpointIfDue(BooleanSupplier writerUsable) {
        checkpointWanted.set(true);
        while (checkpointWanted.get() && lock.tryLock()) {
            try {
                checkpointWanted.set(false);
                if (writerUsable.getAsBoolean() && due()) {
                    writeCheckpoint();
                }
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "unable to write a checkpoint index: " + e.getMessage());
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stores a checkpoint of the packs uploaded since the last one, if there are any. */
    void checkpoint() {
        lock.lock();
        try {
            writeCheckpoint();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores the final index (every pack of the writer, plus blobs it borrowed from other writers'
     * packs) naming its checkpoints as superseded, then deletes them. Writes nothing for a writer that
     * stored nothing.
     */
    void writeFinal(List<IndexedPack> borrowedPacks) {
        lock.lock();
        try {
            List<IndexedPack> all;
            synchronized (packsLock) {
                all = new ArrayList<>(uploaded);
            }
            all.addAll(borrowedPacks);
            if (!all.isEmpty()) {
                repo.writeIndex(new IndexObject(IndexObject.Kind.FINAL, writerId, checkpointKeys, all));
            }
            deleteCheckpoints();
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private boolean due() {
        int pending;
        synchronized (packsLock) {
            pending = uploaded.size() - checkpointed;
        }
        return pending >= policy.everyPacks() || (pending > 0
                && !Duration.between(lastCheckpoint, clock.instant()).minus(policy.interval()).isNegative());
    }

    /** Caller holds the lock. */
    private void writeCheckpoint() {
        List<IndexedPack> batch;
        synchronized (packsLock) {
            batch = List.copyOf(uploaded.subList(checkpointed, uploaded.size()));
        }
        if (batch.isEmpty()) {
            return;
        }
        String key = repo.writeIndex(new IndexObject(IndexObject.Kind.CHECKPOINT, writerId, List.of(), batch));
        checkpointed += batch.size();
        checkpointKeys.add(key);
        lastCheckpoint = clock.instant();
    }

    /** The final index supersedes them; one left behind costs only listing time and is safe to delete later. */
    private void deleteCheckpoints() {
        for (String key : checkpointKeys) {
            try {
                repo.objectStore().delete(key);
                repo.index().forget(key);
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "unable to delete superseded checkpoint index " + key + ": "
                        + e.getMessage());
            }
        }
        checkpointKeys.clear();
    }
}
