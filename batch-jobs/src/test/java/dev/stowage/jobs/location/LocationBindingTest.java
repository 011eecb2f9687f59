package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.StowageProperties;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.Profile;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.PriceTable;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code stowage.locations.<name>.*} and {@code stowage.pricing.*} as Spring binds them, from configuration
 * keys and from the environment.
 */
class LocationBindingTest {

    private static StowageProperties bind(Map<String, Object> environment, Map<String, Object> properties) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("config", properties));
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("stowage", StowageProperties.class);
    }

    private static LocationSpec spec(StowageProperties properties, String name) {
        return new Locations(properties).get(name).spec();
    }

    @Test
    void everySettingOfALocationBindsFromTheEnvironment() {
        StowageProperties properties = bind(Map.of(
                "STOWAGE_HOME", "/home/me/.stowage",
                "STOWAGE_LOCATIONS_B2_ENDPOINT", "https://s3.us-west-002.backblazeb2.com",
                "STOWAGE_LOCATIONS_B2_BUCKET", "homelab",
                "STOWAGE_LOCATIONS_B2_PREFIX", "cluster-a/",
                "STOWAGE_LOCATIONS_B2_REGION", "us-west-002",
                "STOWAGE_LOCATIONS_B2_PROFILE", "b2",
                "STOWAGE_LOCATIONS_B2_MAX_PARALLEL_UPLOADS", "2",
                "STOWAGE_LOCATIONS_B2_PACK_SIZE_MB", "32",
                "STOWAGE_LOCATIONS_B2_CACHE_LIMIT_MB", "512",
                "STOWAGE_LOCATIONS_B2_CREDENTIALS_FILE", "/etc/stowage/b2/cloud"), Map.of());

        LocationSpec b2 = spec(properties, "b2");

        assertThat(b2.type()).isEqualTo(LocationType.S3);
        assertThat(b2.endpoint()).isEqualTo(URI.create("https://s3.us-west-002.backblazeb2.com"));
        assertThat(b2.bucket()).isEqualTo("homelab");
        assertThat(b2.prefix()).isEqualTo("cluster-a/");
        assertThat(b2.region()).isEqualTo("us-west-002");
        assertThat(b2.profile()).isEqualTo(Profile.B2);
        assertThat(b2.maxParallelUploads()).isEqualTo(2);
        assertThat(b2.packSizeMb()).isEqualTo(32);
        assertThat(b2.cacheLimitMb()).isEqualTo(512);
        assertThat(b2.credentials().file()).isEqualTo(Path.of("/etc/stowage/b2/cloud"));
        assertThat(b2.cacheDirectory()).isEqualTo(Path.of("/home/me/.stowage/cache/b2"));
    }

    @Test
    void moreSettingsBindFromTheEnvironment() {
        StowageProperties properties = bind(Map.of(
                "STOWAGE_LOCATIONS_NAS_ENDPOINT", "https://truenas.lan:9000",
                "STOWAGE_LOCATIONS_NAS_BUCKET", "stowage",
                "STOWAGE_LOCATIONS_NAS_CA_BUNDLE", "/etc/stowage/nas/ca.pem",
                "STOWAGE_LOCATIONS_NAS_INSECURE_SKIP_TLS_VERIFY", "true",
                "STOWAGE_LOCATIONS_NAS_CACHE_DIRECTORY", "/var/cache/stowage",
                "STOWAGE_LOCATIONS_NAS_VALIDATION_FREQUENCY", "2h",
                "STOWAGE_LOCATIONS_NAS_CREDENTIALS_PROFILE", "nas",
                "STOWAGE_LOCATIONS_NAS_PASSWORD_FILE", "/etc/stowage/nas/password"), Map.of());

        Location nas = new Locations(properties).get("nas");

        assertThat(nas.spec().caBundle()).isEqualTo(Path.of("/etc/stowage/nas/ca.pem"));
        assertThat(nas.spec().insecureSkipTlsVerify()).isTrue();
        assertThat(nas.spec().cacheDirectory()).isEqualTo(Path.of("/var/cache/stowage"));
        assertThat(nas.spec().validationFrequency()).isEqualTo(Duration.ofHours(2));
        assertThat(nas.spec().credentials().profile()).isEqualTo("nas");
        assertThat(nas.passwordFile()).isEqualTo(Path.of("/etc/stowage/nas/password"));
    }

    @Test
    void velerosSpellingsBind() {
        StowageProperties properties = bind(Map.of(), Map.of(
                "stowage.locations.nas.path", "/mnt/backups",
                "stowage.locations.nas.cacheLimitMB", "300",
                "stowage.locations.nas.packSizeMB", "8",
                "stowage.locations.nas.insecureSkipTLSVerify", "true"));

        LocationSpec nas = spec(properties, "nas");

        assertThat(nas.cacheLimitMb()).isEqualTo(300);
        assertThat(nas.packSizeMb()).isEqualTo(8);
        assertThat(nas.insecureSkipTlsVerify()).isTrue();
    }

    @Test
    void aProfileGivesTheDefaultsALocationLeavesUnset() {
        StowageProperties properties = bind(Map.of(
                "STOWAGE_LOCATIONS_MINIO_ENDPOINT", "http://minio.lan:9000",
                "STOWAGE_LOCATIONS_MINIO_BUCKET", "velero",
                "STOWAGE_LOCATIONS_MINIO_PROFILE", "minio",
                "STOWAGE_LOCATIONS_MINIO_PACK_SIZE_MB", "4"), Map.of());

        LocationSpec minio = spec(properties, "minio").withDefaults();

        assertThat(minio.maxParallelUploads()).isEqualTo(Profile.MINIO.maxParallelUploads());
        assertThat(minio.cacheLimitMb()).isEqualTo(Profile.MINIO.cacheLimitMb());
        assertThat(minio.packSizeMb()).isEqualTo(4);
    }

    @Test
    void pricesDefaultToBackblazeB2AndEachCanBeSet() {
        StowageProperties properties = bind(Map.of("STOWAGE_PRICING_CLASS_C_DOLLARS", "0.005"),
                Map.of("stowage.pricing.class-b.free-per-day", "0"));

        PriceTable prices = properties.pricing().toPriceTable();

        assertThat(prices.price(CostClass.C).dollars()).isEqualByComparingTo(new BigDecimal("0.005"));
        assertThat(prices.price(CostClass.C).freePerDay()).isEqualTo(2_500);
        assertThat(prices.price(CostClass.B).freePerDay()).isZero();
        assertThat(prices.price(CostClass.B).perRequests()).isEqualTo(10_000);
        assertThat(bind(Map.of(), Map.of()).pricing().toPriceTable()).isEqualTo(PriceTable.backblazeB2());
    }
}
