package dev.stowage.repository.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.pack.PackEntry;
import dev.stowage.repository.pack.PackKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexCodecTest {

    private final Random random = new Random(3);

    @Test
    void indexObjectSurvivesEncodingWithEveryField() {
        IndexObject index = new IndexObject(IndexObject.Kind.FINAL, bytes(16),
                List.of(IndexCodec.keyOf(bytes(32)), IndexCodec.keyOf(bytes(32))),
                List.of(pack(BlobType.DATA, 3), pack(BlobType.TREE, 2)));

        byte[] encoded = IndexCodec.encode(index);

        assertThat(IndexCodec.decode(encoded)).isEqualTo(index);
        assertThat(encoded).hasSize(1 + 1 + 16 + 4 + 64 + 4 + 2 * (1 + 32 + 4) + 5 * 45);
    }

    @Test
    void condemningIndexKeepsItsKindIdAndIsNotDeduplicable() {
        IndexObject index = new IndexObject(IndexObject.Kind.CONDEMNING, bytes(16), List.of(),
                List.of(pack(BlobType.DATA, 2)));

        byte[] encoded = IndexCodec.encode(index);

        assertThat(encoded[1]).isEqualTo((byte) 3);
        assertThat(IndexCodec.decode(encoded)).isEqualTo(index);
        assertThat(IndexObject.Kind.CONDEMNING.deduplicable()).isFalse();
    }

    @Test
    void truncatedIndexIsRejected() {
        byte[] encoded = IndexCodec.encode(new IndexObject(IndexObject.Kind.CHECKPOINT, bytes(16), List.of(),
                List.of(pack(BlobType.DATA, 2))));

        assertThatThrownBy(() -> IndexCodec.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blobOfAnotherTypeThanItsPackIsRefused() {
        IndexedPack mixed = new IndexedPack(PackKeys.keyOf(BlobType.DATA, bytes(32)), BlobType.DATA,
                List.of(new PackEntry(BlobType.TREE, BlobId.of(bytes(32)), Compression.NONE, 0, 40, 11)));

        assertThatThrownBy(() -> IndexCodec.encode(new IndexObject(IndexObject.Kind.FINAL, bytes(16), List.of(),
                List.of(mixed)))).isInstanceOf(IllegalArgumentException.class);
    }

    private IndexedPack pack(BlobType type, int blobs) {
        PackEntry[] entries = new PackEntry[blobs];
        int offset = 0;
        for (int i = 0; i < blobs; i++) {
            entries[i] = new PackEntry(type, BlobId.of(bytes(32)), i % 2 == 0 ? Compression.ZSTD : Compression.NONE,
                    offset, 100 + i, 200 + i);
            offset += 100 + i;
        }
        return new IndexedPack(PackKeys.keyOf(type, bytes(32)), type, List.of(entries));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
