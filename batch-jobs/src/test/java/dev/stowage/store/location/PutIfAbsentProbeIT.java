package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.testing.S3ProxyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Whether a location may claim a key with a conditional put: asked of the endpoint once per machine. */
class PutIfAbsentProbeIT {

    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path cacheRoot;

    private final String bucket = S3.createBucket();

    private LocationSpec s3Location() {
        return S3.location("s3loc", bucket).cacheDirectory(cacheRoot).build();
    }

    @Test
    void anEndpointThatRefusesTheConditionOnceIsTrustedWithIt() {
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
    void theVerdictIsKeptOnThisMachineAndNotAskedAgain() {
        try (LocationStore first = S3.factory().open(s3Location())) {
            first.canPutIfAbsent();
        }

        try (LocationStore second = S3.factory().open(s3Location())) {
            assertThat(second.canPutIfAbsent()).isTrue();
            assertThat(second.counts().get(OperationKind.PUT_OBJECT)).isZero();
        }
    }

    @Test
    void aMachineProbingABucketAnotherMachineProbedSendsOnePut() {
        try (LocationStore first = S3.factory().open(s3Location())) {
            first.canPutIfAbsent();
        }

        LocationSpec elsewhere = S3.location("s3loc", bucket).cacheDirectory(cacheRoot.resolve("other-machine")).build();
        try (LocationStore second = S3.factory().open(elsewhere)) {
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
        assertThat(verdicts()).containsExactly("ignored");
    }

    @Test
    void aLocationWithoutACacheDirectoryDoesNotProbe() {
        try (LocationStore store = S3.factory().open(S3.location("s3loc", bucket).build())) {
            assertThat(store.canPutIfAbsent()).isFalse();
            assertThat(store.counts().get(OperationKind.PUT_OBJECT)).isZero();
        }
    }

    @Test
    void aDirectoryLocationDoesNotClaimConditionalPuts(@TempDir Path repository) {
        try (LocationStore store = S3.factory().open(LocationSpec.filesystem("nas", repository))) {
            assertThat(store.canPutIfAbsent()).isFalse();
        }
    }

    private java.util.List<String> verdicts() {
        try (var files = Files.walk(cacheRoot)) {
            return files.filter(f -> f.getFileName().toString().equals(PutIfAbsentProbe.VERDICT_FILE))
                    .map(f -> {
                        try {
                            return Files.readString(f).strip();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
}
