package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.credentials.CredentialsSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocationSpecTest {

    private static final URI B2 = URI.create("https://s3.us-west-002.backblazeb2.com");

    @Test
    void theB2ProfileBoundsUploadsToThreeWithLargePacksAndADailyValidation() {
        LocationSpec spec = LocationSpec.builder("b2").endpoint(B2).bucket("homelab-velero-b2").profile(Profile.B2)
                .build().withDefaults();

        assertThat(spec.maxParallelUploads()).isEqualTo(3);
        assertThat(spec.packSizeMb()).isEqualTo(128);
        assertThat(spec.validationFrequency()).isEqualTo(Duration.ofHours(24));
        assertThat(spec.profile().cacheByDefault()).isTrue();
    }

    @Test
    void theMinioProfileAllowsMoreUploadsInFlight() {
        LocationSpec spec = LocationSpec.builder("nas").endpoint(URI.create("https://truenas.lan:9000"))
                .bucket("velero").profile(Profile.MINIO).build().withDefaults();

        assertThat(spec.maxParallelUploads()).isEqualTo(8);
        assertThat(spec.profile().cacheByDefault()).isFalse();
    }

    @Test
    void aFieldSetInTheLocationOverridesItsProfile() {
        LocationSpec spec = LocationSpec.builder("b2").endpoint(B2).bucket("b").profile(Profile.B2)
                .maxParallelUploads(2).packSizeMb(32).build().withDefaults();

        assertThat(spec.maxParallelUploads()).isEqualTo(2);
        assertThat(spec.packSizeMb()).isEqualTo(32);
        assertThat(spec.cacheLimitMb()).isEqualTo(Profile.B2.cacheLimitMb());
    }

    @Test
    void withoutAProfileTheGenericDefaultsApply() {
        LocationSpec spec = LocationSpec.filesystem("local", Path.of("backups")).withDefaults();

        assertThat(spec.profile()).isEqualTo(Profile.GENERIC);
        assertThat(spec.maxParallelUploads()).isEqualTo(4);
        assertThat(spec.credentials()).isEqualTo(CredentialsSpec.FROM_ENVIRONMENT);
        assertThat(spec.insecureSkipTlsVerify()).isFalse();
    }

    @Test
    void theRegionOfAB2EndpointIsTakenFromItsHostName() {
        assertThat(LocationSpec.s3("b2", B2, "b").withDefaults().region()).isEqualTo("us-west-002");
        assertThat(LocationSpec.s3("nas", URI.create("http://minio:9000"), "b").withDefaults().region()).isNull();
    }

    @Test
    void theTypeFollowsFromPathOrBucket() {
        assertThat(LocationSpec.builder("a").path(Path.of("x")).build().type()).isEqualTo(LocationType.FILESYSTEM);
        assertThat(LocationSpec.builder("b").bucket("x").build().type()).isEqualTo(LocationType.S3);
    }

    @Test
    void anS3LocationWithoutBucketNamesTheSettingToFix() {
        assertThatThrownBy(() -> LocationSpec.builder("b2").type(LocationType.S3).endpoint(B2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("location b2: an s3 location needs a bucket (set stowage.locations.b2.bucket)");
    }

    @Test
    void zeroUploadsInFlightIsRefused() {
        assertThatThrownBy(() -> LocationSpec.builder("b2").bucket("b").maxParallelUploads(0).build())
                .hasMessageContaining("max-parallel-uploads must be at least 1");
    }

    @Test
    void settingNamesGiveTheEnvironmentVariableForm() {
        LocationSpec spec = LocationSpec.s3("b2", B2, "b");

        assertThat(spec.settingName("max-parallel-uploads"))
                .isEqualTo("stowage.locations.b2.max-parallel-uploads (STOWAGE_LOCATIONS_B2_MAX_PARALLEL_UPLOADS)");
    }
}
