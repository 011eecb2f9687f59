package dev.stowage.repository.content;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.index.BlobLocation;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One writer's promise to store one blob, from its {@code put} until an index object lists it. Another
 * writer of the same repository that meets the same blob meanwhile borrows the claim instead of storing
 * a second copy, and before finishing waits for it to be stored (asking the owner to upload the pack
 * holding it, if need be) so that its own final index can list it.
 */
final class Claim {

    private final BlobId id;
    private final BlobType type;
    private final PackingContentWriter owner;
    /** completes once the blob is in one of the owner's packs */
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();
    /** completes once that pack is uploaded */
    private final CompletableFuture<BlobLocation> stored = new CompletableFuture<>();

    Claim(BlobId id, BlobType type, PackingContentWriter owner) {
        this.id = id;
        this.type = type;
        this.owner = owner;
    }

    BlobId id() {
        return id;
    }

    BlobType type() {
        return type;
    }

    PackingContentWriter owner() {
        return owner;
    }

    void markAssigned() {
        assigned.complete(null);
    }

    void markStored(BlobLocation location) {
        assigned.complete(null);
        stored.complete(location);
    }

    void fail(Throwable cause) {
        assigned.completeExceptionally(cause);
        stored.completeExceptionally(cause);
    }

    boolean isStored() {
        return stored.isDone() && !stored.isCompletedExceptionally();
    }

    Optional<BlobLocation> location() {
        return isStored() ? Optional.of(stored.join()) : Optional.empty();
    }

    /** Waits until the blob is uploaded, asking the owner to upload its pack now rather than when full. */
    BlobLocation awaitStored() {
        if (!stored.isDone()) {
            await(assigned);
            owner.flushPackHolding(this);
        }
        return await(stored);
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while waiting for blob " + id
                    + " to be stored by another writer", e);
        } catch (ExecutionException e) {
            throw new RepositoryException("blob " + id + " was being stored by another writer of this repository,"
                    + " which failed (" + e.getCause().getMessage() + "); run the backup again", e.getCause());
        }
    }
}
