package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SHA-256 a payload may carry: kept by the same bytes, dropped by a slice of them. */
class PayloadTest {

    private static final byte[] HASH = hash(0x5a);
    private static final String HEX = "5a".repeat(32);

    @TempDir
    Path directory;

    @Test
    void aPayloadKnowsNoHashUnlessGivenOne() throws Exception {
        Path file = Files.write(directory.resolve("f"), new byte[8]);

        assertThat(Payload.of(new byte[8]).sha256()).isEmpty();
        assertThat(Payload.ofFile(file, 8).sha256()).isEmpty();
    }

    @Test
    void anArrayPayloadCarriesItsHashWithTheSameBytes() {
        byte[] data = {1, 2, 3, 4};

        Payload hashed = Payload.of(data, 1, 2).withSha256(HASH);

        assertThat(hashed.sha256()).contains(HEX);
        assertThat(hashed.toByteArray()).containsExactly(2, 3);
    }

    @Test
    void aFilePayloadCarriesItsHashWithTheSameRegion() throws Exception {
        Path file = Files.write(directory.resolve("f"), new byte[] {1, 2, 3, 4});

        Payload hashed = Payload.ofFile(file, 3).withSha256(HASH);

        assertThat(hashed.sha256()).contains(HEX);
        assertThat(hashed.toByteArray()).containsExactly(1, 2, 3);
        assertThat(hashed).isInstanceOfSatisfying(Payload.FileRegion.class, region -> assertThat(region.file())
                .isEqualTo(file));
    }

    @Test
    void aSliceCarriesNoHashSinceItsBytesAreNotTheWhole() throws Exception {
        Path file = Files.write(directory.resolve("f"), new byte[16]);

        assertThat(Payload.of(new byte[16]).withSha256(HASH).slice(0, 8).sha256()).isEmpty();
        assertThat(Payload.ofFile(file, 16).withSha256(HASH).slice(8, 8).sha256()).isEmpty();
    }

    @Test
    void aDigestThatIsNotASha256IsRefused() {
        assertThatThrownBy(() -> Payload.of(new byte[1]).withSha256(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hash(int value) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) value);
        return hash;
    }
}
