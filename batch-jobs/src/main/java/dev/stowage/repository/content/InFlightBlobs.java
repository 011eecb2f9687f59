package dev.stowage.repository.content;

import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.index.IndexObject;
import dev.stowage.repository.index.IndexedPack;
import dev.stowage.repository.pack.PackEntry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs that writers of one {@link ContentStore} have taken on but no index object lists yet, so that
 * two writers in one process never store the same blob twice. A claim leaves once an index object
 * listing its blob is stored, or when its writer fails or is abandoned.
 */
final class InFlightBlobs {

    private final ConcurrentHashMap<BlobId, Claim> claims = new ConcurrentHashMap<>();

    /** Registers {@code claim}; returns null when it won, else the claim already registered for the blob. */
    Claim claim(Claim claim) {
        return claims.putIfAbsent(claim.id(), claim);
    }

    void release(Claim claim) {
        claims.remove(claim.id(), claim);
    }

    /** Drops the claims of blobs {@code index} lists (it is stored now), whoever owned them. */
    void releaseIndexed(IndexObject index) {
        for (IndexedPack pack : index.packs()) {
            for (PackEntry entry : pack.entries()) {
                Claim claim = claims.get(entry.id());
                if (claim != null && claim.isStored()) {
                    claims.remove(entry.id(), claim);
                }
            }
        }
    }

    /** Drops every claim a writer still holds (it finished or was abandoned). */
    void releaseAll(PackingContentWriter owner) {
        claims.values().removeIf(claim -> claim.owner() == owner);
    }

    /** Where an uploaded but not yet indexed blob is. */
    Optional<BlobLocation> uploadedLocation(BlobId id) {
        Claim claim = claims.get(id);
        return claim == null ? Optional.empty() : claim.location();
    }

    int size() {
        return claims.size();
    }
}
