package dev.stowage.repository.archive;

import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.repository.snapshot.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A directory whose tree is being assembled. The walker lists it and gives every entry a slot in
 * name order; entries complete in any order from any thread (a file once its last chunk is stored,
 * a subdirectory once its own tree is stored). The thread completing the last slot stores this
 * tree and completes this directory's slot in its parent, so trees are written bottom-up without
 * any thread waiting for another.
 */
final class DirectoryJob {
    final String name;
    final String path;
    final FileAttributes attributes;
    /** This directory's tree in the parent snapshot, or null. */
    final Tree previous;

    private final BlobId previousId;
    private final Function<Tree, BlobId> store;
    private final BiConsumer<DirectoryJob, BlobId> done;
    private final AtomicInteger pending = new AtomicInteger(1);
    private Node[] slots = new Node[0];

    /**
     * @param store stores a tree and returns its id
     * @param done  receives this directory and its tree id once every entry completed
     */
    DirectoryJob(String name, String path, FileAttributes attributes, Tree previous, BlobId previousId,
            Function<Tree, BlobId> store, BiConsumer<DirectoryJob, BlobId> done) {
        this.name = name;
        this.path = path;
        this.attributes = attributes;
        this.previous = previous;
        this.previousId = previousId;
        this.store = store;
        this.done = done;
    }

    /** Called by the walker once, before completing any slot: the directory has {@code count} entries. */
    void expect(int count) {
        slots = new Node[count];
        pending.addAndGet(count);
    }

    /** Completes one slot: the entry, or null when it was skipped. */
    void complete(int slot, Node node) {
        slots[slot] = node;
        release();
    }

    /** The walker has handled every entry (each is completed or will be). */
    void listed() {
        release();
    }

    /** A child path for messages and progress. */
    String child(String childName) {
        return path.isEmpty() ? childName : path + "/" + childName;
    }

    private void release() {
        // The decrement publishes the slot written before it; the last one sees every slot.
        if (pending.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        List<Node> nodes = new ArrayList<>(slots.length);
        for (Node node : slots) {
            if (node != null) {
                nodes.add(node);
            }
        }
        slots = null;
        Tree tree = new Tree(nodes);
        // An unchanged directory gets its old id back without encoding or hashing anything.
        BlobId id = previousId != null && previous != null && previous.equals(tree) ? previousId : store.apply(tree);
        done.accept(this, id);
    }
}
