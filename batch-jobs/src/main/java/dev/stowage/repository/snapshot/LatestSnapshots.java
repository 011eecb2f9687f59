package dev.stowage.repository.snapshot;

import dev.stowage.repository.Documents;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the last snapshot of each source is recorded, so a backup finds its parent without listing
 * {@code snapshots/} and downloading every manifest: first on this machine (a state file, no request),
 * then in the repository, as a small sealed document per source ({@code documents/latest-snapshots/<id>},
 * one download) that every backup replaces. A source's identity is named by its keyed id, so the
 * document's name reveals nothing of it.
 *
 * <p>Both records are hints: the catalog loads the snapshot they name and checks that it belongs to
 * the source. A snapshot forgotten since, or a record lost, only means the next backup of that source
 * reads every file (and still stores none twice).
 */
final class LatestSnapshots {

    static final String COLLECTION = "latest-snapshots";
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final System.Logger LOG = System.getLogger(LatestSnapshots.class.getName());

    private final ContentStore content;
    private final Documents documents;
    private final StateDirectory state;

    LatestSnapshots(ContentStore content, Documents documents, StateDirectory state) {
        this.content = content;
        this.documents = documents;
        this.state = state;
    }

    /** The last snapshot of {@code identity} this machine wrote or used, without a request. */
    Optional<String> local(String identity) {
        return state.read(fileOf(identity)).map(String::strip).filter(id -> SNAPSHOT_ID.matcher(id).matches());
    }

    /** The last snapshot of {@code identity} any machine recorded in the repository: one download. */
    Optional<String> recorded(String identity) {
        return documents.get(COLLECTION, nameOf(identity))
                .map(bytes -> new String(bytes, StandardCharsets.US_ASCII).strip())
                .filter(id -> SNAPSHOT_ID.matcher(id).matches());
    }

    /** Records a new snapshot as the last of its source, in the repository and on this machine. */
    void written(String identity, String snapshotId) {
        try {
            documents.put(COLLECTION, nameOf(identity), snapshotId.getBytes(StandardCharsets.US_ASCII));
        } catch (StoreException e) {
            // the snapshot is stored; without the record the next backup on another machine reads every file
            LOG.log(System.Logger.Level.WARNING, "unable to record snapshot " + snapshotId + " as the latest of its"
                    + " source: " + e.getMessage());
        }
        used(identity, snapshotId);
    }

    /** Remembers on this machine the snapshot found for a source. */
    void used(String identity, String snapshotId) {
        if (!local(identity).filter(snapshotId::equals).isPresent()) {
            state.write(fileOf(identity), snapshotId);
        }
    }

    /**
     * A snapshot was forgotten: where it was the last of its source, its parent takes its place (or no
     * snapshot, when it had none), so the next backup still finds a parent without a listing.
     */
    void forgotten(String identity, String snapshotId, String parentId) {
        if (recorded(identity).filter(snapshotId::equals).isPresent()) {
            if (parentId == null) {
                documents.delete(COLLECTION, nameOf(identity));
            } else {
                documents.put(COLLECTION, nameOf(identity), parentId.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (local(identity).filter(snapshotId::equals).isPresent()) {
            if (parentId == null) {
                state.delete(fileOf(identity));
            } else {
                state.write(fileOf(identity), parentId);
            }
        }
    }

    private String fileOf(String identity) {
        return "latest-" + nameOf(identity);
    }

    private String nameOf(String identity) {
        byte[] bytes = identity.getBytes(StandardCharsets.UTF_8);
        return content.idOf(bytes, 0, bytes.length).hex();
    }
}
