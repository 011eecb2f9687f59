package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Blake2bTest {

    @Test
    void hashesAbcToRfc7693sExample() {
        byte[] digest = new Blake2b(64).update("abc".getBytes(StandardCharsets.US_ASCII)).finish();

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6f"
                + "dbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @ParameterizedTest(name = "{0} bytes of input")
    @ValueSource(ints = {0, 1, 4, 72, 127, 128, 129, 255, 256, 257, 1024, 1031})
    void producesBouncyCastlesDigestOfEverySize(int inputBytes) {
        byte[] input = new byte[inputBytes];
        new Random(inputBytes).nextBytes(input);

        for (int digestBytes = 1; digestBytes <= 64; digestBytes++) {
            assertThat(new Blake2b(digestBytes).update(input).finish()).as("%d-byte digest", digestBytes)
                    .isEqualTo(bouncyCastle(input, digestBytes));
        }
    }

    @Test
    void inputFedInPiecesHashesLikeInputFedAtOnce() {
        byte[] input = new byte[600];
        new Random(5).nextBytes(input);

        Blake2b pieces = new Blake2b(64).update(input, 0, 1).update(input, 1, 127).update(input, 128, 129);
        pieces.update(input, 257, 0).update(input, 257, 343);

        assertThat(pieces.finish()).isEqualTo(new Blake2b(64).update(input).finish());
    }

    @Test
    void refusesDigestsLongerThan64Bytes() {
        assertThatThrownBy(() -> new Blake2b(65)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65");
    }

    private static byte[] bouncyCastle(byte[] input, int digestBytes) {
        Blake2bDigest digest = new Blake2bDigest(digestBytes * 8);
        digest.update(input, 0, input.length);
        byte[] out = new byte[digestBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
