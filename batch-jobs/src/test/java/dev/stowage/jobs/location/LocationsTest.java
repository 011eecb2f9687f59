package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static StowageProperties properties(Map<String, LocationProperties> locations) {
        return new StowageProperties(Path.of("/home/me/.stowage"), "local", null, locations,
                new StowageProperties.Partitions(4), new StowageProperties.ProgressSettings(java.time.Duration.ofSeconds(5)), null, null);
    }

    @Test
    void alwaysHasTheEmbeddedDefaultUnderTheHome() {
        Location local = new Locations(properties(Map.of())).get("local");

        assertThat(local.embeddedDefault()).isTrue();
        assertThat(local.settings().path()).isEqualTo(Path.of("/home/me/.stowage/repository"));
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
    void aLocationWithABucketIsAnS3Location() {
        LocationProperties b2 = new LocationProperties(null, null,
                URI.create("https://s3.us-west-002.backblazeb2.com"), "backups", null, null, null, null, null, null, null, null, null, null,
                Profile.B2, null);

        Location location = new Locations(properties(Map.of("b2", b2))).get("b2");

        assertThat(location.spec().type()).isEqualTo(LocationType.S3);
        assertThat(location.describe()).contains("bucket backups");
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
