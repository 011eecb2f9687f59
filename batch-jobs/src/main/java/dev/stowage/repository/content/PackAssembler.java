package dev.stowage.repository.content;

import dev.stowage.repository.pack.EncodedBlob;
import dev.stowage.repository.pack.PackBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer's open pack of one blob type, filled by many threads: appending writes an encoded blob to the
 * pack's output (spool file or array) under this object's lock; a pack that reaches the target size is
 * detached for upload, and the next blob starts a new one.
 */
final class PackAssembler {

    /** A pack taken out of the assembler, with the claims of its blobs in pack order. */
    record Detached(PackBuilder builder, List<Claim> claims) {
    }

    private final BlobType type;
    private final int targetBytes;
    private final PackOutputs outputs;
    private PackBuilder builder;
    private List<Claim> claims = new ArrayList<>();

    PackAssembler(BlobType type, int targetBytes, PackOutputs outputs) {
        this.type = type;
        this.targetBytes = targetBytes;
        this.outputs = outputs;
    }

    /**
     * Appends a blob; returns the pack when it is now full, else null. When the pack's output fails, the
     * exception leaves the pack open (the broken writer abandons it), or drops it when it holds nothing.
     */
    synchronized Detached append(BlobId id, EncodedBlob blob, Claim claim) {
        if (builder == null) {
            builder = outputs.newPack(type);
        }
        try {
            builder.append(id, blob);
        } catch (RuntimeException | Error e) {
            if (builder.isEmpty()) {
                builder.release();
                builder = null;
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
