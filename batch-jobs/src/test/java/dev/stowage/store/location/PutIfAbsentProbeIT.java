package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Whether a location may claim a key with a conditional put: asked of the endpoint, never assumed. */
class PutIfAbsentProbeIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private final String bucket = S3.createBucket();

    private LocationSpec s3Location() {
        return S3.location("s3loc", bucket).build();
    }

    @Test
    void anEndpointThatRefusesTheConditionIsTrustedWithIt() {
        try (LocationStore store = S3.factory().open(s3Location())) {
            assertThat(store.canPutIfAbsent()).isTrue();
            assertThat(store.putIfAbsent("documents/backups/b1", Payload.of(new byte[] {1}))).isTrue();
            assertThat(store.putIfAbsent("documents/backups/b1", Payload.of(new byte[] {2}))).isFalse();
            assertThat(store.get("documents/backups/b1")).containsExactly(1);
        }
    }

    @Test
    void theProbeWritesOnlyItsOwnKeyOutsideTheRepository() {
        try (LocationStore store = S3.factory().open(s3Location())) {
            store.canPutIfAbsent();
        }

        assertThat(S3.keys(bucket)).containsExactly(PutIfAbsentProbe.KEY);
    }

    @Test
    void aLaterProbeOfTheBucketSendsOnePutAndTheAnswerIsKeptForTheOpenedLocation() {
        try (LocationStore first = S3.factory().open(s3Location())) {
            first.canPutIfAbsent();
        }

        try (LocationStore second = S3.factory().open(s3Location())) {
            assertThat(second.canPutIfAbsent()).isTrue();
            assertThat(second.canPutIfAbsent()).isTrue();
            assertThat(second.counts().get(OperationKind.PUT_OBJECT)).isEqualTo(1);
        }
    }

    @Test
    void anEndpointThatIgnoresTheConditionIsNeverAskedToHonourIt() {
        ObjectStoreFactory ignoring = S3.factory().withBackendDecorator(IgnoresTheCondition::new);

        try (LocationStore store = ignoring.open(s3Location())) {
            assertThat(store.canPutIfAbsent()).isFalse();
            assertThatThrownBy(() -> store.putIfAbsent("documents/backups/b1", Payload.of(new byte[] {1})))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void anEndpointThatRejectsTheConditionIsNotTrustedWithIt() {
        ObjectStoreFactory rejecting = S3.factory().withBackendDecorator(RejectsTheCondition::new);

        try (LocationStore store = rejecting.open(s3Location())) {
            assertThat(store.canPutIfAbsent()).isFalse();
        }
    }

    @Test
    void aDirectoryLocationDoesNotClaimConditionalPuts(@TempDir Path repository) {
        try (LocationStore store = S3.factory().open(LocationSpec.filesystem("nas", repository))) {
            assertThat(store.canPutIfAbsent()).isFalse();
        }
    }

    /** An endpoint that accepts If-None-Match and overwrites anyway, as some S3-compatible servers do. */
    private static final class IgnoresTheCondition extends ForwardingObjectStore {
        IgnoresTheCondition(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public boolean putIfAbsent(String key, Payload payload) {
            put(key, payload);
            return true;
        }
    }

    /** An endpoint that answers 501 Not Implemented to a conditional put. */
    private static final class RejectsTheCondition extends ForwardingObjectStore {
        RejectsTheCondition(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public boolean putIfAbsent(String key, Payload payload) {
            throw new StoreException("put", key, location(), StoreException.Reason.MISCONFIGURED,
                    "501 NotImplemented: the endpoint does not support this request", null);
        }
    }
}
