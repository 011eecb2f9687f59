package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.ProgressListener;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentStores;
import dev.stowage.repository.content.ContentWriter;
import dev.stowage.repository.operation.ProgressMeter;
import dev.stowage.repository.snapshot.BlobRef;
import dev.stowage.repository.snapshot.FileAttributes;
import dev.stowage.repository.snapshot.Node;
import dev.stowage.store.LocalFilesystemStore;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pack tasks run one after the other on one thread read their packs into the same reused buffer: each
 * file must hold exactly its own pack's bytes, whichever pack was read before.
 */
class PackBufferReuseTest {
    private static final char[] PASSWORD = "pw".toCharArray();

    @TempDir
    Path repository;
    @TempDir
    Path target;

    private final RestoreState state = new RestoreState("snapshot", new ProgressMeter(ProgressListener.NONE, 2, 8));

    @Test
    void twoPacksRestoredByOneThreadOneAfterTheOtherEachComeOutRight() throws Exception {
        // given a large pack holding file "a" and a smaller one holding file "b"
        try (ContentStore content = ContentStores.init(new LocalFilesystemStore("local", repository), PASSWORD,
                RepositoryOptions.forTests())) {
            List<byte[]> aChunks = chunks(content, 1, 8);
            List<byte[]> bChunks = chunks(content, 2, 3);
            FileRestore a = file(content, "a", aChunks);
            FileRestore b = file(content, "b", bChunks);

            // when their pack tasks run on this thread, the larger pack first
            task(content, a, aChunks).run();
            task(content, b, bChunks).run();

            // then each file holds its own bytes
            assertThat(state.errors()).isEmpty();
            assertThat(Files.readAllBytes(target.resolve("a"))).isEqualTo(concat(aChunks));
            assertThat(Files.readAllBytes(target.resolve("b"))).isEqualTo(concat(bChunks));
        }
    }

    /** {@code count} random chunks of 30,000 bytes written to one pack of their own. */
    private static List<byte[]> chunks(ContentStore content, long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> chunks = new ArrayList<>();
        try (ContentWriter writer = content.newWriter()) {
            for (int i = 0; i < count; i++) {
                byte[] chunk = new byte[30_000];
                random.nextBytes(chunk);
                writer.put(BlobType.DATA, content.idOf(chunk, 0, chunk.length), chunk, 0, chunk.length);
                chunks.add(chunk);
            }
            writer.finish();
        }
        return chunks;
    }

    private FileRestore file(ContentStore content, String name, List<byte[]> chunks) {
        List<BlobRef> refs = new ArrayList<>();
        for (byte[] chunk : chunks) {
            refs.add(new BlobRef(content.idOf(chunk, 0, chunk.length), chunk.length));
        }
        Node node = Node.file(name, FileAttributes.synthetic(0644, 0, concat(chunks).length), refs);
        FileRestore file = new FileRestore(node, name, target, new PosixMetadata(false), state);
        file.expectTasks(1);
        return file;
    }

    private static PackBatch task(ContentStore content, FileRestore file, List<byte[]> chunks) {
        Map<BlobId, List<PackBatch.Placement>> wanted = new LinkedHashMap<>();
        long offset = 0;
        for (byte[] chunk : chunks) {
            wanted.put(content.idOf(chunk, 0, chunk.length),
                    List.of(new PackBatch.Placement(file, offset, chunk.length)));
            offset += chunk.length;
        }
        return new PackBatch(content, wanted, Set.of(file), new ReadBudget(64L * 1024 * 1024), offset * 2);
    }

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
