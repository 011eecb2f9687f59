package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.OperationCounts;
import dev.stowage.store.testing.FaultInjectingProxy;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the client counts is what the server received, request for request, list pages and parts included. */
class OperationCountsIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path cache;

    private FaultInjectingProxy proxy;
    private String bucket;

    @BeforeEach
    void setUp() {
        proxy = FaultInjectingProxy.to(S3.endpoint());
        bucket = S3.createBucket();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private LocationSpec.Builder location() {
        return LocationSpec.builder("b2").endpoint(proxy.endpoint()).bucket(bucket);
    }

    @Test
    void theClientCountsEveryRequestTheServerReceives() {
        for (int i = 0; i < 1050; i++) {
            S3.putDirect(bucket, String.format("data/%04d", i), new byte[1]);
        }
        OperationCounts counts;
        try (LocationStore store = S3.factory().open(location().build())) {
            store.put("index/a", new byte[100]);
            store.put("data/large", new byte[12 * 1024 * 1024]);
            store.get("index/a");
            store.getRange("data/large", 0, 10);
            store.stat("index/a");
            store.stat("index/missing");
            store.list("data/");
            store.delete("index/a");
            counts = store.counts();
        }

        assertThat(counts.toMap()).isEqualTo(proxy.requestsByOperation());
        assertThat(counts.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("PutObject", 1L,
                "CreateMultipartUpload", 1L, "UploadPart", 3L, "CompleteMultipartUpload", 1L, "DeleteObject", 1L,
                "GetObject", 2L, "HeadObject", 2L, "ListObjectsV2", 2L));
        assertThat(counts.byClass()).containsExactly(Map.entry(CostClass.A, 7L), Map.entry(CostClass.B, 4L),
                Map.entry(CostClass.C, 2L));
    }

    @Test
    void aWarmCacheDownloadsNothingItAlreadyHolds() {
        try (LocationStore firstRun = S3.factory().open(location().cacheDirectory(cache).build())) {
            firstRun.put("index/a", new byte[] {1});
            firstRun.put("tree/t", new byte[] {2});
            firstRun.put("data/pack", new byte[] {3});
        }
        proxy.resetStatistics();

        try (LocationStore secondRun = S3.factory().open(location().cacheDirectory(cache).build())) {
            assertThat(secondRun.get("index/a")).containsExactly(1);
            assertThat(secondRun.get("tree/t")).containsExactly(2);
            assertThat(secondRun.get("data/pack")).containsExactly(3);

            assertThat(proxy.requestsByOperation()).isEqualTo(Map.of("GetObject", 1L));
            assertThat(secondRun.counts().toMap()).isEqualTo(Map.of("GetObject", 1L));
        }
    }
}
