package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idTest {

    private static final byte[] NONE = new byte[0];

    @Test
    void producesTheArgon2idTestVectorOfRfc9106() {
        // RFC 9106, section 5.3: m = 32 KiB, t = 3, p = 4, with a secret and associated data
        byte[] tag = new byte[32];

        Argon2id.hash(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32, 3, 4, tag);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @ParameterizedTest(name = "p={0} t={1} m={2} KiB, password {3} bytes, salt {4} bytes")
    @MethodSource("parameterSets")
    void producesBouncyCastlesBytes(int parallelism, int iterations, int memoryKiB, int passwordBytes,
            int saltBytes) {
        Random random = new Random(31L * parallelism + 7L * iterations + memoryKiB);
        byte[] password = randomBytes(random, passwordBytes);
        byte[] salt = randomBytes(random, saltBytes);
        byte[] tag = new byte[32];

        Argon2id.hash(password, salt, memoryKiB, iterations, parallelism, tag);

        assertThat(tag).isEqualTo(
                BouncyCastleArgon2.hash(password, salt, NONE, NONE, memoryKiB, iterations, parallelism, 32));
    }

    /**
     * Every lane count 1..8 with 1..4 passes over the smallest memory, memory that is not a multiple of 4
     * blocks per lane, and memory below 8 blocks per lane (raised to it); then segments longer than the
     * 128 addresses one address block holds.
     */
    static Stream<Arguments> parameterSets() {
        List<Arguments> sets = new ArrayList<>();
        for (int p = 1; p <= 8; p++) {
            for (int t = 1; t <= 4; t++) {
                for (int m : new int[] {8 * p, 8 * p + 1, 12 * p + 4 * p - 1, 8 * p + 37, 5 * p}) {
                    sets.add(Arguments.of(p, t, m, (p * 13 + t * 5 + m) % 70, 16 + (p * 7 + m) % 48));
                }
            }
        }
        sets.add(Arguments.of(1, 3, 2000, 12, 32));
        sets.add(Arguments.of(3, 1, 4099, 1, 16));
        sets.add(Arguments.of(4, 2, 1024, 0, 255));
        sets.add(Arguments.of(5, 2, 1283, 200, 8));
        return sets.stream();
    }

    @Test
    void producesBouncyCastlesBytesWithSecretAndAssociatedData() {
        Random random = new Random(9106);
        byte[] password = randomBytes(random, 21);
        byte[] salt = randomBytes(random, 19);
        byte[] secret = randomBytes(random, 40);
        byte[] associatedData = randomBytes(random, 77);
        byte[] tag = new byte[32];

        Argon2id.hash(password, salt, secret, associatedData, 301, 2, 3, tag);

        assertThat(tag).isEqualTo(BouncyCastleArgon2.hash(password, salt, secret, associatedData, 301, 2, 3, 32));
    }

    @ParameterizedTest(name = "tag of {0} bytes")
    @ValueSource(ints = {4, 16, 31, 63, 64, 65, 96, 97, 128, 1000, 1024})
    void producesBouncyCastlesTagsOfEveryLength(int tagBytes) {
        byte[] password = filled(9, 0x70);
        byte[] salt = filled(16, 0x53);
        byte[] tag = new byte[tagBytes];

        Argon2id.hash(password, salt, 16, 1, 2, tag);

        assertThat(tag).isEqualTo(BouncyCastleArgon2.hash(password, salt, NONE, NONE, 16, 1, 2, tagBytes));
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        byte[] password = filled(8, 0x61);
        byte[] salt = filled(16, 0x73);
        byte[] expected = BouncyCastleArgon2.hash(password, salt, NONE, NONE, 259, 2, 8, 32);

        for (int threads = 1; threads <= 8; threads++) {
            byte[] tag = new byte[32];
            Argon2id.hash(password, salt, NONE, NONE, 259, 2, 8, tag, threads);
            assertThat(tag).as("%d threads", threads).isEqualTo(expected);
        }
    }

    @Test
    void lanesOnMoreThreadsThanProcessorsGiveTheSameBytesEveryRun() {
        // more threads than this machine's cores, so the threads interleave differently from run to run
        int threads = Runtime.getRuntime().availableProcessors() * 4;
        byte[] password = filled(8, 0x62);
        byte[] salt = filled(16, 0x74);
        byte[] expected = BouncyCastleArgon2.hash(password, salt, NONE, NONE, 4 * 64, 3, 64, 32);

        for (int run = 0; run < 200; run++) {
            byte[] tag = new byte[32];
            Argon2id.hash(password, salt, NONE, NONE, 4 * 64, 3, 64, tag, threads);
            assertThat(tag).as("run %d", run).isEqualTo(expected);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
