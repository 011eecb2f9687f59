package dev.stowage.kube.worker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A storage location as a worker receives it in its spec: every setting of {@link LocationSpec} that is
 * not a secret. Secrets (the credentials file, the CA bundle) are files the worker's pod mounts; this
 * names their paths inside the container.
 */
public record WorkerLocation(String name, String type, String path, String endpoint, String bucket, String prefix,
        String region, String profile, String credentialsFile, String credentialsProfile, String caBundle,
        Boolean insecureSkipTlsVerify, Integer maxParallelUploads, Integer packSizeMb, Long cacheLimitMb) {

    /** The worker's view of a location the manager uses; file paths are replaced by the caller when mounted elsewhere. */
    public static WorkerLocation of(LocationSpec spec) {
        CredentialsSpec credentials = spec.credentials();
        return new WorkerLocation(spec.name(), spec.type() == null ? null : spec.type().name().toLowerCase(Locale.ROOT),
                text(spec.path()), spec.endpoint() == null ? null : spec.endpoint().toString(), spec.bucket(),
                spec.prefix(), spec.region(), spec.profile() == null ? null : spec.profile().name().toLowerCase(Locale.ROOT),
                credentials == null ? null : text(credentials.file()), credentials == null ? null : credentials.profile(),
                text(spec.caBundle()), spec.insecureSkipTlsVerify(), spec.maxParallelUploads(), spec.packSizeMb(),
                spec.cacheLimitMb());
    }

    /** The same location with its credentials from this file and profile (both null: the environment). */
    public WorkerLocation withCredentials(String file, String profileName) {
        return new WorkerLocation(name, type, path, endpoint, bucket, prefix, region, profile, file, profileName,
                caBundle, insecureSkipTlsVerify, maxParallelUploads, packSizeMb, cacheLimitMb);
    }

    /** Whether this is a directory (filesystem) location; not a field of the spec's JSON. */
    @JsonIgnore
    public boolean isDirectory() {
        return LocationType.FILESYSTEM.name().equalsIgnoreCase(type);
    }

    /** The location spec the worker opens, its object cache under {@code cacheDirectory} (null for none). */
    public LocationSpec toSpec(Path cacheDirectory) {
        CredentialsSpec credentials = credentialsFile == null && credentialsProfile == null ? null
                : new CredentialsSpec(credentialsFile == null ? null : Path.of(credentialsFile), credentialsProfile);
        return LocationSpec.builder(name)
                .type(type == null ? null : LocationType.valueOf(type.toUpperCase(Locale.ROOT)))
                .path(path == null ? null : Path.of(path))
                .endpoint(endpoint == null ? null : URI.create(endpoint))
                .bucket(bucket).prefix(prefix).region(region)
                .profile(profile == null ? null : Profile.valueOf(profile.toUpperCase(Locale.ROOT)))
                .credentials(credentials)
                .caBundle(caBundle == null ? null : Path.of(caBundle))
                .insecureSkipTlsVerify(insecureSkipTlsVerify)
                .maxParallelUploads(maxParallelUploads).packSizeMb(packSizeMb).cacheLimitMb(cacheLimitMb)
                .cacheDirectory(cacheDirectory)
                .build();
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
