package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.content.BlobBufferSink;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackBatchTest {
    @TempDir
    Path temp;

    private final RestoreState state = new RestoreState("snapshot", new ProgressMeter(ProgressListener.NONE, 2, 8));

    /**
     * A content store whose {@code readBlobs} hands each blob's bytes (already verified, as the real
     * store does) through one reused buffer, calling {@code between} before each blob after the first.
     */
    @SuppressWarnings("unchecked")
    private static ContentStore deliveringInOrder(Map<BlobId, byte[]> blobs, Runnable between) {
        return (ContentStore) Proxy.newProxyInstance(ContentStore.class.getClassLoader(),
                new Class<?>[] {ContentStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("readBlobs")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    BlobBufferSink sink = (BlobBufferSink) args[1];
                    byte[] buffer = new byte[64];
                    boolean first = true;
                    for (BlobId id : (Collection<BlobId>) args[0]) {
                        if (!first) {
                            between.run();
                        }
                        first = false;
                        byte[] plain = blobs.get(id);
                        System.arraycopy(plain, 0, buffer, 0, plain.length);
                        sink.accept(id, buffer, plain.length);
                    }
                    return null;
                });
    }

    private static BlobId id(int seed) {
        byte[] bytes = new byte[BlobId.LENGTH];
        bytes[0] = (byte) seed;
        return BlobId.of(bytes);
    }

    @Test
    void aFileGetsItsNameAsSoonAsItsLastChunkInThePackIsWrittenNotWhenThePackIsDone() throws Exception {
        // given a pack holding the only chunk of file "a" and then the only chunk of file "b"
        Map<BlobId, byte[]> blobs = new LinkedHashMap<>();
        blobs.put(id(1), new byte[] {1, 2, 3, 4});
        blobs.put(id(2), new byte[] {5, 6, 7, 8});
        Map<BlobId, List<PackBatch.Placement>> wanted = new LinkedHashMap<>();
        Set<FileRestore> files = new LinkedHashSet<>();
        char name = 'a';
        for (BlobId id : blobs.keySet()) {
            Node node = Node.file(String.valueOf(name++), FileAttributes.synthetic(0644, 0, 4),
                    List.of(new BlobRef(id, 4)));
            FileRestore file = new FileRestore(node, node.name(), temp, new PosixMetadata(false), state);
            file.expectTasks(1);
            files.add(file);
            wanted.put(id, List.of(new PackBatch.Placement(file, 0, 4)));
        }
        List<Boolean> aInPlaceBeforeB = new ArrayList<>();
        ContentStore content = deliveringInOrder(blobs, () -> aInPlaceBeforeB.add(Files.exists(temp.resolve("a"))));

        // when the pack's task runs
        new PackBatch(content, wanted, files, new ReadBudget(1024 * 1024), 64).run();

        // then "a" had its name before "b"'s chunk arrived, and both files hold their bytes
        assertThat(aInPlaceBeforeB).containsExactly(true);
        assertThat(Files.readAllBytes(temp.resolve("a"))).containsExactly(1, 2, 3, 4);
        assertThat(Files.readAllBytes(temp.resolve("b"))).containsExactly(5, 6, 7, 8);
        assertThat(state.errors()).isEmpty();
    }
}
