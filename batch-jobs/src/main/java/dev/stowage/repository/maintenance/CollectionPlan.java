package dev.stowage.repository.maintenance;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.index.IndexedPack;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackKeys;
import dev.stowage.store.ObjectInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * What one full maintenance decides, computed from what it read and nothing else (no I/O but the
 * headers of old packs no index names). The rules, argued in docs/MAINTENANCE.md:
 * <ul>
 *   <li>a live blob keeps one canonical copy (a pack some index names, normal copies first);</li>
 *   <li>in a pack older than the margin, every index entry that is not a canonical live copy is
 *       <em>condemned</em>: moved from the normal index to a CONDEMNED index object, so readers still find
 *       it and writers no longer deduplicate against it;</li>
 *   <li>a condemned entry that a snapshot references again is <em>rescued</em> into the normal index;</li>
 *   <li>a pack is deleted only when it is older than the margin, holds no live blob, and no normal index
 *       and no CONDEMNED object younger than the margin names it;</li>
 *   <li>an old pack whose live blobs fill less than {@code repackBelow} of it is condemned whole and its
 *       live blobs are written again;</li>
 *   <li>packs younger than the margin are left as they are (a running backup may be writing them).</li>
 * </ul>
 */
final class CollectionPlan {

    /** A live blob to write again, and the pack it is read from. */
    record Repack(BlobId id, String fromPack, PackEntry entry) {
    }

    final Map<String, List<PackEntry>> keepNormal = new LinkedHashMap<>();
    final Map<String, List<PackEntry>> condemn = new LinkedHashMap<>();
    final List<Repack> repack = new ArrayList<>();
    final List<ObjectInfo> deletePacks = new ArrayList<>();
    final List<String> deleteNormalObjects = new ArrayList<>();
    final List<String> deleteCondemnedObjects = new ArrayList<>();
    int packsWaiting;
    int blobsRescued;
    long liveMissing;

    private final Map<String, Map<BlobId, PackEntry>> normal = new LinkedHashMap<>();
    private final Map<String, Map<BlobId, PackEntry>> condemned = new LinkedHashMap<>();
    private final Map<String, Instant> condemnedAt = new HashMap<>();
    private final Map<String, Map<BlobId, PackEntry>> orphans = new LinkedHashMap<>();
    private final Map<BlobId, String> canonical = new HashMap<>();
    private final Map<String, ObjectInfo> packs;
    private final LiveBlobs live;
    private final Instant cutoff;
    private final double repackBelow;

    private CollectionPlan(Map<String, ObjectInfo> packs, LiveBlobs live, Instant cutoff, double repackBelow) {
        this.packs = packs;
        this.live = live;
        this.cutoff = cutoff;
        this.repackBelow = repackBelow;
    }

    /**
     * @param packs    every stored pack by key, listed after the inventory was read
     * @param headerOf reads a pack's own header (for old packs no index names)
     */
    static CollectionPlan make(IndexInventory inventory, Map<String, ObjectInfo> packs, LiveBlobs live,
            Function<ObjectInfo, List<PackEntry>> headerOf, Instant now, MaintenanceOptions options) {
        CollectionPlan plan = new CollectionPlan(packs, live, now.minus(options.safetyMargin()),
                options.repackBelow());
        plan.gather(inventory, headerOf);
        plan.chooseCanonical();
        plan.decide();
        return plan;
    }

