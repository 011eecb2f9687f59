package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.store.Payload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack built in a spool file: the same bytes and name as in memory, and its file gone once released. */
class SpooledPackTest {

    private final CryptoProvider provider = CryptoProvider.get();
    private final MasterKey masterKey = MasterKey.generate(provider);
    private final Aead aead = masterKey.aead(provider);
    private final BlobCodec codec = new BlobCodec(aead, masterKey.keyedHash(provider), new BlobCompressor(3));

    @TempDir
    Path directory;

    private PackSpool spool;

    @BeforeEach
    void openSpool() {
        spool = PackSpool.open(directory, provider).orElseThrow();
    }

    @AfterEach
    void closeSpool() {
        spool.close();
    }

    @Test
    void spoolFileHoldsTheBytesAnInMemoryPackHoldsAndIsNamedByTheSameHash() throws Exception {
        PackOutput spooled = spool.newOutput();
        MemoryPackOutput memory = MemoryPackOutput.ofCapacity(1024);
        PackBuilder builder = new PackBuilder(BlobType.DATA, new Tee(spooled, memory));
        appendBlobs(builder, 6);

        SealedPack sealed = builder.seal(aead, provider);

        byte[] inMemory = memory.payload().toByteArray();
        assertThat(Files.readAllBytes(((Payload.FileRegion) spooled.payload()).file())).isEqualTo(inMemory);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(inMemory);
        assertThat(sealed.key()).isEqualTo(PackKeys.keyOf(BlobType.DATA, hash));
        assertThat(sealed.length()).isEqualTo(inMemory.length);
    }

    @Test
    void aSealedPackCarriesTheHashOfItsBytesThatNamesIt() throws Exception {
        PackBuilder spooled = new PackBuilder(BlobType.DATA, spool.newOutput());
        PackBuilder inMemory = new PackBuilder(BlobType.TREE, MemoryPackOutput.ofCapacity(1024));
        appendBlobs(spooled, 3);
        appendBlobs(inMemory, 2);

        for (SealedPack sealed : List.of(spooled.seal(aead, provider), inMemory.seal(aead, provider))) {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sealed.payload().toByteArray()));
            assertThat(sealed.payload().sha256()).contains(hash);
            assertThat(sealed.key()).endsWith("/" + hash);
        }
    }

    @Test
    void sealedSpooledPackReadsBackThroughThePackReader() {
        PackBuilder builder = new PackBuilder(BlobType.DATA, spool.newOutput());
        List<byte[]> blobs = appendBlobs(builder, 4);

        SealedPack sealed = builder.seal(aead, provider);

        byte[] bytes = sealed.payload().toByteArray();
        List<PackEntry> entries = new PackReader(aead, "local").header(sealed.key(), bytes);
        assertThat(entries).isEqualTo(sealed.entries());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(codec.decode(entries.get(i), bytes, entries.get(i).offset())).isEqualTo(blobs.get(i));
        }
    }

    @Test
    void releasingAPackRemovesItsSpoolFile() {
        PackBuilder builder = new PackBuilder(BlobType.DATA, spool.newOutput());
        appendBlobs(builder, 2);
        Path file = ((Payload.FileRegion) builder.seal(aead, provider).payload()).file();

        builder.release();

        assertThat(file).doesNotExist();
        assertThat(spool.openFiles()).isZero();
    }

    @Test
    void releasingAPackNeverSealedRemovesItsSpoolFile() throws Exception {
        PackBuilder builder = new PackBuilder(BlobType.DATA, spool.newOutput());
        appendBlobs(builder, 2);

        builder.release();

        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".pack"));
        }
    }

    private List<byte[]> appendBlobs(PackBuilder builder, int count) {
        Random random = new Random(11);
        List<byte[]> blobs = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = i % 2 == 0 ? ("row " + i + ";").repeat(20_000).getBytes(StandardCharsets.US_ASCII)
                    : new byte[300_000 + i];
            if (i % 2 == 1) {
                random.nextBytes(blob);
            }
            BlobId id = codec.idOf(blob, 0, blob.length);
            builder.append(id, codec.encode(BlobType.DATA, id, blob, 0, blob.length));
            blobs.add(blob);
        }
        return blobs;
    }

    /** Writes every byte to two outputs, so both hold the same pack (its sealed header included). */
    private record Tee(PackOutput first, PackOutput second) implements PackOutput {
        @Override
        public void write(byte[] bytes, int offset, int length) {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public long size() {
            return first.size();
        }

        @Override
        public byte[] finish(Supplier<MessageDigest> digests) {
            byte[] incremental = first.finish(digests);
            assertThat(second.finish(digests)).isEqualTo(incremental);
            return incremental;
        }

        @Override
        public Payload payload() {
            return first.payload();
        }

        @Override
        public void release() {
            first.release();
            second.release();
        }
    }
}
