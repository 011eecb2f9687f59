package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.Profile;
import dev.stowage.store.testing.FaultInjectingProxy;
import dev.stowage.store.testing.FaultInjectingProxy.Fault;
import dev.stowage.store.testing.S3ProxyFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The B2 profile's bound of 3 uploads in flight holds where it matters: at the server. */
class UploadBoundIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @Test
    void theServerNeverSeesMoreUploadsThanTheBound() throws Exception {
        String bucket = S3.createBucket();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(S3.endpoint())
                // every upload answer is held back a little, so uploads overlap if they can
                .inject(Fault.SLOW_RESPONSE, 1.0, "PutObject", "UploadPart").slowResponseDelay(Duration.ofMillis(50));
                LocationStore store = S3.factory().open(LocationSpec.builder("b2").endpoint(proxy.endpoint())
                        .bucket(bucket).profile(Profile.B2).build())) {
            ExecutorService workers = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> uploads = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String key = "data/" + i;
                    int size = i % 8 == 0 ? 7 * 1024 * 1024 : 64 * 1024; // some go as multipart uploads
                    uploads.add(workers.submit(() -> store.put(key, new byte[size])));
                }
                for (Future<?> upload : uploads) {
                    upload.get();
                }
            } finally {
                workers.shutdownNow();
            }

            assertThat(store.spec().maxParallelUploads()).isEqualTo(3);
            assertThat(proxy.maxConcurrentPuts()).isBetween(1, 3);
            assertThat(S3.keys(bucket)).hasSize(24);
        }
    }
}
