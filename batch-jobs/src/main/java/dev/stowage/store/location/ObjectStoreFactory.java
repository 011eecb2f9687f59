package dev.stowage.store.location;

import dev.stowage.store.CachingObjectStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectCache;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.RetryPolicy;
import dev.stowage.store.RetryingObjectStore;
import dev.stowage.store.StoreException;
import dev.stowage.store.UploadLimitingObjectStore;
import dev.stowage.store.credentials.CredentialsResolver;
import dev.stowage.store.credentials.ResolvedCredentials;
import dev.stowage.store.metering.CountingObjectStore;
import dev.stowage.store.metering.OperationCounter;
import dev.stowage.store.s3.MultipartSettings;
import dev.stowage.store.s3.S3ObjectStore;
import dev.stowage.store.s3.S3Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Opens a location as a stack of object stores, innermost first:
 * <ol>
 *   <li>the store itself, counted: an S3 store counts the HTTP requests it sends; a local store is
 *       wrapped in a {@link CountingObjectStore} that counts what S3 would have been sent;</li>
 *   <li>{@link RetryingObjectStore}: below the counting, so every attempt is counted;</li>
 *   <li>{@link UploadLimitingObjectStore}: a put holds its slot through its retries;</li>
 *   <li>{@link CachingObjectStore}, when the location has a cache: a hit sends nothing at all.</li>
 * </ol>
 */
public final class ObjectStoreFactory {

    private static final long MIB = 1024L * 1024;

    private final CredentialsResolver credentials;
    private final Path defaultCacheRoot;
    private final RetryPolicy retryPolicy;
    private final MultipartSettings multipart;
    private final UnaryOperator<ObjectStore> backendDecorator;

    /** Credentials from this process's environment, no default cache, default retries and part sizes. */
    public ObjectStoreFactory() {
        this(new CredentialsResolver(), null, RetryPolicy.defaults(), MultipartSettings.defaults());
    }

    /**
     * @param defaultCacheRoot where locations whose profile caches by default keep their cache when they
     *                         name no cache directory; null to cache only where a directory is named
     */
    public ObjectStoreFactory(CredentialsResolver credentials, Path defaultCacheRoot, RetryPolicy retryPolicy,
            MultipartSettings multipart) {
        this(credentials, defaultCacheRoot, retryPolicy, multipart, UnaryOperator.identity());
    }

    private ObjectStoreFactory(CredentialsResolver credentials, Path defaultCacheRoot, RetryPolicy retryPolicy,
            MultipartSettings multipart, UnaryOperator<ObjectStore> backendDecorator) {
        this.credentials = credentials;
        this.defaultCacheRoot = defaultCacheRoot;
        this.retryPolicy = retryPolicy;
        this.multipart = multipart;
        this.backendDecorator = backendDecorator;
    }

    public ObjectStoreFactory withCredentials(CredentialsResolver resolver) {
        return new ObjectStoreFactory(resolver, defaultCacheRoot, retryPolicy, multipart, backendDecorator);
    }

    public ObjectStoreFactory withDefaultCacheRoot(Path root) {
        return new ObjectStoreFactory(credentials, root, retryPolicy, multipart, backendDecorator);
    }

    public ObjectStoreFactory withRetryPolicy(RetryPolicy policy) {
        return new ObjectStoreFactory(credentials, defaultCacheRoot, policy, multipart, backendDecorator);
    }

    public ObjectStoreFactory withMultipart(MultipartSettings settings) {
        return new ObjectStoreFactory(credentials, defaultCacheRoot, retryPolicy, settings, backendDecorator);
    }

    /**
     * Wraps each opened backend (the directory store, the S3 store) before the decorators go around it:
     * for tests that make a backend fail or watch what reaches it. A directory's requests are counted
     * above the wrapper, an S3 store's inside the backend.
     */
    public ObjectStoreFactory withBackendDecorator(UnaryOperator<ObjectStore> decorator) {
        return new ObjectStoreFactory(credentials, defaultCacheRoot, retryPolicy, multipart, decorator);
    }

    /**
     * Opens the full stack for {@code spec}. Bad configuration (credentials that cannot be read, an
     * unreadable CA bundle) fails here, as a permanent {@link StoreException}; nothing is sent yet.
     */
    public LocationStore open(LocationSpec spec) {
        LocationSpec resolved = spec.withDefaults();
        OperationCounter counter = new OperationCounter();
        ObjectStore store = new RetryingObjectStore(counted(resolved, counter), retryPolicy);
        store = new UploadLimitingObjectStore(store, resolved.maxParallelUploads());
        Path cacheDirectory = cacheDirectory(resolved);
        CachingObjectStore cache = null;
        if (cacheDirectory != null) {
            cache = new CachingObjectStore(store, new ObjectCache(cacheDirectory, resolved.cacheLimitMb() * MIB));
            store = cache;
        }
        return new LocationStore(resolved, store, counter, cache, putIfAbsentHonoured(resolved, store));
    }

    /** S3 endpoints are probed (once per opened location, when first asked); other backends answer themselves. */
    private static BooleanSupplier putIfAbsentHonoured(LocationSpec spec, ObjectStore store) {
        return spec.type() == LocationType.S3 ? () -> PutIfAbsentProbe.honoured(store) : store::canPutIfAbsent;
    }

    /**
     * Opens the counted store alone, without retries, limits or cache: what {@link LocationValidator}
     * probes, so that each failure shows at once and as it is.
     */
    public LocationStore openBare(LocationSpec spec) {
        LocationSpec resolved = spec.withDefaults();
        OperationCounter counter = new OperationCounter();
        return new LocationStore(resolved, counted(resolved, counter), counter, null);
    }

    /** The access keys {@code spec} would use, and where they come from (for the validator's messages). */
    ResolvedCredentials resolveCredentials(LocationSpec spec) {
        return credentials.resolve(spec.withDefaults().credentials(), spec.name());
    }

    private ObjectStore counted(LocationSpec spec, OperationCounter counter) {
        return switch (spec.type()) {
            case FILESYSTEM -> new CountingObjectStore(
                    backendDecorator.apply(new LocalFilesystemStore(spec.name(), spec.path())), counter);
            case S3 -> backendDecorator.apply(S3ObjectStore.open(spec.name(), s3Settings(spec),
                    credentials.resolve(spec.credentials(), spec.name()).keys(), counter));
        };
    }

    S3Settings s3Settings(LocationSpec spec) {
        return S3Settings.of(spec.endpoint(), spec.region(), spec.bucket(), spec.prefix())
                .withTls(spec.caBundle(), spec.insecureSkipTlsVerify())
                .withMultipart(multipart);
    }

    /**
     * The location's cache directory: the one it names, else (for S3 locations whose profile caches)
     * one under the default root. Each location gets a subdirectory keyed by where its objects live,
     * so two locations, or a location pointed at another bucket, never share entries.
     */
    private Path cacheDirectory(LocationSpec spec) {
        Path root = spec.cacheDirectory();
        if (root == null && spec.type() == LocationType.S3 && spec.profile().cacheByDefault()) {
            root = defaultCacheRoot;
        }
        return root == null ? null : root.resolve(spec.name() + "-" + identity(spec));
    }

    private static String identity(LocationSpec spec) {
        String where = spec.type() + "|" + spec.endpoint() + "|" + spec.bucket() + "|" + spec.prefix() + "|"
                + spec.path();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(where.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
