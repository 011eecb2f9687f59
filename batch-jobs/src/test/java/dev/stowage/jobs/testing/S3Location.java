package dev.stowage.jobs.testing;

import dev.stowage.store.ObjectStore;
import dev.stowage.store.testing.FaultInjectingProxy;
import dev.stowage.store.testing.S3ProxyFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An S3 location named {@value #NAME} for job tests: a fresh bucket on S3Proxy, reached through a
 * {@link FaultInjectingProxy} that counts every request at the server's side (and fails some, when
 * asked), with a Velero-style credentials file and a password file. Each {@link #start} is one process
 * of the launcher on a STOWAGE_HOME: the same home again has a warm cache, a new one a cold cache.
 */
public final class S3Location implements AutoCloseable {

    public static final String NAME = "s3loc";

    private final S3ProxyFixture s3;
    private final FaultInjectingProxy proxy;
    private final String bucket;
    private final Path credentials;
    private final Path password;
    private final Map<String, String> extra;

    private S3Location(S3ProxyFixture s3, Path directory, Map<String, String> extra) {
        this.s3 = s3;
        this.bucket = s3.createBucket();
        this.proxy = FaultInjectingProxy.to(s3.endpoint());
        this.extra = Map.copyOf(extra);
        try {
            Files.createDirectories(directory);
            this.credentials = s3.writeCredentialsFile(directory.resolve("cloud"), S3ProxyFixture.CREDENTIAL);
            this.password = Files.writeString(directory.resolve("password"), "correct horse battery staple\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param extra more settings of the location, by their name under {@code stowage.locations.s3loc.}
     *              ({@code max-parallel-uploads}, {@code profile}, ...); an empty value leaves a setting out
     */
    public static S3Location on(S3ProxyFixture s3, Path directory, Map<String, String> extra) {
        return new S3Location(s3, directory, extra);
    }

    public static S3Location on(S3ProxyFixture s3, Path directory) {
        return on(s3, directory, Map.of());
    }

    /** A process on {@code home}: H2 JobRepository there, the location configured, quick retries. */
    public JobsContext start(Path home) {
        return start(home, UnaryOperator.identity());
    }

    /** The same, with {@code backend} wrapped around the S3 store (to observe or alter what it is asked). */
    public JobsContext start(Path home, UnaryOperator<ObjectStore> backend) {
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(home));
        String prefix = "stowage.locations." + NAME + ".";
        properties.put(prefix + "endpoint", proxy.endpoint().toString());
        properties.put(prefix + "bucket", bucket);
        properties.put(prefix + "credentials.file", credentials.toString());
        properties.put(prefix + "password-file", password.toString());
        extra.forEach((key, value) -> {
            if (value.isEmpty()) {
                properties.remove(prefix + key);
            } else {
                properties.put(prefix + key, value);
            }
        });
        // S3Proxy's factory: quick retries, so injected faults cost milliseconds
        return JobsContext.start(properties, Map.of("objectStoreFactory", s3.factory().withBackendDecorator(backend)));
    }

    public FaultInjectingProxy proxy() {
        return proxy;
    }

    public String bucket() {
        return bucket;
    }

    public Path passwordFile() {
        return password;
    }

    public Path credentialsFile() {
        return credentials;
    }

    @Override
    public void close() {
        proxy.close();
    }
}
