package dev.stowage.repository.archive;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.NameOrder;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.NodeType;
import dev.stowage.repository.snapshot.Tree;
import dev.stowage.repository.snapshot.TreeStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Walks a directory tree depth first in name order, in the calling thread, without following
 * symlinks. Each entry gets its attributes from {@code lstat}; files go to the reader stage unless
 * the parent snapshot holds them unchanged, and each directory becomes a {@link DirectoryJob}.
 */
final class DirectoryWalker {
    private final TreeStore trees;
    private final ContentWriter writer;
    private final FileChunkReader reader;
    private final RunState state;
    private final ProgressMeter progress;
    /** whether a blob of the parent snapshot may be referenced again without storing it (see below) */
    private final Predicate<BlobId> reusable;

    /**
     * @param reusable whether the index holds a copy of a blob that writers may deduplicate against: a
     *                 parent snapshot's blob that maintenance condemned (its snapshot was forgotten, a
     *                 stale hint still named it) is stored again rather than referenced
     */
    DirectoryWalker(TreeStore trees, ContentWriter writer, FileChunkReader reader, RunState state,
            ProgressMeter progress, Predicate<BlobId> reusable) {
        this.reusable = reusable;
        this.trees = trees;
        this.writer = writer;
        this.reader = reader;
        this.state = state;
        this.progress = progress;
    }

    /**
     * Walks {@code root}; the future completes with the root tree's id once every file and tree is
     * stored. {@code previous} is the parent snapshot's root tree, or null.
     */
    CompletableFuture<BlobId> walk(Path root, Tree previous, BlobId previousId) throws IOException {
        CompletableFuture<BlobId> result = new CompletableFuture<>();
        List<Listed> listing = list(root);
        DirectoryJob job = new DirectoryJob("", "", null, previous, reusableOrNull(previousId), this::storeTree,
                (dir, id) -> result.complete(id));
        walk(job, listing);
        return result;
    }

    private void walk(DirectoryJob dir, List<Listed> listing) {
        dir.expect(listing.size());
        for (int slot = 0; slot < listing.size(); slot++) {
            state.check();
            Listed entry = listing.get(slot);
            String path = dir.child(entry.name);
            PosixEntry posix;
            try {
                posix = PosixEntry.read(entry.path);
            } catch (IOException e) {
                state.warn(path, FileChunkReader.reason(e));
                dir.complete(slot, null);
                continue;
            }
            switch (posix.kind()) {
                case FILE -> file(dir, slot, entry, posix.attributes());
                case DIRECTORY -> directory(dir, slot, entry, posix.attributes());
                case SYMLINK -> symlink(dir, slot, entry, posix.attributes());
                case OTHER -> {
                    state.warn(path, posix.describeOther() + "; left out");
                    dir.complete(slot, null);
                }
            }
        }
        dir.listed();
    }

    private void file(DirectoryJob dir, int slot, Listed entry, FileAttributes attributes) {
        Node old = dir.previous == null ? null : dir.previous.find(entry.name);
        if (old != null && old.unchangedAs(attributes) && old.content().stream().allMatch(b -> reusable.test(b.id()))) {
            state.files.incrementAndGet();
            state.filesUnchanged.incrementAndGet();
            state.totalBytes.addAndGet(attributes.size());
            progress.addBytes(attributes.size(), dir.child(entry.name));
            progress.fileDone(dir.child(entry.name));
            dir.complete(slot, Node.file(entry.name, attributes, old.content()));
            return;
        }
        reader.read(new FileJob(dir, slot, entry.name, entry.path, attributes, this::fileDone));
    }

    private void fileDone(FileJob job) {
        if (job.error() != null) {
            state.warn(job.path, job.error());
            job.directory.complete(job.slot, null);
            return;
        }
        FileAttributes a = job.attributes;
        if (job.bytesRead() != a.size()) {
            // The file changed while it was read: record what was read. Its mtime differs from the
            // one recorded next time, so the next backup reads it again.
            a = new FileAttributes(a.mode(), a.uid(), a.gid(), a.mtimeNanos(), a.ctimeNanos(), a.inode(),
                    a.device(), job.bytesRead());
        }
        state.files.incrementAndGet();
        state.totalBytes.addAndGet(job.bytesRead());
        progress.fileDone(job.path);
        job.directory.complete(job.slot, Node.file(job.name, a, job.blobs()));
    }

    private void directory(DirectoryJob dir, int slot, Listed entry, FileAttributes attributes) {
        String path = dir.child(entry.name);
        List<Listed> listing;
        try {
            listing = list(entry.path);
        } catch (IOException e) {
            state.warn(path, FileChunkReader.reason(e));
            dir.complete(slot, null);
            return;
        }
        Tree previous = null;
        BlobId previousId = null;
        Node old = dir.previous == null ? null : dir.previous.find(entry.name);
        if (old != null && old.type() == NodeType.DIRECTORY) {
            try {
                previous = trees.load(old.subtree());
                previousId = old.subtree();
            } catch (CorruptDataException e) {
                state.warn(path, "the parent snapshot's tree is unreadable, so every file is read: "
                        + e.getMessage());
            }
        }
        DirectoryJob child = new DirectoryJob(entry.name, path, attributes, previous, reusableOrNull(previousId),
                this::storeTree,
                (done, id) -> {
                    state.directories.incrementAndGet();
                    dir.complete(slot, Node.directory(done.name, done.attributes, id));
                });
        walk(child, listing);
    }

    private void symlink(DirectoryJob dir, int slot, Listed entry, FileAttributes attributes) {
        try {
            String target = Files.readSymbolicLink(entry.path).toString();
            dir.complete(slot, Node.symlink(entry.name, attributes, target));
        } catch (IOException e) {
            state.warn(dir.child(entry.name), FileChunkReader.reason(e));
            dir.complete(slot, null);
        }
    }

    private BlobId storeTree(Tree tree) {
        return trees.save(writer, tree);
    }

    /** The entries of a directory in name order; the paths are kept as listed (exact bytes). */
    private static List<Listed> list(Path directory) throws IOException {
        List<Listed> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                entries.add(new Listed(path.getFileName().toString(), path));
            }
        }
        entries.sort(Comparator.comparing(Listed::name, NameOrder.INSTANCE));
        return entries;
    }

    private record Listed(String name, Path path) {
    }

    /** The parent's tree id when an unchanged directory may reuse it, else null (its tree is stored again). */
    private BlobId reusableOrNull(BlobId previousId) {
        return previousId != null && reusable.test(previousId) ? previousId : null;
    }
}
