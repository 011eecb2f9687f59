package dev.stowage.repository.content;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.index.IndexedPack;
import dev.stowage.repository.pack.EncodedBlob;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackBuilder;
import dev.stowage.repository.pack.PackSpool;
import dev.stowage.repository.pack.SealedPack;
import dev.stowage.store.StoreException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The {@link ContentWriter}: compresses and encrypts in the calling thread, assembles packs per blob
 * type, uploads them on the store's upload threads with at most {@code maxParallelUploads} in flight
 * (a {@code put} that fills a pack waits for a slot, which bounds memory and the local spool), writes
 * checkpoint indexes as its {@link CheckpointPolicy} says, and at {@link #finish} one final index that
 * supersedes them. Packs are written to the repository's local spool as their blobs arrive, when it has
 * one, else to pooled arrays ({@link PackOutputs}); each pack's file or array is released once its
 * upload ends or the pack is abandoned.
 *
 * <p>The first failed upload breaks the writer: every later call throws, like restic's ErrBroken.
 */
final class PackingContentWriter implements ContentWriter {

    private static final System.Logger LOG = System.getLogger(PackingContentWriter.class.getName());
    /** Largest pack target for packs built in memory (restic's default pack is 16 MiB). */
    static final int MEMORY_PACK_CAP = 64 * 1024 * 1024;
    /** The memory cap is explained once per process, not per writer. */
    private static final AtomicBoolean MEMORY_CAP_WARNED = new AtomicBoolean();

    private enum State { OPEN, FINISHED, CLOSED }

    private final RepositoryContentStore repo;
    private final byte[] writerId;
    private final Semaphore uploadSlots;
    private final UploadTracker uploads = new UploadTracker();
    private final Map<BlobType, PackAssembler> assemblers = new EnumMap<>(BlobType.class);
    /** put holds it shared; finish and close hold it exclusively, so no put slips past them. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Set<Claim> borrowed = ConcurrentHashMap.newKeySet();
    private final WriterIndex index;
    private volatile State state = State.OPEN;
    private volatile RepositoryException broken;
    private final LongAdder blobsNew = new LongAdder();
    private final LongAdder bytesNew = new LongAdder();
    private final LongAdder bytesUploaded = new LongAdder();
    private final LongAdder packsUploaded = new LongAdder();

    PackingContentWriter(RepositoryContentStore repo, CheckpointPolicy policy) {
        this(repo, policy, null);
    }

    /** @param newPack where packs are built (tests); null for the repository's spool, else pooled arrays */
    PackingContentWriter(RepositoryContentStore repo, CheckpointPolicy policy,
            Function<BlobType, PackBuilder> newPack) {
        this.repo = repo;
        this.writerId = repo.provider().randomBytes(IndexObject.WRITER_ID_LENGTH);
        this.index = new WriterIndex(repo, writerId, policy, repo.options().clock());
        this.uploadSlots = new Semaphore(Math.max(1, repo.options().maxParallelUploads()));
        int targetBytes = repo.options().packTargetBytes();
        if (newPack == null) {
            PackSpool spool = repo.packSpool();
            if (spool == null) {
                targetBytes = memoryPackTarget(targetBytes, repo.options().chunkMaxBytes(),
                        Runtime.getRuntime().maxMemory());
            }
            newPack = new PackOutputs(spool, targetBytes, Math.max(1, repo.options().maxParallelUploads()) + 1)
                    ::newPack;
        }
        for (BlobType type : BlobType.values()) {
            assemblers.put(type, new PackAssembler(type, targetBytes, newPack, this::abandonFailedPack));
        }
    }

    /**
     * The pack target when packs are built in memory (no usable spool): each pack open or in flight holds an
     * array of about its size, so the target is at most {@link #MEMORY_PACK_CAP} and at most a sixteenth of
     * the heap, never below the largest chunk (a pack must take any blob) nor above the configured target.
     */
    static int memoryPackTarget(int configuredBytes, int chunkMaxBytes, long maxHeapBytes) {
        long cap = Math.max(chunkMaxBytes, Math.min(MEMORY_PACK_CAP, maxHeapBytes / 16));
        int target = (int) Math.min(configuredBytes, cap);
        if (target < configuredBytes && MEMORY_CAP_WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "packs are built in memory (the location has no usable cache"
                    + " directory for the pack spool), so they are capped at " + target / (1024 * 1024) + " MiB"
                    + " instead of " + configuredBytes / (1024 * 1024) + " MiB to fit the heap; more objects are"
                    + " uploaded: give the location a writable cache directory to build full-size packs");
        }
        return target;
    }

    @Override
    public boolean put(BlobType type, BlobId id, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            if (repo.index().contains(id)) {
                return false;
            }
            Claim mine = new Claim(id, type, this);
            Claim existing = repo.inFlight().claim(mine);
            if (existing != null) {
                if (existing.owner() != this) {
                    borrowed.add(existing);
                }
                return false;
            }
            Optional<BlobLocation> indexedMeanwhile = repo.index().findDeduplicable(id);
            if (indexedMeanwhile.isPresent()) {
                // another writer's index landed between the two checks; anyone who borrowed us gets its location
                mine.markStored(indexedMeanwhile.get());
                repo.inFlight().release(mine);
                return false;
            }
            store(type, id, data, offset, length, mine);
            return true;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void store(BlobType type, BlobId id, byte[] data, int offset, int length, Claim claim) {
        EncodedBlob encoded;
        try {
            encoded = repo.codec().encode(type, id, data, offset, length);
        } catch (RuntimeException | Error e) {
            claim.fail(e);
            repo.inFlight().release(claim);
            throw e;
        }
        PackAssembler.Detached full;
        try {
            full = assemblers.get(type).append(id, encoded, claim);
        } catch (RuntimeException | Error e) {
            RepositoryException failure = new RepositoryException("unable to add blob " + id + " to a pack: "
                    + e.getMessage() + "; this writer is unusable, start a new one (packs already uploaded are"
                    + " reused)", e);
            claim.fail(failure);
            repo.inFlight().release(claim);
            markBroken(failure);
            throw failure;
        }
        blobsNew.increment();
        bytesNew.add(length);
        if (full != null) {
            submit(full);
        }
    }

    /** Waits for an upload slot and hands the pack to an upload thread. */
    private void submit(PackAssembler.Detached pack) {
        try {
            uploadSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RepositoryException failure = new RepositoryException("interrupted while waiting to upload a pack;"
                    + " this writer is unusable, start a new one (packs already uploaded are reused)", e);
            abandon(pack, failure);
            markBroken(failure);
            throw failure;
        }
        uploads.begin();
        try {
            repo.uploadExecutor().execute(() -> upload(pack));
        } catch (RejectedExecutionException e) {
            uploadSlots.release();
            uploads.end();
            RepositoryException failure = new RepositoryException("the repository was closed while a writer was"
                    + " still uploading; finish or close writers before closing the repository", e);
            abandon(pack, failure);
            markBroken(failure);
            throw failure;
        }
    }

    /** Runs on an upload thread. A checkpoint it triggers is written inside the same upload slot. */
    private void upload(PackAssembler.Detached pack) {
        String key = null;
        boolean stored = false;
        try {
            RepositoryException alreadyBroken = broken;
            if (alreadyBroken != null) {
                abandon(pack, alreadyBroken);
                return;
            }
            SealedPack sealed = pack.builder().seal(repo.aead(), repo.provider());
            key = sealed.key();
            repo.objectStore().put(key, sealed.payload());
            for (int i = 0; i < sealed.entries().size(); i++) {
                pack.claims().get(i).markStored(BlobLocation.of(key, sealed.entries().get(i)));
            }
            index.recordUploaded(new IndexedPack(key, sealed.type(), sealed.entries()));
            packsUploaded.increment();
            bytesUploaded.add(sealed.length());
            stored = true;
        } catch (RuntimeException | Error e) {
            RepositoryException failure = new RepositoryException("unable to upload pack "
                    + (key == null ? "(while sealing it)" : key) + " to location " + repo.objectStore().location()
                    + ": " + e.getMessage() + "; this writer is unusable, start a new one (packs already uploaded"
                    + " are reused)", e);
            markBroken(failure);
            abandon(pack, failure);
        } finally {
            pack.builder().release(); // uploaded or abandoned: its spool file or array is no longer needed
            try {
                if (stored) {
                    index.checkpointIfDue(() -> state == State.OPEN && broken == null);
                }
            } finally {
                uploadSlots.release();
                uploads.end();
            }
        }
    }

    @Override
    public void checkpoint() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            uploads.awaitIdle();
            ensureOpen();
            index.checkpoint();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public WriterStats finish() {
        lifecycle.writeLock().lock();
        try {
            ensureOpen();
            for (PackAssembler assembler : assemblers.values()) {
                PackAssembler.Detached last = assembler.detach();
                if (last != null) {
                    submit(last);
                }
            }
            uploads.awaitIdle();
            ensureOpen();
            writeFinalIndex(awaitBorrowed());
            state = State.FINISHED;
            repo.inFlight().releaseAll(this);
            return stats();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** The blobs this writer skipped because another writer was storing them, once that writer has. */
    private List<IndexedPack> awaitBorrowed() {
        Map<String, List<PackEntry>> byPack = new LinkedHashMap<>();
        for (Claim claim : borrowed) {
            BlobLocation location = claim.awaitStored();
            byPack.computeIfAbsent(location.packKey(), key -> new ArrayList<>()).add(location.toEntry(claim.id()));
        }
        List<IndexedPack> packs = new ArrayList<>();
        byPack.forEach((key, entries) -> packs.add(new IndexedPack(key, entries.get(0).type(), entries)));
        return packs;
    }

    private void writeFinalIndex(List<IndexedPack> borrowedPacks) {
        try {
            index.writeFinal(borrowedPacks);
        } catch (StoreException e) {
            RepositoryException failure = new RepositoryException("unable to store the final index at location "
                    + repo.objectStore().location() + ": " + e.getMessage() + "; the packs are stored and the next"
                    + " backup reuses those its checkpoints list", e);
            markBroken(failure);
            throw failure;
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSED;
            RepositoryException abandoned = new RepositoryException("the writer storing it was closed before"
                    + " finishing");
            assemblers.values().forEach(assembler -> abandon(assembler.detach(), abandoned));
            uploads.awaitIdle();
            if (broken == null) {
                try {
                    index.checkpoint(); // keep what was uploaded reusable by the next writer
                } catch (StoreException e) {
                    LOG.log(System.Logger.Level.WARNING, "unable to write a checkpoint index while closing an "
                            + "unfinished writer: " + e.getMessage());
                }
            }
        } finally {
            repo.inFlight().releaseAll(this);
            lifecycle.writeLock().unlock();
        }
    }

    /** Asks this writer to upload the open pack holding {@code claim}'s blob now (another writer waits for it). */
    void flushPackHolding(Claim claim) {
        PackAssembler.Detached pack = assemblers.get(claim.type()).detachIfHolding(claim);
        if (pack != null) {
            submit(pack);
        }
    }

    /** A pack whose output failed while a blob was added: its bytes no longer match its entries. */
    private void abandonFailedPack(PackAssembler.Detached pack, Throwable cause) {
        abandon(pack, new RepositoryException("the pack holding this blob failed while another blob was added"
                + " to it (" + cause.getMessage() + "); run the backup again", cause));
    }

    private void abandon(PackAssembler.Detached pack, RepositoryException cause) {
        if (pack == null) {
            return;
        }
        pack.builder().release();
        for (Claim claim : pack.claims()) {
            claim.fail(cause);
            repo.inFlight().release(claim);
        }
    }

    private void markBroken(RepositoryException failure) {
        synchronized (this) {
            if (broken != null) {
                return;
            }
            broken = failure;
        }
        // blobs in open packs will never be uploaded now; release writers waiting for them
        assemblers.values().forEach(assembler -> abandon(assembler.detach(), failure));
    }

    private void ensureOpen() {
        RepositoryException failure = broken;
        if (failure != null) {
            throw new RepositoryException(failure.getMessage(), failure);
        }
        if (state != State.OPEN) {
            throw new IllegalStateException("this writer is " + state.name().toLowerCase() + "; start a new one");
        }
    }

    private WriterStats stats() {
        return new WriterStats(blobsNew.sum(), bytesNew.sum(), bytesUploaded.sum(), packsUploaded.sum());
    }

    @Override
    public String toString() {
        return "writer " + java.util.HexFormat.of().formatHex(writerId) + " of " + repo;
    }
}
