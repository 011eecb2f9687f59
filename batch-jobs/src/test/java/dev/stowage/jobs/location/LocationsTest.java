package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static StowageProperties properties(Map<String, LocationProperties> locations) {
        return new StowageProperties(Path.of("/home/me/.stowage"), "local", null, locations,
                new StowageProperties.Partitions(4), new StowageProperties.ProgressSettings(java.time.Duration.ofSeconds(5)));
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
    void anUnknownLocationIsRefusedNamingTheKnownOnes() {
        Locations locations = new Locations(properties(Map.of("nas", LocationProperties.atPath(Path.of("/nas")))));

        assertThatThrownBy(() -> locations.get("s3"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown location 's3': configured locations are local, nas "
                        + "(add one under stowage.locations.s3 in the configuration)");
    }
}
