package dev.stowage.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoProviderTest {

    @Test
    void automaticChoiceTakesTheNativeProviderExactlyWhenItIsUsable() {
        boolean nativeUsable = CryptoProvider.corretto().isPresent();

        CryptoProvider chosen = CryptoProvider.choose("auto");

        assertThat(chosen.isNative()).isEqualTo(nativeUsable);
        assertThat(chosen.name()).startsWith(nativeUsable ? "AmazonCorrettoCryptoProvider" : "JDK");
    }

    @Test
    void jdkPreferenceForcesTheFallback() {
        CryptoProvider chosen = CryptoProvider.choose("jdk");

        assertThat(chosen.isNative()).isFalse();
        assertThat(chosen.aesGcm().getProvider().getName()).isNotEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void eachThreadHasItsOwnRandomGenerator() throws InterruptedException {
        CryptoProvider provider = CryptoProvider.get();
        java.security.SecureRandom[] other = new java.security.SecureRandom[1];
        Thread thread = new Thread(() -> other[0] = provider.random());
        thread.start();
        thread.join();

        assertThat(provider.random()).isSameAs(provider.random()).isNotSameAs(other[0]);
    }
}
