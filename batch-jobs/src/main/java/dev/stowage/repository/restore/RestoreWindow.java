package dev.stowage.repository.restore;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.snapshot.BlobRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files collected by the walker, planned pack by pack: every blob they need is placed under the pack
 * that holds it, and each pack becomes one {@link PackBatch}. A file's chunks are spread over the
 * packs its backup filled (in parallel with other files), so reading per file fetched the same pack
 * once per file or piece needing it; planned this way, a pack is read once per window. A window holds
 * at most {@link #MAX_PLACEMENTS} placements (an empty file counts as one), which bounds the memory of a restore of any size.
 */
final class RestoreWindow {
    /** Placements (a chunk at an offset of a file) held before the window is handed to the scheduler. */
    static final int MAX_PLACEMENTS = 200_000;
    /** Blobs that no index names are grouped under this key; the content layer reports them. */
    private static final String UNKNOWN_PACK = "";

    /** BlobReader's largest ranged read: a pack task holds at most one at a time. */
    static final long MAX_READ_BYTES = 32L * 1024 * 1024;

    private final ContentStore content;
    private final ReadBudget budget;
    /** Per pack: lowest offset, highest end and largest plain length of the blobs wanted from it. */
    private final Map<String, long[]> extents = new HashMap<>();
    private final Map<String, Map<BlobId, List<PackBatch.Placement>>> byPack = new LinkedHashMap<>();
    private final Map<String, Set<FileRestore>> filesByPack = new HashMap<>();
    private final List<FileRestore> emptyFiles = new ArrayList<>();
    private final Map<FileRestore, Integer> packsPerFile = new LinkedHashMap<>();
    private int placements;

    RestoreWindow(ContentStore content, ReadBudget budget) {
        this.content = content;
        this.budget = budget;
    }

    /** Plans {@code file}'s chunks; true when the window is full and should be {@link #submit}ted. */
    boolean add(FileRestore file) {
        List<BlobRef> blobs = file.node.content();
        if (blobs.isEmpty()) {
            // an empty file holds no chunk but is held until submitted: it counts, or millions of
            // empty files would escape the bound
            emptyFiles.add(file);
            placements++;
            return placements >= MAX_PLACEMENTS;
        }
        Set<String> packs = new LinkedHashSet<>();
        long offset = 0;
        for (BlobRef blob : blobs) {
            BlobLocation location = content.locate(blob.id()).orElse(null);
            String pack = location == null ? UNKNOWN_PACK : location.packKey();
            if (location != null) {
                extend(pack, location);
            }
            byPack.computeIfAbsent(pack, key -> new LinkedHashMap<>())
                    .computeIfAbsent(blob.id(), id -> new ArrayList<>(1))
                    .add(new PackBatch.Placement(file, offset, blob.length()));
            offset += blob.length();
            if (packs.add(pack)) {
                filesByPack.computeIfAbsent(pack, key -> new LinkedHashSet<>()).add(file);
            }
            placements++;
        }
        packsPerFile.put(file, packs.size());
        return placements >= MAX_PLACEMENTS;
    }

    private void extend(String pack, BlobLocation location) {
        long[] extent = extents.computeIfAbsent(pack, key -> new long[] {Long.MAX_VALUE, 0, 0});
        extent[0] = Math.min(extent[0], location.offset());
        extent[1] = Math.max(extent[1], (long) location.offset() + location.storedLength());
        extent[2] = Math.max(extent[2], location.plainLength());
    }

    /** What reading a pack's wanted blobs holds at most: one ranged read and one decode buffer. */
    private long readBytes(String pack) {
        long[] extent = extents.get(pack);
        return extent == null ? 0 : Math.min(extent[1] - extent[0], MAX_READ_BYTES) + extent[2];
    }

    /** Hands every pack's batch to the scheduler and empties the window. */
    void submit(FileScheduler scheduler) {
        packsPerFile.forEach(FileRestore::expectTasks);
        if (!emptyFiles.isEmpty()) {
            emptyFiles.forEach(file -> file.expectTasks(1));
            scheduler.submit(new PackBatch(content, Map.of(), Set.copyOf(emptyFiles), budget, 0));
        }
        byPack.forEach((pack, wanted) -> scheduler.submit(
                new PackBatch(content, wanted, filesByPack.get(pack), budget, readBytes(pack))));
        byPack.clear();
        extents.clear();
        filesByPack.clear();
        emptyFiles.clear();
        packsPerFile.clear();
        placements = 0;
    }
}
