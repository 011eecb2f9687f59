package dev.stowage.repository.snapshot;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.Documents;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.cache.StateDirectory;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The snapshot manifests under {@code snapshots/<id>}, sealed with the master key. A snapshot's id
 * is the keyed id of its manifest's plaintext, so a manifest moved to another name is detected.
 * Manifests never change, so each is decoded once per process and, through the object store's cache,
 * downloaded once per machine. The parent of a backup is found through {@link LatestSnapshots},
 * without a listing.
 */
public final class SnapshotCatalog {
    public static final String PREFIX = "snapshots/";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{4,63}");
    private static final System.Logger LOG = System.getLogger(SnapshotCatalog.class.getName());

    private final ContentStore content;
    private final LatestSnapshots latest;
    private final Map<String, SnapshotManifest> loaded = new ConcurrentHashMap<>();

    /**
     * @param documents where the last snapshot of each source is recorded for other machines
     * @param state     this machine's state for the repository (the last snapshot of each source)
     */
    public SnapshotCatalog(ContentStore content, Documents documents, StateDirectory state) {
        this.content = content;
        this.latest = new LatestSnapshots(content, documents, state);
    }


    /** Stores a manifest, which lists the snapshot; the last write of a backup. Returns its id. */
    public String write(SnapshotManifest manifest) {
        byte[] plaintext = ManifestCodec.encode(manifest);
        String id = content.idOf(plaintext, 0, plaintext.length).hex();
        byte[] sealed = content.seal(plaintext);
        content.objectStore().put(PREFIX + id, sealed);
        loaded.put(id, manifest);
        latest.written(manifest.source().identity(), id);
        return id;
    }

