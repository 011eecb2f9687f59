package dev.stowage.repository.check;

import dev.stowage.repository.CheckReport;
import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.TreeStore;
import java.util.List;

/** Placeholder until the content layer's enumeration lands (replaced in this branch). */
public final class Checker {
    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;

    public Checker(ContentStore content, TreeStore trees, SnapshotCatalog catalog) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
    }

    public CheckReport check(boolean readData, ProgressListener progress) {
        return new CheckReport(0, 0, 0, readData, List.of("check not yet implemented"));
    }
}
