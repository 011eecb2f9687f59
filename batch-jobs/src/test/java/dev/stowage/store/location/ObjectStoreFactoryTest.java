package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.ForwardingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.RetryPolicy;
import dev.stowage.store.RetryingObjectStore;
import dev.stowage.store.StoreException;
import dev.stowage.store.UploadLimitingObjectStore;
import dev.stowage.store.credentials.CredentialsResolver;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationKind;
import dev.stowage.store.s3.MultipartSettings;
import dev.stowage.store.s3.S3ObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreFactoryTest {

    @TempDir
    Path directory;
    @TempDir
    Path cacheRoot;

    private final ObjectStoreFactory factory = new ObjectStoreFactory(
            new CredentialsResolver(Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret"), Path.of("")),
            null, RetryPolicy.defaults(), MultipartSettings.defaults());

    private static List<Class<?>> layers(ObjectStore top) {
        List<Class<?>> layers = new ArrayList<>();
        for (ObjectStore store = top; ; store = ((ForwardingObjectStore) store).delegate()) {
            layers.add(store.getClass());
            if (!(store instanceof ForwardingObjectStore)) {
                return layers;
            }
        }
    }

    @Test
    void aLocalLocationIsCountedInnermostThenRetriedThenLimitedThenCached() {
        LocationSpec spec = LocationSpec.builder("local").path(directory).cacheDirectory(cacheRoot).build();

        try (LocationStore store = factory.open(spec)) {
            assertThat(layers(store)).containsExactly(LocationStore.class, CachingObjectStore.class,
                    UploadLimitingObjectStore.class, RetryingObjectStore.class, CountingObjectStore.class,
                    LocalFilesystemStore.class);
        }
    }

    @Test
    void anS3LocationCountsInsideTheClientSoHasNoCountingLayer() {
        LocationSpec spec = LocationSpec.s3("nas", URI.create("http://127.0.0.1:9"), "bucket");

        try (LocationStore store = factory.open(spec)) {
            assertThat(layers(store)).containsExactly(LocationStore.class, UploadLimitingObjectStore.class,
                    RetryingObjectStore.class, S3ObjectStore.class);
        }
    }

    @Test
    void aB2LocationIsCachedUnderTheDefaultRootWhenItNamesNoDirectory() {
        LocationSpec spec = LocationSpec.builder("b2").endpoint(URI.create("https://s3.us-west-002.backblazeb2.com"))
                .bucket("offsite").profile(Profile.B2).build();

        try (LocationStore store = factory.withDefaultCacheRoot(cacheRoot).open(spec)) {
            assertThat(store.cache()).hasValueSatisfying(cache ->
                    assertThat(cache.cache().directory().getParent()).isEqualTo(cacheRoot));
            assertThat(store.cache().get().cache().directory().getFileName().toString()).startsWith("b2-");
        }
    }

    @Test
    void theUploadBoundComesFromTheProfile() {
        LocationSpec spec = LocationSpec.builder("b2").endpoint(URI.create("http://127.0.0.1:9")).bucket("offsite")
                .profile(Profile.B2).build();

        try (LocationStore store = factory.open(spec)) {
            UploadLimitingObjectStore limiter = (UploadLimitingObjectStore) store.delegate();
            assertThat(limiter.maxParallelUploads()).isEqualTo(3);
        }
    }

    @Test
    void countsCoverEveryRequestOfTheLocation() {
        try (LocationStore store = factory.open(LocationSpec.filesystem("local", directory))) {
            store.put("index/a", new byte[1]);
            store.get("index/a");
            store.list("index/");

            assertThat(store.counts().get(OperationKind.PUT_OBJECT)).isEqualTo(1);
            assertThat(store.counts().get(OperationKind.GET_OBJECT)).isEqualTo(1);
            assertThat(store.counts().get(OperationKind.LIST_OBJECTS_V2)).isEqualTo(1);
        }
    }

    @Test
    void twoLocationsInOneCacheRootNeverShareEntries() {
        LocationSpec first = LocationSpec.builder("a").path(directory.resolve("a")).cacheDirectory(cacheRoot).build();
        LocationSpec second = LocationSpec.builder("a").path(directory.resolve("b")).cacheDirectory(cacheRoot).build();

        try (LocationStore one = factory.open(first); LocationStore two = factory.open(second)) {
            one.put("keys/k", new byte[] {1});
            two.put("keys/k", new byte[] {2});

            assertThat(one.get("keys/k")).containsExactly(1);
            assertThat(two.get("keys/k")).containsExactly(2);
        }
    }

    @Test
    void missingCredentialsFailWhenOpeningNotAtTheFirstRequest() {
        ObjectStoreFactory noCredentials = factory.withCredentials(new CredentialsResolver(Map.of(), directory));
        LocationSpec spec = LocationSpec.builder("b2").bucket("offsite")
                .credentials(CredentialsSpec.file(directory.resolve("cloud"))).build();

        assertThatThrownBy(() -> noCredentials.open(spec)).isInstanceOf(StoreException.class)
                .hasMessageContaining("location b2").hasMessageContaining("is the Secret mounted?");
    }

    @Test
    void anUnreadableCaBundleFailsWhenOpeningNamingTheFile() {
        Path bundle = directory.resolve("ca.pem");
        LocationSpec spec = LocationSpec.builder("nas").endpoint(URI.create("https://127.0.0.1:9")).bucket("b")
                .caBundle(bundle).build();

        assertThatThrownBy(() -> factory.open(spec)).isInstanceOf(StoreException.class)
                .hasMessageContaining("location nas").hasMessageContaining("CA bundle " + bundle)
                .satisfies(e -> assertThat(((StoreException) e).retriable()).isFalse());
    }
}
