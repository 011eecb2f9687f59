package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.RetryingObjectStore;
import dev.stowage.store.credentials.AccessKeys;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.ObjectStoreFactory;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.testing.FaultInjectingProxy;
import dev.stowage.store.testing.FaultInjectingProxy.Fault;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling, resets and stalls between the client and the server: every operation still succeeds,
 * through the retrying store, and a large upload that failed halfway leaves no parts behind.
 */
class S3FaultToleranceIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

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

    private LocationStore open(ObjectStoreFactory factory) {
        return factory.open(LocationSpec.builder("flaky").endpoint(proxy.endpoint()).bucket(bucket).build());
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Puts, reads, lists and deletes 20 objects; asserts every result. */
    private void roundTrip(LocationStore store) {
        for (int i = 0; i < 20; i++) {
            store.put("data/" + i, bytes(20_000 + i, i));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(store.get("data/" + i)).isEqualTo(bytes(20_000 + i, i));
            assertThat(store.stat("data/" + i)).hasValueSatisfying(info -> assertThat(info.size()).isPositive());
        }
        assertThat(store.list("data/")).extracting(ObjectInfo::key).hasSize(20);
        for (int i = 0; i < 20; i++) {
            store.delete("data/" + i);
        }
        assertThat(store.list("data/")).isEmpty();
    }

    @Test
    void slowDownAnswersAreRiddenOut() {
        proxy.inject(Fault.SLOW_DOWN, 0.3);

        try (LocationStore store = open(S3.factory())) {
            roundTrip(store);

            assertThat(proxy.faultsInjected(Fault.SLOW_DOWN)).isPositive();
            assertThat(store.counts().total()).isEqualTo(proxy.requestsByOperation().values().stream()
                    .mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void connectionsResetInTheMiddleOfABodyAreRiddenOut() {
        proxy.inject(Fault.RESET_MID_BODY, 0.2);

        try (LocationStore store = open(S3.factory())) {
            roundTrip(store);
        }

        assertThat(proxy.faultsInjected(Fault.RESET_MID_BODY)).isPositive();
    }

    @Test
    void filePutsResetMidBodyAreSentAgainWholeFromTheFile(@TempDir Path files) throws Exception {
        proxy.inject(Fault.RESET_MID_BODY, 0.4, "PutObject");

        try (LocationStore store = open(S3.factory())) {
            for (int i = 0; i < 8; i++) {
                byte[] data = bytes(300_000 + i, 50 + i);
                Path file = Files.write(files.resolve("pack-" + i), data);

                store.put("data/file-" + i, Payload.ofFile(file, data.length));

                assertThat(store.get("data/file-" + i)).isEqualTo(data);
            }
        }

        assertThat(proxy.faultsInjected(Fault.RESET_MID_BODY)).isPositive();
    }

    @Test
    void responsesHeldPastTheSocketTimeoutAreRetried() {
        proxy.inject(Fault.SLOW_RESPONSE, 0.2).slowResponseDelay(Duration.ofMillis(1500));
        // the factory's clients wait 60 s for an answer; this one gives up after 1 s, so held answers time out
        S3Settings impatient = S3Settings.of(proxy.endpoint(), null, bucket, "")
                .withSocketTimeout(Duration.ofSeconds(1));

        try (ObjectStore store = new RetryingObjectStore(S3ObjectStore.open("flaky", impatient,
                new AccessKeys(S3ProxyFixture.IDENTITY, S3ProxyFixture.CREDENTIAL), new OperationCounter()),
                S3ProxyFixture.quickRetries())) {
            for (int i = 0; i < 10; i++) {
                store.put("data/" + i, bytes(1000, i));
            }
            for (int i = 0; i < 10; i++) {
                assertThat(store.get("data/" + i)).isEqualTo(bytes(1000, i));
            }
        }

        assertThat(proxy.faultsInjected(Fault.SLOW_RESPONSE)).isPositive();
    }

    @Test
    void aMultipartUploadThatFailsHalfwayIsAbortedAndRetriedWhole() {
        proxy.inject(Fault.SLOW_DOWN, 0.5, "UploadPart", "CompleteMultipartUpload");
        byte[] large = bytes(16 * 1024 * 1024, 99);

        try (LocationStore store = open(S3.factory())) {
            store.put("data/large", large);

            assertThat(store.get("data/large")).isEqualTo(large);
            assertThat(store.counts().get(OperationKind.ABORT_MULTIPART_UPLOAD)).isPositive();
        }

        assertThat(S3.multipartUploadsInProgress(bucket)).isZero();
    }
}
