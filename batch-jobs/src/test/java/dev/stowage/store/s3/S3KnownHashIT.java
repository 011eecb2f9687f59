package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.testing.FaultInjectingProxy;
import dev.stowage.store.testing.S3ProxyFixture;
import dev.stowage.store.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A put whose payload carries its SHA-256 (a pack) is signed with that hash: the bytes go as they are, and the
 * endpoint checks them against it. Through the whole decorated store of a location, over HTTP and HTTPS.
 */
class S3KnownHashIT {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.forLoopback();

    @RegisterExtension
    static final S3ProxyFixture S3 = S3ProxyFixture.withTls(CERTIFICATE);

    @TempDir
    Path directory;

    private FaultInjectingProxy proxy;
    private String bucket;

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.to(S3.endpoint());
        bucket = S3.createBucket();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private LocationStore openHttp() {
        return S3.factory().open(S3.location("plain", bucket).endpoint(proxy.endpoint()).build());
    }

    private LocationStore openHttps() {
        LocationSpec spec = S3.location("tls", bucket).endpoint(S3.httpsEndpoint()).insecureSkipTlsVerify(true).build();
        return S3.factory().open(spec);
    }

    @Test
    void anUploadWithItsKnownHashIsStoredAndReadable() throws Exception {
        byte[] data = bytes(3 * 1024 * 1024 + 17, 1);
        Path file = Files.write(directory.resolve("pack"), data);

        try (LocationStore store = openHttp()) {
            store.put("data/ab/known", Payload.ofFile(file, data.length).withSha256(sha256(data)));

            assertThat(store.get("data/ab/known")).isEqualTo(data);
        }
    }

    @Test
    void anUploadWithItsKnownHashSendsOnlyItsBytes() throws Exception {
        byte[] data = bytes(1024 * 1024, 2);

        try (LocationStore store = openHttp()) {
            store.put("data/ab/bare", Payload.of(data).withSha256(sha256(data)));
        }

        // the SDK's own way over HTTP frames the body in signed chunks, which adds bytes to every 128 KiB
        assertThat(proxy.requestBodyBytes()).isEqualTo(data.length);
    }

    @Test
    void anUploadWhoseHashDoesNotMatchItsBytesIsRefusedOnceAsCorruptAndLeavesNoObject() throws Exception {
        byte[] data = bytes(256 * 1024, 3);
        byte[] otherHash = sha256(bytes(256 * 1024, 4));

        try (LocationStore store = openHttp()) {
            assertThatThrownBy(() -> store.put("data/ab/damaged", Payload.of(data).withSha256(otherHash)))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT);
                        assertThat(e.retriable()).isFalse();
                        assertThat(e.getMessage()).contains("data/ab/damaged", "XAmzContentSHA256Mismatch",
                                "cannot help");
                    });

            assertThat(store.stat("data/ab/damaged")).isEmpty();
        }
        assertThat(proxy.requestsByOperation()).containsEntry("PutObject", 1L);
        assertThat(S3.keys(bucket)).isEmpty();
    }

    @Test
    void anUploadWithoutAKnownHashStillWorksOverHttp() {
        byte[] data = bytes(512 * 1024, 5);

        try (LocationStore store = openHttp()) {
            store.put("index/unknown", data);

            assertThat(store.get("index/unknown")).isEqualTo(data);
        }
    }

    @Test
    void uploadsWithAndWithoutAKnownHashWorkOverHttps() throws Exception {
        byte[] known = bytes(700 * 1024, 6);
        byte[] unknown = bytes(300 * 1024, 7);

        try (LocationStore store = openHttps()) {
            store.put("data/cd/known", Payload.of(known).withSha256(sha256(known)));
            store.put("index/unknown", unknown);

            assertThat(store.get("data/cd/known")).isEqualTo(known);
            assertThat(store.get("index/unknown")).isEqualTo(unknown);
        }
    }

    @Test
    void aMismatchIsRefusedOverHttpsToo() throws Exception {
        byte[] data = bytes(64 * 1024, 8);

        try (LocationStore store = openHttps()) {
            assertThatThrownBy(() -> store.put("data/cd/damaged", Payload.of(data).withSha256(sha256(new byte[1]))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT));
        }
        assertThat(S3.keys(bucket)).isEmpty();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] sha256(byte[] data) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
