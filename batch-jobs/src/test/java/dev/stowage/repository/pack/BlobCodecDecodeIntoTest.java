package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.compress.Compression;
import dev.stowage.repository.content.BlobId;
import dev.stowage.repository.content.BlobType;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BlobCodec#decodeInto}: one buffer reused for many blobs, each verified before it is returned. */
class BlobCodecDecodeIntoTest {
    private final CryptoProvider provider = CryptoProvider.get();
    private final MasterKey masterKey = MasterKey.generate(provider);
    private final BlobCodec codec = new BlobCodec(masterKey.aead(provider), masterKey.keyedHash(provider),
            new BlobCompressor(3));

    /** A blob stored at {@code offset} of a larger array, as in a pack; returns its entry and the array. */
    private record Stored(PackEntry entry, byte[] bytes) {
    }

    private Stored store(byte[] plain, int offset) {
        BlobId id = codec.idOf(plain, 0, plain.length);
        EncodedBlob encoded = codec.encode(BlobType.DATA, id, plain, 0, plain.length);
        byte[] bytes = new byte[offset + encoded.length() + 7];
        System.arraycopy(encoded.bytes(), 0, bytes, offset, encoded.length());
        return new Stored(new PackEntry(BlobType.DATA, id, encoded.compression(), offset, encoded.length(),
                plain.length), bytes);
    }

    @Test
    void blobsOfEitherCompressionDecodeOneAfterAnotherIntoTheSameBuffer() {
        // given a compressed and an incompressible blob, each at an offset of its stored bytes
        byte[] text = "a line of text\n".repeat(4000).getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[90_000];
        new Random(3).nextBytes(random);
        Stored compressed = store(text, 100);
        Stored plain = store(random, 5);
        assertThat(compressed.entry().compression()).isEqualTo(Compression.ZSTD);
        assertThat(plain.entry().compression()).isEqualTo(Compression.NONE);
        byte[] buffer = new byte[100_000];

        // when both are decoded into one buffer
        int textLength = codec.decodeInto(compressed.entry(), compressed.bytes(), 100, buffer);
        byte[] firstOut = Arrays.copyOf(buffer, textLength);
        int randomLength = codec.decodeInto(plain.entry(), plain.bytes(), 5, buffer);

        // then each call leaves that blob's plaintext at the buffer's start
        assertThat(firstOut).isEqualTo(text);
        assertThat(Arrays.copyOf(buffer, randomLength)).isEqualTo(random);
    }

    @Test
    void aTamperedBlobIsRefusedWhateverTheBufferHolds() {
        // given a stored blob with one byte flipped
        byte[] text = "tampered text\n".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        Stored stored = store(text, 0);
        stored.bytes()[stored.entry().storedLength() / 2] ^= 1;

        // when it is decoded into a buffer, then it does not authenticate
        assertThatThrownBy(() -> codec.decodeInto(stored.entry(), stored.bytes(), 0, new byte[text.length]))
                .isInstanceOf(BlobDecodeException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aBufferShorterThanTheBlobIsRefusedBeforeAnythingIsDecoded() {
        // given a blob and a buffer one byte too short for it
        byte[] text = "short buffer\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        Stored stored = store(text, 0);

        // when it is decoded into that buffer, then the call is refused
        assertThatThrownBy(() -> codec.decodeInto(stored.entry(), stored.bytes(), 0, new byte[text.length - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buffer");
    }
}