    private void gather(IndexInventory inventory, Function<ObjectInfo, List<PackEntry>> headerOf) {
        for (IndexInventory.Stored stored : inventory.normal()) {
            addAll(normal, stored);
            deleteNormalObjects.add(stored.key());
        }
        for (IndexInventory.Stored stored : inventory.condemned()) {
            addAll(condemned, stored);
            for (IndexedPack pack : stored.object().packs()) {
                condemnedAt.merge(pack.packKey(), stored.written(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (!stored.written().isAfter(cutoff)) {
                deleteCondemnedObjects.add(stored.key());
            }
        }
        for (ObjectInfo pack : packs.values()) {
            if (!normal.containsKey(pack.key()) && !condemned.containsKey(pack.key()) && old(pack.key())) {
                List<PackEntry> header = headerOf.apply(pack);
                if (header == null) {
                    continue; // unreadable: kept, never deleted blind
                }
                Map<BlobId, PackEntry> entries = new LinkedHashMap<>();
                header.forEach(e -> entries.putIfAbsent(e.id(), e));
                orphans.put(pack.key(), entries);
            }
        }
    }

    private static void addAll(Map<String, Map<BlobId, PackEntry>> into, IndexInventory.Stored stored) {
        for (IndexedPack pack : stored.object().packs()) {
            Map<BlobId, PackEntry> entries = into.computeIfAbsent(pack.packKey(), k -> new LinkedHashMap<>());
            pack.entries().forEach(e -> entries.putIfAbsent(e.id(), e));
        }
    }

    /** One stored copy per live blob: normal copies first, then condemned, then old unindexed packs. */
    private void chooseCanonical() {
        for (Map<String, Map<BlobId, PackEntry>> source : List.of(normal, condemned, orphans)) {
            source.forEach((pack, entries) -> {
                if (packs.containsKey(pack)) {
                    entries.keySet().stream().filter(live::contains).forEach(id -> canonical.putIfAbsent(id, pack));
                }
            });
        }
        liveMissing = live.ids().stream().filter(id -> !canonical.containsKey(id)).count();
    }

    private void decide() {
        normal.forEach(this::decideNormal);
        condemned.forEach((pack, entries) -> {
            if (!normal.containsKey(pack)) {
                decideCondemnedOnly(pack);
            }
        });
        orphans.forEach((pack, entries) -> {
            List<PackEntry> liveHere = canonicalIn(pack, entries);
            if (liveHere.isEmpty()) {
                deletePacks.add(packs.get(pack));
            } else {
                rescue(pack, liveHere);
            }
        });
    }

    private void decideNormal(String pack, Map<BlobId, PackEntry> entries) {
        if (!packs.containsKey(pack) || !old(pack)) {
            // missing (a check reports it) or young (a running backup may still reference anything in it)
            List<PackEntry> keep = new ArrayList<>(entries.values());
            canonicalIn(pack, condemned.getOrDefault(pack, Map.of())).stream()
                    .filter(e -> !entries.containsKey(e.id())).forEach(e -> {
                        keep.add(e);
                        blobsRescued++;
                    });
            keepNormal.put(pack, keep);
            return;
        }
        Map<BlobId, PackEntry> all = new LinkedHashMap<>(entries);
        condemned.getOrDefault(pack, Map.of()).forEach(all::putIfAbsent);
        List<PackEntry> liveHere = canonicalIn(pack, all);
        long liveBytes = liveHere.stream().mapToLong(PackEntry::storedLength).sum();
        if (liveHere.isEmpty()) {
            condemn.put(pack, new ArrayList<>(entries.values()));
        } else if (liveBytes < repackBelow * packs.get(pack).size()) {
            condemn.put(pack, new ArrayList<>(entries.values()));
            liveHere.forEach(e -> repack.add(new Repack(e.id(), pack, e)));
        } else {
            keepNormal.put(pack, liveHere);
            Set<BlobId> liveIds = liveHere.stream().map(PackEntry::id).collect(Collectors.toSet());
            List<PackEntry> garbage = entries.values().stream().filter(e -> !liveIds.contains(e.id())).toList();
            if (!garbage.isEmpty()) {
                condemn.put(pack, new ArrayList<>(garbage));
            }
            liveHere.stream().filter(e -> !entries.containsKey(e.id())).forEach(e -> blobsRescued++);
        }
    }

    private void decideCondemnedOnly(String pack) {
        List<PackEntry> liveHere = canonicalIn(pack, condemned.get(pack));
        if (!liveHere.isEmpty()) {
            rescue(pack, liveHere);
        } else if (packs.containsKey(pack) && old(pack) && !condemnedAt.get(pack).isAfter(cutoff)) {
            deletePacks.add(packs.get(pack));
        } else if (packs.containsKey(pack)) {
            packsWaiting++;
        }
    }

    private void rescue(String pack, List<PackEntry> liveHere) {
        keepNormal.put(pack, liveHere);
        blobsRescued += liveHere.size();
    }

    private List<PackEntry> canonicalIn(String pack, Map<BlobId, PackEntry> entries) {
        return entries.values().stream().filter(e -> pack.equals(canonical.get(e.id()))).toList();
    }

    private boolean old(String pack) {
        ObjectInfo info = packs.get(pack);
        return info != null && !info.lastModified().isAfter(cutoff);
    }

    static List<IndexedPack> asPacks(Map<String, List<PackEntry>> byPack) {
        List<IndexedPack> result = new ArrayList<>();
        byPack.forEach((pack, entries) -> {
            if (!entries.isEmpty()) {
                result.add(new IndexedPack(pack, PackKeys.typeOf(pack), entries));
            }
        });
        return result;
    }
}
