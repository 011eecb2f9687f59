package dev.stowage.repository.snapshot;

import dev.stowage.repository.Documents;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
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
 *
 * <p>A repository created with these records, or one whose snapshots were listed once to record the
 * latest of every source, holds the document {@code documents/latest-snapshots/all-recorded}: there, a
 * source without a record has no snapshot, and nothing needs listing. A repository without it (written
 * before these records existed) is listed when a source has no record, and then gets them all.
 */
final class LatestSnapshots {

    static final String COLLECTION = "latest-snapshots";
    /** Present when every source with a snapshot has its record. */
    static final String ALL_RECORDED = "all-recorded";
    private static final String ALL_RECORDED_HERE = "latest-all-recorded";
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

    /**
     * Whether every source with a snapshot has its record, so a source without one has no snapshot: known
     * on this machine once seen (no request), else one download.
     */
    boolean allRecorded() {
        if (state.read(ALL_RECORDED_HERE).isPresent()) {
            return true;
        }
        boolean recorded = documents.get(COLLECTION, ALL_RECORDED).isPresent();
        if (recorded) {
            state.write(ALL_RECORDED_HERE, "1");
        }
        return recorded;
    }

    /** States that every source with a snapshot has its record (a new repository, or all just recorded). */
    void markAllRecorded() {
        try {
            documents.put(COLLECTION, ALL_RECORDED, "1".getBytes(StandardCharsets.US_ASCII));
            state.write(ALL_RECORDED_HERE, "1");
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to record that every source's latest snapshot is recorded: "
                    + e.getMessage());
        }
    }

    /** Remembers on this machine the snapshot found for a source. */
    void used(String identity, String snapshotId) {
        if (!local(identity).filter(snapshotId::equals).isPresent()) {
            state.write(fileOf(identity), snapshotId);
        }
    }

    /**
     * A snapshot was forgotten: where it was the last of its source, {@code replacement} takes its place
     * (its parent, or the newest left), or no record when there is none left, so that the next backup
     * still finds a parent without a listing.
     */
    void forgotten(String identity, String snapshotId, Supplier<Optional<String>> replacement) {
        boolean remote = recorded(identity).filter(snapshotId::equals).isPresent();
        boolean here = local(identity).filter(snapshotId::equals).isPresent();
        if (!remote && !here) {
            return;
        }
        Optional<String> next = replacement.get();
        if (remote) {
            if (next.isPresent()) {
                documents.put(COLLECTION, nameOf(identity), next.get().getBytes(StandardCharsets.US_ASCII));
            } else {
                documents.delete(COLLECTION, nameOf(identity));
            }
        }
        if (here) {
            next.ifPresentOrElse(id -> state.write(fileOf(identity), id), () -> state.delete(fileOf(identity)));
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
