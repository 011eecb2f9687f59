package dev.stowage.repository.restore;

import dev.stowage.repository.DrillRequest;
import dev.stowage.repository.DrillResult;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.snapshot.EntryNames;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.NodeType;
import dev.stowage.repository.snapshot.SnapshotCatalog;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import dev.stowage.repository.content.BlobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A restore drill of one snapshot: the proof that a backup restores, short of restoring all of it.
 * A sample of its files ({@link FileSample}) is restored by the {@link Restorer} into a scratch
 * directory (the restorer verifies every blob it writes against its id), then every restored file is
 * read back from disk and each of its chunks hashed again and compared with the id its tree records,
 * so the drill also catches what went wrong between the repository and the disk. The scratch directory
 * is deleted afterwards, whatever happened.
 */
public final class RestoreDrill {

    private final ContentStore content;
    private final TreeStore trees;
    private final SnapshotCatalog catalog;
    private final RepositoryOptions options;

    public RestoreDrill(ContentStore content, TreeStore trees, SnapshotCatalog catalog, RepositoryOptions options) {
        this.content = content;
        this.trees = trees;
        this.catalog = catalog;
        this.options = options;
    }

    private record SnapshotFile(String path, Node node) {
        FileSample.Candidate candidate() {
            return new FileSample.Candidate(path, node.size());
        }
    }

    public DrillResult drill(DrillRequest request) {
        SnapshotCatalog.Found found = catalog.find(request.snapshotId()).orElseThrow(() -> new RepositoryException(
                "no snapshot " + request.snapshotId() + " in the repository; list snapshots to find its id"));
        List<String> mismatches = new ArrayList<>();
        List<SnapshotFile> files = new ArrayList<>();
        collect(found.manifest().tree(), "", files, mismatches);
        List<SnapshotFile> sample = request.full() ? files
                : FileSample.select(files, SnapshotFile::candidate, request.samplePercent(), request.seed());
        long bytes = files.stream().mapToLong(f -> f.node().size()).sum();
        Path scratch = scratch(request.scratchParent());
        try {
            Set<String> paths = sample.stream().map(SnapshotFile::path).collect(Collectors.toSet());
            RestoreResult restored = new Restorer(content, trees, catalog, options)
                    .restore(new RestoreRequest(found.id(), scratch, paths::contains, request.progress()));
            long verified = 0;
            for (SnapshotFile file : sample) {
                String problem = check(scratch, file, restored.errors());
                if (problem == null) {
                    verified += file.node().size();
                } else {
                    mismatches.add(problem);
                }
            }
            return new DrillResult(found.id(), files.size(), bytes, sample.size(), verified, mismatches);
        } finally {
            ScratchDirectory.delete(scratch);
        }
    }

    /** Every regular file of a tree; a tree that cannot be read is a mismatch of its own. */
    private void collect(BlobId treeId, String prefix, List<SnapshotFile> files, List<String> mismatches) {
        Tree tree;
        try {
            tree = trees.load(treeId);
        } catch (RuntimeException e) {
            mismatches.add("directory " + (prefix.isEmpty() ? "/" : prefix) + ": tree " + treeId.hex() + ": "
                    + RestoreState.describe(e) + "; none of its files can be restored");
            return;
        }
        for (Node node : EntryNames.check(tree).accepted()) {
            String path = prefix.isEmpty() ? node.name() : prefix + "/" + node.name();
            if (node.type() == NodeType.FILE) {
                files.add(new SnapshotFile(path, node));
            } else if (node.type() == NodeType.DIRECTORY) {
                collect(node.subtree(), path, files, mismatches);
            }
        }
    }

    /** Null when the restored file holds what its tree records; else what is wrong, naming file and pack. */
    private String check(Path scratch, SnapshotFile file, List<String> restoreErrors) {
        Path restored = scratch.resolve(file.path());
        if (!Files.isRegularFile(restored, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String marker = " file " + file.path() + ": ";
            return restoreErrors.stream().filter(e -> e.contains(marker))
                    .map(e -> "file " + file.path() + ": " + e.substring(e.indexOf(marker) + marker.length()))
                    .findFirst()
                    .orElse("file " + file.path() + ": not restored, and the restore gave no reason");
        }
        try {
            return new ChunkRehash(content).check(restored, file.path(), file.node());
        } catch (IOException e) {
            return "file " + file.path() + ": unable to read it back from " + restored + ": " + e.getMessage();
        }
    }

    private static Path scratch(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "stowage-drill-");
        } catch (IOException e) {
            throw new UncheckedIOException("unable to make a scratch directory for a restore drill under " + parent
                    + ": " + e.getMessage() + "; give a writable one", e);
        }
    }
}
