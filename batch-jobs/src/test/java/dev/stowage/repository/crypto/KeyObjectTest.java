package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyObjectTest {

    private final CryptoProvider provider = CryptoProvider.get();
    private final MasterKey masterKey = MasterKey.generate(provider);
    private final KdfParams cheap = KdfParams.withRandomSalt(8, 1, 1, provider);
    private final byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rightPasswordRecoversTheMasterKey() {
        byte[] key = KeyObject.create(masterKey, "s3cret".toCharArray(), cheap, Instant.EPOCH, provider);

        MasterKey unlocked = KeyObject.parse(key).unlock("s3cret".toCharArray(), provider).orElseThrow();

        byte[] sealed = masterKey.aead(provider).seal(Purpose.DOCUMENT, null, probe);
        assertThat(unlocked.aead(provider).open(Purpose.DOCUMENT, null, sealed)).isEqualTo(probe);
        assertThat(unlocked.keyedHash(provider).mac(probe, 0, probe.length))
                .isEqualTo(masterKey.keyedHash(provider).mac(probe, 0, probe.length));
    }

    @Test
    void wrongPasswordUnlocksNothing() {
        byte[] key = KeyObject.create(masterKey, "s3cret".toCharArray(), cheap, Instant.EPOCH, provider);

        assertThat(KeyObject.parse(key).unlock("S3cret".toCharArray(), provider)).isEmpty();
    }

    @Test
    void kdfParametersAndSaltAreStoredInTheClearAndRead() {
        KdfParams params = KdfParams.withRandomSalt(64, 2, 2, provider);
        byte[] key = KeyObject.create(masterKey, "pw".toCharArray(), params, Instant.ofEpochSecond(1_700_000_000),
                provider);

        KeyObject parsed = KeyObject.parse(key);

        assertThat(parsed.kdf()).isEqualTo(params);
        assertThat(parsed.created()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    }

    @Test
    void tamperedKdfParameterFailsLikeAWrongPassword() {
        byte[] key = KeyObject.create(masterKey, "pw".toCharArray(), cheap, Instant.EPOCH, provider);
        key[5] ^= 0x10; // low byte of the memory size: 8 KiB becomes 24 KiB, still valid

        assertThat(KeyObject.parse(key).unlock("pw".toCharArray(), provider)).isEmpty();
    }

    @Test
    void argon2idIsDeterministicForAPasswordAndSalt() {
        KdfParams params = new KdfParams(8, 1, 1, new byte[16]);

        assertThat(params.deriveKey("pw".toCharArray())).isEqualTo(params.deriveKey("pw".toCharArray()))
                .isNotEqualTo(params.deriveKey("pW".toCharArray())).hasSize(32);
    }

    @Test
    void absurdKdfParametersAreRefused() {
        assertThatThrownBy(() -> new KdfParams(Integer.MAX_VALUE, 1, 1, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory");
    }
}
