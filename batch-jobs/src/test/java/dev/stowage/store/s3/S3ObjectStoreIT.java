package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.ObjectStoreContract;
import dev.stowage.store.Payload;
import dev.stowage.store.PendingUpload;
import dev.stowage.store.credentials.AccessKeys;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.testing.S3ProxyFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The object-store contract against a real S3 server (S3Proxy), plus what only S3 has: prefixes, multipart. */
class S3ObjectStoreIT extends ObjectStoreContract {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private String bucket;
    private OperationCounter counter;

    @Override
    protected ObjectStore newStore() {
        bucket = S3.createBucket();
        counter = new OperationCounter();
        return open("repo/");
    }

    @Override
    protected int largeObjectThreshold() {
        return (int) S3ProxyFixture.smallMultipart().threshold();
    }

    private S3ObjectStore open(String prefix) {
        S3Settings settings = S3Settings.of(S3.endpoint(), null, bucket, prefix)
                .withMultipart(S3ProxyFixture.smallMultipart());
        return S3ObjectStore.open("s3proxy", settings,
                new AccessKeys(S3ProxyFixture.IDENTITY, S3ProxyFixture.CREDENTIAL), counter);
    }

    @Test
    void aConditionalPutOfAFreeKeyWritesTheObject() {
        boolean written = store.putIfAbsent("documents/backups/b1", Payload.of(new byte[] {1, 2, 3}));

        assertThat(written).isTrue();
        assertThat(store.get("documents/backups/b1")).containsExactly(1, 2, 3);
    }

    @Test
    void aConditionalPutOfATakenKeyLeavesTheObjectAsItWas() {
        store.put("documents/backups/b1", new byte[] {1, 2, 3});

        boolean written = store.putIfAbsent("documents/backups/b1", Payload.of(new byte[] {9}));

        assertThat(written).isFalse();
        assertThat(store.get("documents/backups/b1")).containsExactly(1, 2, 3);
    }

    @Test
    void keysLiveUnderThePrefixAndAreListedWithoutIt() {
        store.put("index/one", new byte[3]);

        assertThat(S3.keys(bucket)).containsExactly("repo/index/one");
        assertThat(store.list("index/")).extracting(ObjectInfo::key).containsExactly("index/one");
    }

    @Test
    void storesWithOtherPrefixesInOneBucketDoNotSeeEachOther() {
        try (S3ObjectStore other = open("other")) {
            other.put("index/one", new byte[3]);

            assertThat(store.list("")).isEmpty();
            assertThat(other.list("")).extracting(ObjectInfo::key).containsExactly("index/one");
        }
    }

    @Test
    void largeObjectGoesAsMultipartUploadAndLeavesNoUploadOpen() {
        byte[] data = randomBytes(12 * 1024 * 1024, 11);

        store.put("data/large", data);

        assertThat(counter.snapshot().get(OperationKind.CREATE_MULTIPART_UPLOAD)).isEqualTo(1);
        assertThat(counter.snapshot().get(OperationKind.UPLOAD_PART)).isEqualTo(3);
        assertThat(counter.snapshot().get(OperationKind.COMPLETE_MULTIPART_UPLOAD)).isEqualTo(1);
        assertThat(counter.snapshot().get(OperationKind.PUT_OBJECT)).isZero();
        assertThat(S3.multipartUploadsInProgress(bucket)).isZero();
        assertThat(store.get("data/large")).isEqualTo(data);
    }

    @Test
    void objectAtTheThresholdGoesAsOnePut() {
        store.put("data/pack", new byte[(int) S3ProxyFixture.smallMultipart().threshold()]);

        assertThat(counter.snapshot().get(OperationKind.PUT_OBJECT)).isEqualTo(1);
        assertThat(counter.snapshot().get(OperationKind.CREATE_MULTIPART_UPLOAD)).isZero();
    }

    @Test
    void aMultipartUploadLeftOpenIsListedUnderItsKeyAndAbortingItLeavesNoUploadOpen() {
        S3.leaveMultipartUploadOpen(bucket, "repo/data/ab/abandoned");

        List<PendingUpload> pending = store.pendingUploads("data/");
        assertThat(pending).singleElement().satisfies(upload -> {
            assertThat(upload.key()).isEqualTo("data/ab/abandoned");
            assertThat(upload.initiated()).isNotNull();
        });
        store.abortUpload(pending.get(0));

        assertThat(S3.multipartUploadsInProgress(bucket)).isZero();
        assertThat(store.pendingUploads("")).isEmpty();
        assertThat(counter.snapshot().get(OperationKind.LIST_MULTIPART_UPLOADS)).isEqualTo(2);
        assertThat(counter.snapshot().get(OperationKind.ABORT_MULTIPART_UPLOAD)).isEqualTo(1);
    }
}
