package dev.stowage.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where AES-GCM, HMAC-SHA256, SHA-256 and random numbers come from: Amazon Corretto Crypto Provider
 * (AWS-LC, about twenty times the JDK's AES-GCM throughput) when its native library loads and passes
 * its self-tests and a cross-check against the JDK, else the JDK's own providers.
 *
 * <p>The choice is made once per process, logged, and exposed through {@link #name()}. It is never
 * installed as a global security provider: only the repository engine uses it, so TLS and everything
 * else in the process keep the JDK defaults. The system property {@code stowage.crypto.provider}
 * ({@code auto}, {@code jdk}, {@code accp}) overrides the choice, for benchmarks and diagnosis.
 */
public final class CryptoProvider {

    public static final String PROPERTY = "stowage.crypto.provider";
    private static final System.Logger LOG = System.getLogger(CryptoProvider.class.getName());

    private final Provider provider;
    private final String name;
    private final ThreadLocal<SecureRandom> random;

    private CryptoProvider(Provider provider, String name) {
        this.provider = provider;
        this.name = name;
        this.random = ThreadLocal.withInitial(this::newSecureRandom);
    }

    private static final class Chosen {
        static final CryptoProvider INSTANCE = choose(System.getProperty(PROPERTY, "auto"));
    }

    /** The provider this process uses, chosen on first use. */
    public static CryptoProvider get() {
        return Chosen.INSTANCE;
    }

    /**
     * Starts choosing the provider on a daemon thread and returns at once: a command that will open a
     * repository calls this first thing, so the choice (a native library loaded from a signed jar and
     * self-tested, a few hundred milliseconds) overlaps its other start-up work.
     */
    public static void chooseInBackground() {
        Thread chooser = new Thread(() -> {
            try {
                get();
            } catch (RuntimeException | LinkageError e) {
                // get() fails the same way again where the provider is needed, with the caller to tell
            }
        }, "stowage-crypto-provider");
        chooser.setDaemon(true);
        chooser.start();
    }

    /** The JDK's providers, whatever was chosen (benchmarks compare against it). */
    public static CryptoProvider jdk() {
        return new CryptoProvider(null, "JDK (" + System.getProperty("java.vendor") + " "
                + System.getProperty("java.version") + ")");
    }

    /** Amazon Corretto Crypto Provider when it is usable here, whatever was chosen. */
    public static Optional<CryptoProvider> corretto() {
        try {
            Provider accp = CorrettoProbe.loadHealthy();
            CryptoProvider candidate = new CryptoProvider(accp, CorrettoProbe.describe(accp));
            crossCheck(candidate, jdk());
            return Optional.of(candidate);
        } catch (RuntimeException | LinkageError | GeneralSecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "Amazon Corretto Crypto Provider unusable", e);
            return Optional.empty();
        }
    }

    static CryptoProvider choose(String preference) {
        CryptoProvider chosen;
        if ("jdk".equalsIgnoreCase(preference)) {
            chosen = jdk();
        } else {
            Optional<CryptoProvider> accp = corretto();
            if (accp.isEmpty() && "accp".equalsIgnoreCase(preference)) {
                throw new IllegalStateException(PROPERTY + "=accp, but Amazon Corretto Crypto Provider does not "
                        + "load or fails its self-tests on this platform; unset the property to fall back to the JDK");
            }
            chosen = accp.orElseGet(CryptoProvider::jdk);
        }
        LOG.log(System.Logger.Level.INFO, "repository crypto provider: {0}", chosen.name);
        return chosen;
    }

    /** Human-readable name and version of the provider in use. */
    public String name() {
        return name;
    }

    /** Whether the native (AWS-LC) provider is in use. */
    public boolean isNative() {
        return provider != null;
    }

    public Cipher aesGcm() {
        try {
            return provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                    : Cipher.getInstance("AES/GCM/NoPadding", provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding unavailable from " + name, e);
        }
    }

    public Mac hmacSha256() {
        try {
            return provider == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable from " + name, e);
        }
    }

    public MessageDigest sha256() {
        try {
            return provider == null ? MessageDigest.getInstance("SHA-256")
                    : MessageDigest.getInstance("SHA-256", provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable from " + name, e);
        }
    }

    /** A cryptographically strong generator owned by the calling thread (no lock shared between threads). */
    public SecureRandom random() {
        return random.get();
    }

    /** {@code length} fresh random bytes. */
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random().nextBytes(bytes);
        return bytes;
    }

    private SecureRandom newSecureRandom() {
        if (provider != null) {
            try {
                return SecureRandom.getInstance("DEFAULT", provider);
            } catch (GeneralSecurityException e) {
                LOG.log(System.Logger.Level.DEBUG, "no DEFAULT SecureRandom in " + name, e);
            }
        }
        return new SecureRandom();
    }

    /** Encrypts with one provider and decrypts with the other: a provider that passes is interoperable. */
    private static void crossCheck(CryptoProvider candidate, CryptoProvider reference)
            throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        GCMParameterSpec nonce = new GCMParameterSpec(128, new byte[12]);
        byte[] plaintext = "stowage provider cross-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Cipher encrypt = candidate.aesGcm();
        encrypt.init(Cipher.ENCRYPT_MODE, key, nonce);
        byte[] sealed = encrypt.doFinal(plaintext);
        Cipher decrypt = reference.aesGcm();
        decrypt.init(Cipher.DECRYPT_MODE, key, nonce);
        if (!Arrays.equals(decrypt.doFinal(sealed), plaintext)) {
            throw new GeneralSecurityException("AES-GCM output differs from the JDK's");
        }
        Mac candidateMac = candidate.hmacSha256();
        Mac referenceMac = reference.hmacSha256();
        candidateMac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        referenceMac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        if (!Arrays.equals(candidateMac.doFinal(plaintext), referenceMac.doFinal(plaintext))) {
            throw new GeneralSecurityException("HMAC-SHA256 output differs from the JDK's");
        }
    }
}
