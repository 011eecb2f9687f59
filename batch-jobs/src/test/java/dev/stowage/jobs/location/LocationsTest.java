package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.store.location.LocationType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static final Path HOME = Path.of("/home/me/.stowage");

    private static StowageProperties properties(Map<String, LocationProperties> locations) {
        return new StowageProperties(HOME, "local", null, locations, new StowageProperties.Partitions(4),
                new StowageProperties.ProgressSettings(Duration.ofSeconds(5)), null, null);
    }

    private static LocationProperties bucket(String bucket) {
        return new LocationProperties(null, null, URI.create("http://minio.lan:9000"), bucket, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    @Test
    void alwaysHasTheEmbeddedDefaultUnderTheHome() {
        Location local = new Locations(properties(Map.of())).get("local");

        assertThat(local.embeddedDefault()).isTrue();
        assertThat(local.spec().path()).isEqualTo(HOME.resolve("repository"));
    }

    @Test
    void aLocalLocationMovedElsewhereIsNotTheEmbeddedDefault() {
        Locations locations = new Locations(properties(Map.of("local", LocationProperties.atPath(Path.of("/srv/r")))));

        assertThat(locations.get("local").embeddedDefault()).isFalse();
    }

    @Test
    void listsConfiguredLocationsAfterTheDefault() {
        Locations locations = new Locations(properties(Map.of(
                "nas", LocationProperties.atPath(Path.of("/nas")), "b2", LocationProperties.atPath(Path.of("/b")))));

        assertThat(locations.names()).containsExactly("local", "b2", "nas");
    }

    @Test
    void everyLocationCachesUnderTheHomeUnlessItNamesItsOwnDirectory() {
        Locations locations = new Locations(properties(Map.of("nas", bucket("stowage"))));

        assertThat(locations.get("nas").spec().cacheDirectory()).isEqualTo(HOME.resolve("cache/nas"));
        assertThat(locations.get("local").spec().cacheDirectory()).isEqualTo(HOME.resolve("cache/local"));
    }

    @Test
    void aLocationWithABucketIsAnS3Location() {
        Location nas = new Locations(properties(Map.of("nas", bucket("stowage")))).get("nas");

        assertThat(nas.spec().type()).isEqualTo(LocationType.S3);
        assertThat(nas.embeddedDefault()).isFalse();
    }

    @Test
    void anIncompleteLocationIsRefusedWhenUsedSayingWhatToSetWhileOthersStillWork() {
        LocationProperties noBucket = new LocationProperties(LocationType.S3, null, URI.create("http://minio.lan:9000"),
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        Locations locations = new Locations(properties(Map.of("nas", noBucket)));

        assertThatThrownBy(() -> locations.get("nas")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("location nas: an s3 location needs a bucket (set stowage.locations.nas.bucket)");
        assertThat(locations.get("local")).isNotNull();
        assertThat(locations.names()).containsExactly("local", "nas");
        assertThat(locations.invalid()).containsOnlyKeys("nas");
    }

    @Test
    void aLocationThatIsNeitherADirectoryNorABucketNamesWhatToSet() {
        LocationProperties empty = new LocationProperties(null, null, null, null, null, null, null, null, null, 3,
                null, null, null, null, null, null);
        Locations locations = new Locations(properties(Map.of("nas", empty)));

        assertThatThrownBy(() -> locations.get("nas"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("set stowage.locations.nas.path or .bucket");
    }

    @Test
    void anUnknownLocationIsRefusedNamingTheKnownOnes() {
        Locations locations = new Locations(properties(Map.of("nas", LocationProperties.atPath(Path.of("/nas")))));

        assertThatThrownBy(() -> locations.get("s3"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown location 's3': configured locations are local, nas "
                        + "(add one under stowage.locations.s3 in the configuration)");
    }
}