    /** Ids of every stored manifest, in key order, from one listing. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (ObjectInfo object : content.objectStore().list(PREFIX)) {
            String id = object.key().substring(PREFIX.length());
            if (ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every snapshot whose manifest opens, oldest first; one that does not is logged and left out. */
    public List<SnapshotInfo> list() {
        List<SnapshotInfo> infos = new ArrayList<>();
        for (String id : ids()) {
            try {
                load(id).ifPresent(m -> infos.add(m.info(id)));
            } catch (CorruptDataException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot " + id + " left out: " + e.getMessage()
                        + " (run a check for details)");
            }
        }
        infos.sort(Comparator.comparing(SnapshotInfo::time).thenComparing(SnapshotInfo::id));
        return infos;
    }

    /**
     * A snapshot's manifest by its id or a unique prefix of it (at least 4 hex digits); empty when
     * there is none. {@link CorruptDataException} when it exists but does not open or decode.
     */
    public Optional<SnapshotManifest> manifest(String idOrPrefix) {
        return find(idOrPrefix).map(Found::manifest);
    }

    /** Like {@link #manifest}, with the full id the prefix stood for. */
    public Optional<Found> find(String idOrPrefix) {
        return resolve(idOrPrefix).flatMap(id -> load(id).map(manifest -> new Found(id, manifest)));
    }

    /** A manifest and its snapshot's full id. */
    public record Found(String id, SnapshotManifest manifest) {
        public dev.stowage.repository.SnapshotInfo info() {
            return manifest.info(id);
        }
    }

    /** The full id a unique prefix names, or empty. */
    public Optional<String> resolve(String idOrPrefix) {
        if (idOrPrefix == null) {
            return Optional.empty();
        }
        if (ID.matcher(idOrPrefix).matches()) {
            return Optional.of(idOrPrefix);
        }
        if (!ID_PREFIX.matcher(idOrPrefix).matches()) {
            return Optional.empty();
        }
        List<String> matches = ids().stream().filter(id -> id.startsWith(idOrPrefix)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("snapshot id prefix " + idOrPrefix + " matches " + matches.size()
                    + " snapshots; give more digits");
        }
        return matches.stream().findFirst();
    }

    /**
     * The last snapshot of a source identity, the parent of its next backup: the one this machine last
     * wrote or used, else the one recorded in the repository (one download when this machine has not seen
     * the source before). A source without a record has no snapshot, in a repository that records them all;
     * only a repository written before these records existed is listed, once, to record them.
     */
    public Optional<SnapshotInfo> latest(String sourceIdentity) {
        Optional<SnapshotInfo> found = latest.local(sourceIdentity).flatMap(id -> ofSource(id, sourceIdentity));
        if (found.isPresent()) {
            return found;
        }
        Optional<String> recorded = latest.recorded(sourceIdentity);
        found = recorded.flatMap(id -> ofSource(id, sourceIdentity));
        if (found.isPresent()) {
            latest.used(sourceIdentity, found.get().id());
            return found;
        }
        if (recorded.isEmpty() && latest.allRecorded()) {
            return Optional.empty();
        }
        return recordAllListed().stream().filter(info -> info.source().identity().equals(sourceIdentity))
                .findFirst();
    }

    /** For a repository that is new: every source with a snapshot has its record, since there is none. */
    public void startRecordingLatest() {
        latest.markAllRecorded();
    }

    private Optional<String> newestListed(String sourceIdentity) {
        List<SnapshotInfo> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).source().identity().equals(sourceIdentity)) {
                return Optional.of(all.get(i).id());
            }
        }
        return Optional.empty();
    }

    /** Lists every snapshot and records the newest of each source; returns those, newest first. */
    private List<SnapshotInfo> recordAllListed() {
        List<SnapshotInfo> all = new ArrayList<>(list());
        Collections.reverse(all);
        Map<String, SnapshotInfo> newest = new LinkedHashMap<>();
        all.forEach(info -> newest.putIfAbsent(info.source().identity(), info));
        newest.forEach((identity, info) -> latest.written(identity, info.id()));
        latest.markAllRecorded();
        return List.copyOf(newest.values());
    }

    private Optional<SnapshotInfo> ofSource(String id, String sourceIdentity) {
        try {
            return load(id).map(manifest -> manifest.info(id))
                    .filter(info -> info.source().identity().equals(sourceIdentity));
        } catch (CorruptDataException e) {
            LOG.log(System.Logger.Level.WARNING, "snapshot " + id + " is not used as a parent: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes a manifest; removing one that is gone is not an error. */
    public void forget(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + id);
        }
        Optional<SnapshotManifest> manifest;
        try {
            manifest = load(id);
        } catch (CorruptDataException e) {
            manifest = Optional.empty(); // unreadable: whatever records it as a parent is checked when used
        }
        content.objectStore().delete(PREFIX + id);
        loaded.remove(id);
        manifest.ifPresent(m -> latest.forgotten(m.source().identity(), id, () -> m.parentId() != null
                && load(m.parentId()).isPresent() ? Optional.of(m.parentId()) : newestListed(m.source().identity())));
    }

    /**
     * Loads a manifest, once per process. The store's cache may answer: manifests never change, and one
     * forgotten by another machine is gone from listings, though still readable here by its id.
     */
    private Optional<SnapshotManifest> load(String id) {
        SnapshotManifest known = loaded.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        String key = PREFIX + id;
        byte[] sealed;
        try {
            sealed = CachingObjectStore.getChecked(content.objectStore(), key, bytes -> opens(key, id, bytes));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
        SnapshotManifest manifest = decode(key, id, content.open(key, sealed));
        loaded.put(id, manifest);
        return Optional.of(manifest);
    }

    private boolean opens(String key, String id, byte[] sealed) {
        try {
            decode(key, id, content.open(key, sealed));
            return true;
        } catch (CorruptDataException e) {
            return false;
        }
    }

    private SnapshotManifest decode(String key, String id, byte[] plaintext) {
        BlobId expected = content.idOf(plaintext, 0, plaintext.length);
        if (!expected.hex().equals(id)) {
            throw new CorruptDataException(key, "snapshot manifest " + key + " does not match its name "
                    + "(it belongs under " + PREFIX + expected.hex() + ")", null);
        }
        try {
            return ManifestCodec.decode(plaintext);
        } catch (SnapshotFormatException e) {
            throw new CorruptDataException(key, "snapshot manifest " + key + ": " + e.getMessage(), e);
        }
    }
}
