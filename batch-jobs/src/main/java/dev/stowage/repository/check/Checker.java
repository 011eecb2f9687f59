package dev.stowage.repository.check;

import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.TreeStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a repository. Structural (always): the index against the packs in the store, then every
 * snapshot's manifest, trees and the blobs its files need. With {@code readData}: first every pack
 * is downloaded and every blob verified, so the snapshot walk can name each file a damaged blob
 * breaks. Problems are lines naming the object and, where one needs it, the snapshot path.
 */
public final class Checker {
    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;

    public Checker(ContentStore content, TreeStore trees, SnapshotCatalog catalog) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
    }

    public CheckReport check(boolean readData, ProgressListener listener) {
        List<String> problems = new ArrayList<>();
        content.refreshIndex();
        PackVerification packs = new PackVerification(content, problems);
        packs.compareIndexWithPacks();
        if (readData) {
            ProgressMeter progress = new ProgressMeter(listener, packs.storedPacks(), packs.storedBytes());
            packs.readAll(progress);
            progress.finish();
        }
        ProgressMeter progress = new ProgressMeter(listener, -1, -1);
        long snapshots = new SnapshotVerification(content, trees, catalog, packs, problems).checkAll(progress);
        progress.finish();
        return new CheckReport(snapshots, packs.storedPacks(), content.indexedBlobCount(), readData, problems);
    }
}
