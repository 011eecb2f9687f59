package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KdfParamsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3cret", "", "Grüße, Jürgen", "пароль 密码 🔑", "a much longer passphrase of several "
        + "words that runs past one BLAKE2b block of 128 bytes, so that hashing it takes two compressions."})
    void derivesTheKeyBouncyCastleDerivedForTheSamePassword(String password) {
        KdfParams params = new KdfParams(96, 2, 3, salt(password.length()));

        assertThat(params.deriveKey(password.toCharArray()))
                .isEqualTo(BouncyCastleArgon2.deriveKey(password.toCharArray(), params));
    }

    @Test
    void derivesTheKeyBouncyCastleDerivedAtTheDefaults() {
        RepositoryOptions defaults = RepositoryOptions.defaults();
        KdfParams params = new KdfParams(defaults.kdfMemoryKiB(), defaults.kdfIterations(), defaults.kdfParallelism(),
                salt(1));

        assertThat(params.deriveKey("pw".toCharArray())).isEqualTo(BouncyCastleArgon2.deriveKey("pw".toCharArray(),
                params));
    }

    @Test
    void derivesTheKeyBouncyCastleDerivesAtRfc9106sSecondRecommendedOption() {
        // 64 MiB, 3 passes, 4 lanes: filled by several threads wherever there are several cores
        KdfParams params = new KdfParams(64 * 1024, 3, 4, salt(2));

        assertThat(params.deriveKey("pw".toCharArray())).isEqualTo(BouncyCastleArgon2.deriveKey("pw".toCharArray(),
                params));
    }

    @Test
    void refusesLessThanEightKiBPerLane() {
        assertThatThrownBy(() -> new KdfParams(31, 1, 4, salt(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory");
    }

    @Test
    void refusesMoreThan64Lanes() {
        assertThatThrownBy(() -> new KdfParams(8 * 65, 1, 65, salt(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }

    @Test
    void refusesMoreThan64Passes() {
        assertThatThrownBy(() -> new KdfParams(8, 65, 1, salt(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void refusesASaltShorterThan16Bytes() {
        assertThatThrownBy(() -> new KdfParams(8, 1, 1, new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salt");
    }

    private static byte[] salt(int seed) {
        byte[] salt = new byte[KdfParams.SALT_BYTES];
        new Random(seed).nextBytes(salt);
        return salt;
    }
}
