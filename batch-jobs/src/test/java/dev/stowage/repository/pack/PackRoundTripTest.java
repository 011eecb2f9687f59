package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackRoundTripTest {

    private final CryptoProvider provider = CryptoProvider.get();
    private final MasterKey masterKey = MasterKey.generate(provider);
    private final Aead aead = masterKey.aead(provider);
    private final BlobCodec codec = new BlobCodec(aead, masterKey.keyedHash(provider), new BlobCompressor(3));
    private final PackReader reader = new PackReader(aead, "local");
    private final List<byte[]> blobs = new ArrayList<>();
    private SealedPack pack;
    private byte[] packBytes;

    @TempDir
    Path root;

    @BeforeEach
    void buildPack() {
        PackBuilder builder = new PackBuilder(BlobType.DATA, 1024);
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] blob = i % 2 == 0 ? ("line " + i + "\n").repeat(5000).getBytes(StandardCharsets.US_ASCII)
                    : new byte[70_000 + i];
            if (i % 2 == 1) {
                random.nextBytes(blob);
            }
            blobs.add(blob);
            BlobId id = codec.idOf(blob, 0, blob.length);
            builder.append(id, codec.encode(BlobType.DATA, id, blob, 0, blob.length));
        }
        pack = builder.seal(aead, provider);
        packBytes = pack.payload().toByteArray();
    }

    @Test
    void packIsNamedByTheHashOfItsBytesUnderItsTypePrefix() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(packBytes);

        assertThat(pack.key()).isEqualTo(PackKeys.keyOf(BlobType.DATA, hash)).startsWith("data/")
                .matches("data/([0-9a-f]{2})/\\1[0-9a-f]{62}");
        assertThat(PackKeys.isPackKey(pack.key())).isTrue();
    }

    @Test
    void headerAtTheEndListsEveryBlobAndEachDecodesToItsPlaintext() {
        List<PackEntry> entries = reader.header(pack.key(), packBytes);

        assertThat(entries).isEqualTo(pack.entries()).hasSize(5);
        assertThat(entries).extracting(PackEntry::compression)
                .containsExactly(Compression.ZSTD, Compression.NONE, Compression.ZSTD, Compression.NONE,
                        Compression.ZSTD);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(codec.decode(entries.get(i), packBytes, entries.get(i).offset())).isEqualTo(blobs.get(i));
        }
    }

    @Test
    void headerIsReadFromTheStoreByRangedReadsAtTheEnd() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        store.put(pack.key(), packBytes);

        assertThat(reader.readHeader(store, pack.key(), packBytes.length)).isEqualTo(pack.entries());
    }

    @Test
    void soundPackVerifies() {
        PackCheck check = reader.verify(pack.key(), packBytes, codec, provider);

        assertThat(check.problems()).isEmpty();
        assertThat(check.entries()).hasSize(5);
    }

    @Test
    void flippedByteInABlobIsReportedWithThePackAndTheBlob() {
        byte[] damaged = packBytes.clone();
        PackEntry third = pack.entries().get(2);
        damaged[third.offset() + 20] ^= 0x40;

        PackCheck check = reader.verify(pack.key(), damaged, codec, provider);

        assertThat(check.problems()).hasSize(2);
        assertThat(check.problems().get(0)).contains(pack.key(), "hash");
        assertThat(check.problems().get(1)).contains(pack.key(), third.id().hex(), "does not authenticate");
    }

    @Test
    void flippedByteInTheHeaderMakesTheHeaderUnreadableNamingThePack() {
        byte[] damaged = packBytes.clone();
        damaged[damaged.length - 10] ^= 0x01;

        assertThatThrownBy(() -> reader.header(pack.key(), damaged)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(pack.key())
                .satisfies(e -> assertThat(((CorruptDataException) e).objectKey()).isEqualTo(pack.key()));
    }

    @Test
    void truncatedPackIsRejectedNamingThePack() {
        byte[] truncated = java.util.Arrays.copyOf(packBytes, packBytes.length - 1);

        assertThatThrownBy(() -> reader.header(pack.key(), truncated)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(pack.key());
    }

    @Test
    void blobCannotBePassedOffUnderAnotherId() {
        PackEntry first = pack.entries().get(0);
        PackEntry impostor = new PackEntry(first.type(), pack.entries().get(2).id(), first.compression(),
                first.offset(), first.storedLength(), first.plainLength());

        assertThatThrownBy(() -> codec.decode(impostor, packBytes, impostor.offset()))
                .isInstanceOf(BlobDecodeException.class);
    }
}
