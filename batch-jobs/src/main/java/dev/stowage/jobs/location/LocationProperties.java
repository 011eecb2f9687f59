package dev.stowage.jobs.location;

import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One {@code stowage.locations.<name>} entry: the store layer's {@link LocationSpec} fields (see
 * docs/STORE.md) plus the repository's password file. Null fields take the profile's defaults.
 *
 * @param passwordFile file holding this location's repository password
 */
public record LocationProperties(LocationType type, Path path, URI endpoint, String bucket, String prefix,
        String region, CredentialsSpec credentials, Path caBundle, Boolean insecureSkipTlsVerify,
        Integer maxParallelUploads, Integer packSizeMb, Path cacheDirectory, Long cacheLimitMb,
        Duration validationFrequency, Profile profile, Path passwordFile) {

    /** A directory location with every default. */
    public static LocationProperties atPath(Path path) {
        return new LocationProperties(null, path, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The same settings in another directory. */
    LocationProperties withPath(Path newPath) {
        return new LocationProperties(type, newPath, endpoint, bucket, prefix, region, credentials, caBundle,
                insecureSkipTlsVerify, maxParallelUploads, packSizeMb, cacheDirectory, cacheLimitMb,
                validationFrequency, profile, passwordFile);
    }

    /**
     * The store layer's form; {@link IllegalArgumentException} naming the setting to fix when the
     * entry is neither a directory nor a bucket, or a value is out of range.
     */
    public LocationSpec toSpec(String name) {
        return LocationSpec.builder(name).type(type).path(path).endpoint(endpoint).bucket(bucket).prefix(prefix)
                .region(region).credentials(credentials).caBundle(caBundle)
                .insecureSkipTlsVerify(insecureSkipTlsVerify).maxParallelUploads(maxParallelUploads)
                .packSizeMb(packSizeMb).cacheDirectory(cacheDirectory).cacheLimitMb(cacheLimitMb)
                .validationFrequency(validationFrequency).profile(profile).build();
    }
}
