package dev.stowage.jobs.location;

import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One {@code stowage.locations.<name>} entry as Spring binds it: the fields of a {@link LocationSpec}
 * (the map key is the name) plus the repository's password file, which is the jobs layer's business.
 * Every field binds from the environment the Spring Boot way, for example
 * {@code STOWAGE_LOCATIONS_B2_ENDPOINT}, {@code STOWAGE_LOCATIONS_B2_MAX_PARALLEL_UPLOADS} or
 * {@code STOWAGE_LOCATIONS_B2_CREDENTIALS_FILE}; Velero's spellings ({@code cacheLimitMB},
 * {@code insecureSkipTLSVerify}) bind too. Unset fields take the profile's default.
 *
 * @param passwordFile file holding this location's repository password
 */
public record LocationProperties(LocationType type, Path path, URI endpoint, String bucket, String prefix,
        String region, CredentialsSpec credentials, Path caBundle, Boolean insecureSkipTlsVerify,
        Integer maxParallelUploads, Integer packSizeMb, Path cacheDirectory, Long cacheLimitMb,
        Duration validationFrequency, Profile profile, Path passwordFile) {

    public static LocationProperties atPath(Path path) {
        return new LocationProperties(null, path, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** This entry with another path (the embedded default's, when none is configured). */
    LocationProperties withPath(Path newPath) {
        return new LocationProperties(type, newPath, endpoint, bucket, prefix, region, credentials, caBundle,
                insecureSkipTlsVerify, maxParallelUploads, packSizeMb, cacheDirectory, cacheLimitMb,
                validationFrequency, profile, passwordFile);
    }

    /**
     * The location spec this entry describes, as written (unset fields stay null until
     * {@link LocationSpec#withDefaults()}), with {@code defaultCache} as its cache directory when it names
     * none, so every location keeps a cache. {@link IllegalArgumentException} saying what to set
     * when the entry is incomplete.
     */
    public LocationSpec toSpec(String name, Path defaultCache) {
        return LocationSpec.builder(name).type(type).path(path).endpoint(endpoint).bucket(bucket).prefix(prefix)
                .region(region).credentials(credentials).caBundle(caBundle)
                .insecureSkipTlsVerify(insecureSkipTlsVerify).maxParallelUploads(maxParallelUploads)
                .packSizeMb(packSizeMb).cacheDirectory(cacheDirectory != null ? cacheDirectory : defaultCache)
                .cacheLimitMb(cacheLimitMb).validationFrequency(validationFrequency).profile(profile)
                .build();
    }
}
