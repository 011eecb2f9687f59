package dev.stowage.repository.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.amazon.corretto.crypto.provider.SelfTestStatus;
import java.security.Provider;

/**
 * The only class that names Amazon Corretto Crypto Provider. Kept apart so that a missing jar (no
 * classifier for this platform) surfaces as a {@link LinkageError} when this class is first touched,
 * which {@link CryptoProvider} catches, instead of breaking the classes that use crypto.
 */
final class CorrettoProbe {

    private CorrettoProbe() {
    }

    /** The provider when its native library loaded and its self-tests pass; otherwise throws why not. */
    static Provider loadHealthy() {
        AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = provider.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException("native library did not load: " + loadingError, loadingError);
        }
        SelfTestStatus status = provider.runSelfTests();
        if (status != SelfTestStatus.PASSED) {
            throw new IllegalStateException("self-tests " + status);
        }
        provider.assertHealthy();
        return provider;
    }

    static String describe(Provider provider) {
        AmazonCorrettoCryptoProvider accp = (AmazonCorrettoCryptoProvider) provider;
        return "AmazonCorrettoCryptoProvider " + accp.getVersionStr() + " (" + accp.getAwsLcVersionStr() + ")";
    }
}
