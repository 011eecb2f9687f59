package dev.stowage.store.location;

import dev.stowage.store.credentials.CredentialsSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One storage location as an operator configures it ({@code stowage.locations.<name>.*}). Fields left
 * null take the {@link Profile}'s default in {@link #withDefaults()}; a set field always wins.
 *
 * @param name                  the location's name ("nas", "b2"); letters, digits, '-', '_', '.'
 * @param type                  filesystem or s3; inferred from {@code path} / {@code bucket} when null
 * @param path                  filesystem: the directory holding the repository
 * @param endpoint              s3: endpoint URL; null for AWS S3
 * @param bucket                s3: bucket name (the bucket must exist)
 * @param prefix                s3: key prefix inside the bucket ("" for the whole bucket)
 * @param region                s3: signing region; taken from a B2 endpoint's host, else us-east-1
 * @param credentials           s3: where the access keys come from
 * @param caBundle              s3: PEM file of extra CA certificates trusted for this endpoint
 * @param insecureSkipTlsVerify s3: accept any certificate (test endpoints only)
 * @param maxParallelUploads    puts in flight per process
 * @param packSizeMb            target pack size for repositories in this location
 * @param cacheDirectory        local cache of immutable metadata objects; null for none
 * @param cacheLimitMb          cache size bound
 * @param validationFrequency   how often the launcher re-validates the location
 * @param profile               minio, b2 or generic defaults
 */
public record LocationSpec(String name, LocationType type, Path path, URI endpoint, String bucket, String prefix,
        String region, CredentialsSpec credentials, Path caBundle, Boolean insecureSkipTlsVerify,
        Integer maxParallelUploads, Integer packSizeMb, Path cacheDirectory, Long cacheLimitMb,
        Duration validationFrequency, Profile profile) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern B2_HOST = Pattern.compile("s3\\.([a-z0-9-]+)\\.backblazeb2\\.com");

    public LocationSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid location name '" + name
                    + "': use letters, digits, '-', '_' or '.'");
        }
        type = type != null ? type : inferType(name, path, bucket, endpoint);
        if (type == LocationType.FILESYSTEM && path == null) {
            throw invalid(name, "a filesystem location needs a path", "path");
        }
        if (type == LocationType.S3 && (bucket == null || bucket.isBlank())) {
            throw invalid(name, "an s3 location needs a bucket", "bucket");
        }
        requirePositive(name, "max-parallel-uploads", maxParallelUploads);
        requirePositive(name, "pack-size-mb", packSizeMb);
        requirePositive(name, "cache-limit-mb", cacheLimitMb);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A filesystem location with every default. */
    public static LocationSpec filesystem(String name, Path path) {
        return builder(name).type(LocationType.FILESYSTEM).path(path).build();
    }

    /** An S3 location with every default. */
    public static LocationSpec s3(String name, URI endpoint, String bucket) {
        return builder(name).type(LocationType.S3).endpoint(endpoint).bucket(bucket).build();
    }

    /** This spec with every unset field filled from its profile (generic when none) and the built-in defaults. */
    public LocationSpec withDefaults() {
        Profile p = profile == null ? Profile.GENERIC : profile;
        return new LocationSpec(name, type, path, endpoint, bucket, prefix == null ? "" : prefix,
                region != null ? region : regionFromEndpoint(endpoint),
                credentials == null ? CredentialsSpec.FROM_ENVIRONMENT : credentials, caBundle,
                insecureSkipTlsVerify != null && insecureSkipTlsVerify,
                maxParallelUploads != null ? maxParallelUploads : p.maxParallelUploads(),
                packSizeMb != null ? packSizeMb : p.packSizeMb(), cacheDirectory,
                cacheLimitMb != null ? cacheLimitMb : p.cacheLimitMb(),
                validationFrequency != null ? validationFrequency : p.validationFrequency(), p);
    }

    /**
     * The property an operator sets for {@code field} (kebab-case, "ca-bundle") of this location, with
     * its environment-variable form, for messages.
     */
    public String settingName(String field) {
        return "stowage.locations." + name + "." + field + " (STOWAGE_LOCATIONS_" + envName(name) + "_"
                + envName(field) + ")";
    }

    /** "b2 (bucket backups at https://…)" or "nas (directory /mnt/backups)", for messages. */
    public String describe() {
        return name + (type == LocationType.FILESYSTEM ? " (directory " + path + ")"
                : " (bucket " + bucket + " at " + (endpoint == null ? "AWS S3" : endpoint) + ")");
    }

    /** B2's S3 endpoints carry their region in the host name, e.g. s3.us-west-002.backblazeb2.com. */
    static String regionFromEndpoint(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return null;
        }
        Matcher matcher = B2_HOST.matcher(endpoint.getHost().toLowerCase(Locale.ROOT));
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static LocationType inferType(String name, Path path, String bucket, URI endpoint) {
        if (path != null) {
            return LocationType.FILESYSTEM;
        }
        if (bucket != null || endpoint != null) {
            return LocationType.S3;
        }
        throw new IllegalArgumentException("location " + name + " has neither a path (a directory) nor a bucket"
                + " (an S3 bucket): set stowage.locations." + name + ".path or .bucket");
    }

    private static void requirePositive(String name, String field, Number value) {
        if (value != null && value.longValue() < 1) {
            throw invalid(name, field + " must be at least 1, was " + value, field);
        }
    }

    private static IllegalArgumentException invalid(String name, String problem, String field) {
        return new IllegalArgumentException("location " + name + ": " + problem + " (set stowage.locations."
                + name + "." + field + ")");
    }

    private static String envName(String text) {
        return text.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Fluent construction; unset fields stay null until {@link #withDefaults()}. */
    public static final class Builder {
        private final String name;
        private LocationType type;
        private Path path;
        private URI endpoint;
        private String bucket;
        private String prefix;
        private String region;
        private CredentialsSpec credentials;
        private Path caBundle;
        private Boolean insecureSkipTlsVerify;
        private Integer maxParallelUploads;
        private Integer packSizeMb;
        private Path cacheDirectory;
        private Long cacheLimitMb;
        private Duration validationFrequency;
        private Profile profile;

        private Builder(String name) {
            this.name = name;
        }

        public Builder type(LocationType value) { this.type = value; return this; }
        public Builder path(Path value) { this.path = value; return this; }
        public Builder endpoint(URI value) { this.endpoint = value; return this; }
        public Builder bucket(String value) { this.bucket = value; return this; }
        public Builder prefix(String value) { this.prefix = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder credentials(CredentialsSpec value) { this.credentials = value; return this; }
        public Builder caBundle(Path value) { this.caBundle = value; return this; }
        public Builder insecureSkipTlsVerify(Boolean value) { this.insecureSkipTlsVerify = value; return this; }
        public Builder maxParallelUploads(Integer value) { this.maxParallelUploads = value; return this; }
        public Builder packSizeMb(Integer value) { this.packSizeMb = value; return this; }
        public Builder cacheDirectory(Path value) { this.cacheDirectory = value; return this; }
        public Builder cacheLimitMb(Long value) { this.cacheLimitMb = value; return this; }
        public Builder validationFrequency(Duration value) { this.validationFrequency = value; return this; }
        public Builder profile(Profile value) { this.profile = value; return this; }

        public LocationSpec build() {
            return new LocationSpec(name, type, path, endpoint, bucket, prefix, region, credentials, caBundle,
                    insecureSkipTlsVerify, maxParallelUploads, packSizeMb, cacheDirectory, cacheLimitMb,
                    validationFrequency, profile);
        }
    }
}
