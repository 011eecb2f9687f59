package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.compress.BlobCompressor;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.repository.pack.BlobCodec;
import dev.stowage.repository.pack.PackBuilder;
import dev.stowage.store.Payload;
import org.junit.jupiter.api.Test;

/** Without a spool, data packs are built in arrays that go back to a pool once their upload ends. */
class PackOutputsTest {

    private static final int TARGET = 64 * 1024;

    private final CryptoProvider provider = CryptoProvider.get();
    private final MasterKey key = MasterKey.generate(provider);
    private final Aead aead = key.aead(provider);
    private final BlobCodec codec = new BlobCodec(aead, key.keyedHash(provider), new BlobCompressor(3));

    @Test
    void aReleasedDataPackArrayIsReusedByTheNextDataPack() {
        PackOutputs outputs = new PackOutputs(null, TARGET, 2);
        PackBuilder first = filledPack(outputs);
        byte[] firstArray = ((Payload.Bytes) first.seal(aead, provider).payload()).array();
        first.release();

        PackBuilder second = filledPack(outputs);

        assertThat(((Payload.Bytes) second.seal(aead, provider).payload()).array()).isSameAs(firstArray);
    }

    @Test
    void aPackReleasedTwiceGoesBackToThePoolOnce() {
        PackOutputs outputs = new PackOutputs(null, TARGET, 2);
        PackBuilder pack = filledPack(outputs);
        pack.seal(aead, provider);
        pack.release();
        pack.release();

        PackBuilder a = filledPack(outputs);
        PackBuilder b = filledPack(outputs);

        assertThat(((Payload.Bytes) a.seal(aead, provider).payload()).array())
                .isNotSameAs(((Payload.Bytes) b.seal(aead, provider).payload()).array());
    }

    private PackBuilder filledPack(PackOutputs outputs) {
        PackBuilder builder = outputs.newPack(BlobType.DATA);
        byte[] blob = TestData.random(builder.hashCode(), 10_000);
        BlobId id = codec.idOf(blob, 0, blob.length);
        builder.append(id, codec.encode(BlobType.DATA, id, blob, 0, blob.length));
        return builder;
    }
}
