package dev.stowage.repository.maintenance;

import java.time.Instant;

/**
 * What one maintenance run did.
 *
 * @param indexObjectsBefore index objects found when it started (what a cold open had to read)
 * @param indexObjectsAfter  index objects left when it ended
 * @param snapshots          snapshots marked (full only)
 * @param liveBlobs          blobs those snapshots reference (full only)
 * @param blobsCondemned     index entries moved to a CONDEMNED index object: deleted after the safety margin
 * @param blobsRescued       condemned entries a snapshot references again, moved back to the normal index
 * @param packsRepacked      mostly-garbage packs whose live blobs were written again
 * @param blobsRepacked      live blobs written again
 * @param packsDeleted       packs deleted
 * @param bytesFreed         their bytes
 * @param packsWaiting       condemned packs not yet past the safety margin
 * @param uploadsAborted     incomplete uploads older than the safety margin that were discarded
 * @param liveBlobsMissing   referenced blobs found in no stored pack (a check explains them)
 */
public record MaintenanceReport(MaintenanceMode mode, Instant started, Instant finished, int indexObjectsBefore,
        int indexObjectsAfter, int snapshots, long liveBlobs, long blobsCondemned, long blobsRescued,
        long packsRepacked, long blobsRepacked, long packsDeleted, long bytesFreed, long packsWaiting,
        long uploadsAborted, long liveBlobsMissing) {
}
