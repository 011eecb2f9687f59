package dev.stowage.repository.content;

import dev.stowage.repository.pack.EncodedBlob;
import dev.stowage.repository.pack.PackBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A writer's open pack of one blob type, filled by many threads: appending writes an encoded blob to the
 * pack's output (spool file or array) under this object's lock; a pack that reaches the target size is
 * detached for upload, and the next blob starts a new one.
 */
final class PackAssembler {

    /** A pack taken out of the assembler, with the claims of its blobs in pack order. */
    record Detached(PackBuilder builder, List<Claim> claims) {
    }

    /** Gives up a pack whose output failed: releases its output and fails and releases its blobs' claims. */
    @FunctionalInterface
    interface Abandoner {
        void abandon(Detached pack, Throwable cause);
    }

    private final BlobType type;
    private final int targetBytes;
    private final Function<BlobType, PackBuilder> newPack;
    private final Abandoner abandoner;
    private PackBuilder builder;
    private List<Claim> claims = new ArrayList<>();

    /** @param newPack a new, empty pack of a type (where its bytes go: {@link PackOutputs#newPack}) */
    PackAssembler(BlobType type, int targetBytes, Function<BlobType, PackBuilder> newPack, Abandoner abandoner) {
        this.type = type;
        this.targetBytes = targetBytes;
        this.newPack = newPack;
        this.abandoner = abandoner;
    }

    /**
     * Appends a blob; returns the pack when it is now full, else null. When the pack's output fails, the
     * pack is taken out and abandoned before the lock is let go: a failed write may have left part of the
     * blob in the output, so no other thread may append to, flush or upload that pack.
     */
    synchronized Detached append(BlobId id, EncodedBlob blob, Claim claim) {
        if (builder == null) {
            builder = newPack.apply(type);
        }
        try {
            builder.append(id, blob);
        } catch (RuntimeException | Error e) {
            Detached failed = new Detached(builder, claims);
            builder = null;
            claims = new ArrayList<>();
            try {
                abandoner.abandon(failed, e);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // the append's failure is what the caller must see
            }
            throw e;
        }
        claims.add(claim);
        claim.markAssigned();
        return builder.size() >= targetBytes ? detach() : null;
    }

    /** Takes the open pack out, or returns null when it is empty. */
    synchronized Detached detach() {
        if (builder == null || builder.isEmpty()) {
            return null;
        }
        Detached detached = new Detached(builder, claims);
        builder = null;
        claims = new ArrayList<>();
        return detached;
    }

    /** Takes the open pack out if it holds {@code claim}'s blob, else returns null. */
    synchronized Detached detachIfHolding(Claim claim) {
        return claims.contains(claim) ? detach() : null;
    }
}
