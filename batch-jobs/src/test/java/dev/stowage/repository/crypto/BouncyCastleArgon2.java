package dev.stowage.repository.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** The test oracle: BouncyCastle's Argon2id, which derived every key made before {@link Argon2id}. */
final class BouncyCastleArgon2 {

    private BouncyCastleArgon2() {
    }

    static byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int tagBytes) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret.length > 0) {
            builder.withSecret(secret);
        }
        if (associatedData.length > 0) {
            builder.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] tag = new byte[tagBytes];
        generator.generateBytes(password, tag);
        return tag;
    }

    /** The key Stowage derived with BouncyCastle before {@link Argon2id}: password as UTF-8, 32 bytes. */
    static byte[] deriveKey(char[] password, KdfParams params) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(params.salt())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[32];
        generator.generateBytes(password, key);
        return key;
    }
}
