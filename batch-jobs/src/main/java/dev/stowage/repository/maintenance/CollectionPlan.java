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
 *   <li>nothing is deleted that was not condemned at least the margin earlier: a pack is deleted only when
 *       it is older than the margin, holds no live blob, no normal index names it, and every entry of it
 *       known is in a CONDEMNED object, none younger than the margin;</li>
 *   <li>an entry only a CONDEMNING object lists (a run died before storing its CONDEMNED object) is
 *       condemned anew by this run, its margin counted from this run's CONDEMNED object;</li>
 *   <li>an old pack no index names (a killed writer's, or one whose index entries were lost) is condemned
 *       whole, with the entries its own header lists, never deleted on first sight;</li>
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
    /** CONDEMNING objects of runs that died: deleted once this run's CONDEMNED object holds their entries */
    final List<String> deleteCondemningObjects = new ArrayList<>();
    int packsWaiting;
    int blobsRescued;
    long liveMissing;

    private final Map<String, Map<BlobId, PackEntry>> normal = new LinkedHashMap<>();
    /** entries of CONDEMNED and CONDEMNING objects: readable copies, not deduplicable */
    private final Map<String, Map<BlobId, PackEntry>> condemned = new LinkedHashMap<>();
    /** per pack, the time of the latest CONDEMNED object naming it (CONDEMNING objects carry no time) */
    private final Map<String, Instant> condemnedAt = new HashMap<>();
    /** entries only a CONDEMNING object lists: no margin runs for them yet */
    private final Map<String, Map<BlobId, PackEntry>> untimed = new LinkedHashMap<>();
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
        gatherUntimed(inventory.condemning());
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

    /**
     * Entries of CONDEMNING objects (a run died between removing them from the normal index and storing
     * its CONDEMNED object) that neither a normal nor a CONDEMNED object lists: this run condemns them
     * again, so their margin starts at this run's CONDEMNED object, then deletes the CONDEMNING objects.
     */
    private void gatherUntimed(List<IndexInventory.Stored> condemning) {
        Map<String, Map<BlobId, PackEntry>> listed = new LinkedHashMap<>();
        for (IndexInventory.Stored stored : condemning) {
            addAll(listed, stored);
            deleteCondemningObjects.add(stored.key());
        }
        listed.forEach((pack, entries) -> entries.forEach((id, entry) -> {
            if (!normal.getOrDefault(pack, Map.of()).containsKey(id)
                    && !condemned.getOrDefault(pack, Map.of()).containsKey(id)) {
                untimed.computeIfAbsent(pack, k -> new LinkedHashMap<>()).put(id, entry);
            }
        }));
        untimed.forEach((pack, entries) -> entries.forEach((id, entry) ->
                condemned.computeIfAbsent(pack, k -> new LinkedHashMap<>()).putIfAbsent(id, entry)));
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
        // no index names these: condemned whole (or their live blobs rescued), deleted by a later run
        orphans.forEach((pack, entries) -> decideOld(pack, Map.of(), entries, entries));
    }

    private void decideNormal(String pack, Map<BlobId, PackEntry> entries) {
        if (!packs.containsKey(pack) || !old(pack)) {
            // missing (a check reports it) or young (a running backup may still reference anything in it)
            List<PackEntry> keep = new ArrayList<>(entries.values());
            List<PackEntry> liveCondemned = canonicalIn(pack, condemned.getOrDefault(pack, Map.of()));
            liveCondemned.stream().filter(e -> !entries.containsKey(e.id())).forEach(e -> {
                keep.add(e);
                blobsRescued++;
            });
            keepNormal.put(pack, keep);
            if (packs.containsKey(pack)) {
                condemnUntimed(pack, liveCondemned);
            }
            return;
        }
        Map<BlobId, PackEntry> all = new LinkedHashMap<>(entries);
        condemned.getOrDefault(pack, Map.of()).forEach(all::putIfAbsent);
        Map<BlobId, PackEntry> uncondemned = new LinkedHashMap<>(entries);
        untimed.getOrDefault(pack, Map.of()).forEach(uncondemned::putIfAbsent);
        decideOld(pack, entries, uncondemned, all);
    }

    /**
     * An old pack: {@code indexed} its normal entries, {@code uncondemned} the entries no CONDEMNED object
     * lists yet (normal, untimed or, for a pack no index names, its header's), {@code known} all of them.
     */
    private void decideOld(String pack, Map<BlobId, PackEntry> indexed, Map<BlobId, PackEntry> uncondemned,
            Map<BlobId, PackEntry> known) {
        List<PackEntry> liveHere = canonicalIn(pack, known);
        long liveBytes = liveHere.stream().mapToLong(PackEntry::storedLength).sum();
        if (liveHere.isEmpty()) {
            condemn.put(pack, new ArrayList<>(uncondemned.values()));
            if (indexed.isEmpty()) {
                packsWaiting++; // a pack no index named: its margin starts now
            }
        } else if (liveBytes < repackBelow * packs.get(pack).size()) {
            condemn.put(pack, new ArrayList<>(uncondemned.values()));
            liveHere.forEach(e -> repack.add(new Repack(e.id(), pack, e)));
        } else {
            keepNormal.put(pack, liveHere);
            condemnAllBut(pack, uncondemned, liveHere);
            liveHere.stream().filter(e -> !indexed.containsKey(e.id())).forEach(e -> blobsRescued++);
        }
    }

    private void decideCondemnedOnly(String pack) {
        List<PackEntry> liveHere = canonicalIn(pack, condemned.get(pack));
        boolean waitsForThisRun = untimed.containsKey(pack) && packs.containsKey(pack);
        if (!liveHere.isEmpty()) {
            rescue(pack, liveHere);
            condemnUntimed(pack, liveHere);
        } else if (waitsForThisRun) {
            condemnUntimed(pack, liveHere);
            packsWaiting++;
        } else if (packs.containsKey(pack) && old(pack) && !condemnedAt.get(pack).isAfter(cutoff)) {
            deletePacks.add(packs.get(pack));
        } else if (packs.containsKey(pack)) {
            packsWaiting++;
        }
    }

    /** Condemns the pack's untimed entries that are not among {@code live}. */
    private void condemnUntimed(String pack, List<PackEntry> live) {
        condemnAllBut(pack, untimed.getOrDefault(pack, Map.of()), live);
    }

    private void condemnAllBut(String pack, Map<BlobId, PackEntry> candidates, List<PackEntry> live) {
        Set<BlobId> liveIds = live.stream().map(PackEntry::id).collect(Collectors.toSet());
        List<PackEntry> garbage = candidates.values().stream().filter(e -> !liveIds.contains(e.id())).toList();
        if (!garbage.isEmpty()) {
            condemn.computeIfAbsent(pack, k -> new ArrayList<>()).addAll(garbage);
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
