package dev.stowage.repository.snapshot;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The snapshot manifests under {@code snapshots/<id>}, sealed with the master key. A snapshot's id
 * is the keyed id of its manifest's plaintext, so a manifest moved to another name is detected.
 * Manifests never change, so each is fetched once per process and, with a cache directory, once
 * per machine.
 */
public final class SnapshotCatalog {
    public static final String PREFIX = "snapshots/";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{4,63}");
    private static final System.Logger LOG = System.getLogger(SnapshotCatalog.class.getName());

    private final ContentStore content;
    private final ManifestCache diskCache;
    private final Map<String, SnapshotManifest> loaded = new ConcurrentHashMap<>();
    private volatile Set<String> lastListed = Set.of();

    public SnapshotCatalog(ContentStore content, ManifestCache diskCache) {
        this.content = content;
        this.diskCache = diskCache;
    }

    /** Stores a manifest, which lists the snapshot; the last write of a backup. Returns its id. */
    public String write(SnapshotManifest manifest) {
        byte[] plaintext = ManifestCodec.encode(manifest);
        String id = content.idOf(plaintext, 0, plaintext.length).hex();
        byte[] sealed = content.seal(plaintext);
        content.objectStore().put(PREFIX + id, sealed);
        diskCache.put(id, sealed);
        loaded.put(id, manifest);
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
        lastListed = Set.copyOf(ids);
        return ids;
    }

    /** Every snapshot whose manifest opens, oldest first; one that does not is logged and left out. */
    public List<SnapshotInfo> list() {
        List<SnapshotInfo> infos = new ArrayList<>();
        for (String id : ids()) {
            try {
                load(id, true).ifPresent(m -> infos.add(m.info(id)));
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
        // the parent a backup just chose, or the snapshot a restore just picked, came from a listing
        return resolve(idOrPrefix).flatMap(id -> load(id, lastListed.contains(id))
                .map(manifest -> new Found(id, manifest)));
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

    /** The newest snapshot of a source identity. */
    public Optional<SnapshotInfo> latest(String sourceIdentity) {
        List<SnapshotInfo> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).source().identity().equals(sourceIdentity)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Removes a manifest; removing one that is gone is not an error. */
    public void forget(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + id);
        }
        content.objectStore().delete(PREFIX + id);
        loaded.remove(id);
        diskCache.remove(id);
    }

    /**
     * Loads a manifest. Caches are trusted only for ids a listing returned (the last listing of this
     * catalog, or the one just made): a manifest another process forgot must not come back from a
     * cache when asked for by an id nothing listed.
     */
    private Optional<SnapshotManifest> load(String id, boolean listed) {
        SnapshotManifest known = listed ? loaded.get(id) : null;
        if (known != null) {
            return Optional.of(known);
        }
        String key = PREFIX + id;
        byte[] sealed = listed ? diskCache.get(id) : null;
        boolean fromStore = sealed == null;
        if (fromStore) {
            try {
                sealed = content.objectStore().get(key);
            } catch (ObjectNotFoundException e) {
                return Optional.empty();
            }
        }
        SnapshotManifest manifest = decode(key, id, content.open(key, sealed));
        if (fromStore) {
            diskCache.put(id, sealed);
        }
        loaded.put(id, manifest);
        return Optional.of(manifest);
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
