package dev.stowage.store.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust managers for an endpoint whose certificate is signed by a private CA: the JDK's trusted
 * roots plus every certificate in a PEM bundle, so one setting serves a NAS with its own CA and a
 * public endpoint alike (as Velero's {@code caCert} does).
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * @throws IllegalArgumentException when the bundle cannot be read or holds no certificate
     */
    static TrustManager[] withBundle(Path pemBundle) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate root : systemRoots()) {
                store.setCertificateEntry("system-" + index++, root);
            }
            Collection<? extends Certificate> bundle = readBundle(pemBundle);
            for (Certificate certificate : bundle) {
                store.setCertificateEntry("bundle-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("unable to load the CA bundle " + pemBundle + ": " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> readBundle(Path pemBundle)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the CA bundle " + pemBundle + " holds no PEM certificate");
            }
            return certificates;
        }
    }

    private static X509Certificate[] systemRoots() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
