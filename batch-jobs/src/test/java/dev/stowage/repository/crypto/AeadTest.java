package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AeadTest {

    private final CryptoProvider provider = CryptoProvider.get();
    private final Aead aead = new Aead(provider.randomBytes(32), provider);
    private final byte[] plaintext = "kube-system/coredns ConfigMap".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedObjectOpensToThePlaintext() {
        byte[] sealed = aead.seal(Purpose.DOCUMENT, null, plaintext);

        assertThat(sealed).hasSize(plaintext.length + Aead.OVERHEAD);
        assertThat(sealed[0]).isEqualTo((byte) Aead.AES_256_GCM);
        assertThat(aead.open(Purpose.DOCUMENT, null, sealed)).isEqualTo(plaintext);
    }

    @Test
    void everySealUsesAFreshNonce() {
        byte[] first = aead.seal(Purpose.DOCUMENT, null, plaintext);
        byte[] second = aead.seal(Purpose.DOCUMENT, null, plaintext);

        assertThat(java.util.Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 1, 13));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anyFlippedByteFailsAuthentication() {
        byte[] sealed = aead.seal(Purpose.DOCUMENT, null, plaintext);
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> aead.open(Purpose.DOCUMENT, null, tampered))
                    .as("flip at %d", i).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void objectSealedForOnePurposeDoesNotOpenAsAnother() {
        byte[] sealed = aead.seal(Purpose.BLOB, new byte[] {1, 2, 3}, plaintext);

        assertThatThrownBy(() -> aead.open(Purpose.INDEX, new byte[] {1, 2, 3}, sealed))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> aead.open(Purpose.BLOB, new byte[] {1, 2, 4}, sealed))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void objectSealedUnderAnotherKeyDoesNotOpen() {
        byte[] sealed = new Aead(provider.randomBytes(32), provider).seal(Purpose.DOCUMENT, null, plaintext);

        assertThatThrownBy(() -> aead.open(Purpose.DOCUMENT, null, sealed))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unknownCipherIdIsRejected() {
        byte[] sealed = aead.seal(Purpose.DOCUMENT, null, plaintext);
        sealed[0] = 2;

        assertThatThrownBy(() -> aead.open(Purpose.DOCUMENT, null, sealed))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown cipher id 2");
    }

    @Test
    void jdkProviderSealsLargeObjectsInSegmentsThatOpenWhole() {
        CryptoProvider jdk = CryptoProvider.jdk();
        byte[] key = provider.randomBytes(32);
        byte[] large = provider.randomBytes(5 * Aead.JDK_SEGMENT + 7);

        byte[] sealed = new Aead(key, jdk).seal(Purpose.BLOB, null, large);

        assertThat(sealed).hasSize(large.length + Aead.OVERHEAD);
        assertThat(new Aead(key, CryptoProvider.corretto().orElse(jdk)).open(Purpose.BLOB, null, sealed)).isEqualTo(large);
    }

    @Test
    void jdkAndNativeProvidersReadEachOthersObjects() {
        CryptoProvider jdk = CryptoProvider.jdk();
        CryptoProvider other = CryptoProvider.corretto().orElse(jdk);
        byte[] key = provider.randomBytes(32);

        byte[] sealedByJdk = new Aead(key, jdk).seal(Purpose.CONFIG, null, plaintext);
        byte[] sealedByOther = new Aead(key, other).seal(Purpose.CONFIG, null, plaintext);

        assertThat(new Aead(key, other).open(Purpose.CONFIG, null, sealedByJdk)).isEqualTo(plaintext);
        assertThat(new Aead(key, jdk).open(Purpose.CONFIG, null, sealedByOther)).isEqualTo(plaintext);
    }
}
