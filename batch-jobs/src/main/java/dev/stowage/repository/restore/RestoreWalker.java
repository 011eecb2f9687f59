package dev.stowage.repository.restore;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.snapshot.EntryNames;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Walks a snapshot's trees in the calling thread: refuses unsafe names, makes directories, hands
 * files to the {@link FileScheduler}, and keeps symlinks and directories for the later phases.
 */
final class RestoreWalker {
    private final TreeStore trees;
    private final PosixMetadata metadata;
    private final RestoreState state;
    private final FileScheduler files;
    private final Predicate<String> include;
    private final List<Symlink> symlinks = new ArrayList<>();
    /** Directories made or checked, each after all of its subdirectories. */
    private final List<TargetDirectory> directories = new ArrayList<>();
    private final RestoreWindow window;

    RestoreWalker(ContentStore content, TreeStore trees, PosixMetadata metadata, RestoreState state,
            FileScheduler files, ReadBudget budget, Predicate<String> include) {
        this.trees = trees;
        this.metadata = metadata;
        this.state = state;
        this.files = files;
        this.include = include;
        this.window = new RestoreWindow(content, budget);
    }

    void restoreTree(BlobId treeId, TargetDirectory directory) {
        Tree tree;
        try {
            tree = trees.load(treeId);
        } catch (RuntimeException e) {
            state.error("directory", directory.snapshotPath, "tree " + treeId.hex() + ": " + RestoreState.describe(e)
                    + "; its contents were not restored");
            return;
        }
        EntryNames.Checked checked = EntryNames.check(tree);
        checked.problems().forEach(problem -> state.error("directory", directory.snapshotPath, problem));
        for (Node node : checked.accepted()) {
            String path = directory.snapshotPath.isEmpty() ? node.name() : directory.snapshotPath + "/" + node.name();
            switch (node.type()) {
                case DIRECTORY -> directory(directory, node, path);
                case FILE -> file(directory, node, path);
                case SYMLINK -> symlink(directory, node, path);
            }
        }
    }

    /** Phase 2: every symlink, made under a temporary name and renamed over whatever holds its name. */
    void createSymlinks() {
        for (Symlink link : symlinks) {
            Path temp = link.directory.path.resolve(FileRestore.TEMP_PREFIX
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                Files.createSymbolicLink(temp, Path.of(link.node.linkTarget()));
                metadata.apply(temp, link.node);
                move(temp, link.directory.path.resolve(link.node.name()));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temp);
                state.error("symlink", link.path, "unable to create: " + e.getMessage() + "; not restored");
            }
        }
    }

    /** Phase 3: owner, mode and times of every directory made, children before parents. */
    void finishDirectories() {
        for (TargetDirectory directory : directories) {
            try {
                metadata.apply(directory.path, directory.node);
                state.directories.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                state.error("directory", directory.snapshotPath, "unable to set owner, mode or times: "
                        + e.getMessage());
            }
        }
    }

    private void directory(TargetDirectory parent, Node node, String path) {
        TargetDirectory child = parent.child(node, path);
        if (included(path)) {
            try {
                child.ensure(); // made even when empty
            } catch (IOException e) {
                state.error("directory", path, e.getMessage());
                return;
            }
        }
        restoreTree(node.subtree(), child);
        if (child.ready()) {
            directories.add(child);
        }
    }

    private void file(TargetDirectory directory, Node node, String path) {
        if (!included(path)) {
            return;
        }
        FileRestore restore;
        try {
            restore = new FileRestore(node, path, directory.ensure(), metadata, state);
            restore.checkSize();
        } catch (IOException e) {
            state.error("file", path, e.getMessage() + "; not restored");
            return;
        }
        if (window.add(restore)) {
            flush();
        }
    }

    /** Hands the files planned so far to the scheduler, pack by pack; called when the walk ends, too. */
    void flush() {
        window.submit(files);
    }

    private void symlink(TargetDirectory directory, Node node, String path) {
        if (!included(path)) {
            return;
        }
        try {
            directory.ensure();
            symlinks.add(new Symlink(directory, node, path));
        } catch (IOException e) {
            state.error("symlink", path, e.getMessage() + "; not restored");
        }
    }

    private boolean included(String path) {
        return include == null || include.test(path);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // reported with the error that caused it
        }
    }

    private record Symlink(TargetDirectory directory, Node node, String path) {
    }
}
