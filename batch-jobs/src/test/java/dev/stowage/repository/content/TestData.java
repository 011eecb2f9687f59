package dev.stowage.repository.content;

import java.util.Random;

/** Deterministic test content. */
final class TestData {

    private TestData() {
    }

    static byte[] random(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Text-like bytes that zstd shrinks well. */
    static byte[] compressible(long seed, int length) {
        Random random = new Random(seed);
        String[] words = {"pod", "volume", "backup", "namespace", "restore", "chunk", "pack", "index", "\n"};
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.substring(0, length).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
