package dev.stowage.store.s3;

import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.PendingUpload;
import dev.stowage.store.StoreException;
import dev.stowage.store.credentials.AccessKeys;
import dev.stowage.store.metering.OperationCounter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An object store in an S3 bucket (MinIO, Backblaze B2, AWS, S3Proxy), under an optional key prefix.
 *
 * <p>S3 gives what {@link ObjectStore} requires: a PutObject or a completed multipart upload replaces
 * an object atomically, and reads after a write see it. Puts above the multipart threshold are split
 * and aborted on failure. A payload is streamed into the request (from its array or its file), never
 * copied whole. Every request is counted by the client's interceptor into the
 * {@link OperationCounter} given at {@link #open}; failures are classified by one
 * {@code S3ErrorClassifier}. The store does not retry: wrap it in a {@code RetryingObjectStore}.
 */
public final class S3ObjectStore implements ObjectStore {

    /**
     * The largest body sent signed with its known hash. A server can check such a body only once it has all
     * of it, and some hold it in memory to do so: S3Proxy refuses more than 128 MiB (its
     * {@code v4-max-non-chunked-request-size}). Larger bodies (a {@code b2} profile pack past its target) go
     * the SDK's way, which a server checks as it receives them.
     */
    static final long SIGNED_BODY_LIMIT = 128L * 1024 * 1024;

    private final String location;
    private final S3Settings settings;
    private final S3Client client;
    private final SdkHttpClient httpClient;
    private final S3ErrorClassifier errors;
    private final MultipartUploader multipart;

    private S3ObjectStore(String location, S3Settings settings, S3Client client, SdkHttpClient httpClient) {
        this.location = location;
        this.settings = settings;
        this.client = client;
        this.httpClient = httpClient;
        this.errors = new S3ErrorClassifier(location, settings);
        this.multipart = new MultipartUploader(client, settings.bucket(), settings.multipart(), errors);
    }

    /** Opens a client for {@code settings}; no request is sent until the first operation. */
    public static S3ObjectStore open(String location, S3Settings settings, AccessKeys keys, OperationCounter counter) {
        S3ClientFactory.Clients clients;
        try {
            clients = S3ClientFactory.create(settings, keys, counter);
        } catch (IllegalArgumentException e) {
            throw new StoreException("open", null, location, StoreException.Reason.MISCONFIGURED, e.getMessage(), e);
        }
        return new S3ObjectStore(location, settings, clients.s3(), clients.http());
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void put(String key, Payload payload) {
        String fullKey = fullKey(key);
        call("put", key, () -> {
            if (payload.length() > settings.multipart().threshold()) {
                multipart.upload(key, fullKey, payload);
            } else {
                putOnce(fullKey, payload, null);
            }
            return null;
        });
    }

    /**
     * A PutObject with {@code If-None-Match: *}: 412 Precondition Failed means an object has the key. Sent
     * as asked, whether or not the endpoint honours it: {@link #canPutIfAbsent()} stays false here, and the
     * location decides from a probe of the endpoint. Only objects that fit one PutObject (documents are
     * small): a multipart upload would need the condition on its completion instead.
     */
    @Override
    public boolean putIfAbsent(String key, Payload payload) {
        if (payload.length() > settings.multipart().threshold()) {
            throw new StoreException("put", key, location, StoreException.Reason.MISCONFIGURED, "a conditional put of "
                    + payload.length() + " bytes is larger than one PutObject (" + settings.multipart().threshold()
                    + " bytes)", null);
        }
        String fullKey = fullKey(key);
        return call("put", key, () -> {
            try {
                putOnce(fullKey, payload, "*");
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** One PutObject of the whole payload; {@code ifNoneMatch} null for an unconditional put. */
    private void putOnce(String fullKey, Payload payload, String ifNoneMatch) {
        try (PayloadStreams body = PayloadStreams.of(payload)) {
            client.putObject(request -> withKnownHash(request.bucket(settings.bucket()).key(fullKey)
                    .contentLength(payload.length()).ifNoneMatch(ifNoneMatch), payload), body.body());
        }
    }

    /**
     * The request carrying the payload's SHA-256, when known, for {@link KnownHashSigner} to sign instead of
     * having the SDK hash the body again (over plain HTTP) or send it unsigned (over HTTPS). Either way the
     * endpoint checks the body against that hash. Bodies past {@link #SIGNED_BODY_LIMIT} keep the SDK's way.
     */
    private static PutObjectRequest.Builder withKnownHash(PutObjectRequest.Builder request, Payload payload) {
        payload.sha256().filter(hash -> payload.length() <= SIGNED_BODY_LIMIT).ifPresent(hash ->
                request.overrideConfiguration(override -> override.putHeader(KnownHashSigner.CONTENT_SHA256, hash)));
        return request;
    }

    @Override
    public byte[] get(String key) {
        String fullKey = fullKey(key);
        return call("get", key, () -> client.getObject(request -> request.bucket(settings.bucket())
                .key(fullKey), EXACT_BYTES));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new StoreException("get", key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid range " + offset + "+" + length, null);
        }
        if (length == 0) {
            if (stat(key).isEmpty()) {
                throw new ObjectNotFoundException("get", key, location, null);
            }
            return new byte[0];
        }
        String fullKey = fullKey(key);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return call("get", key, () -> client.getObject(request -> request.bucket(settings.bucket())
                    .key(fullKey).range(range), EXACT_BYTES));
        } catch (StoreException e) {
            if (e.getCause() instanceof S3Exception s3 && s3.statusCode() == 416) {
                return new byte[0]; // the range starts past the end: the object "ends first"
            }
            throw e;
        }
    }

    /**
     * A ranged GetObject whose body is read straight into {@code into}. The reading runs inside the SDK's
     * call (a failure mid-body is classified like any other, and a retry above reads from the start again),
     * and reads to the end of the stream so that the SDK still checks the body's checksum.
     */
    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        if (offset < 0 || length < 0 || length > into.length) {
            throw new StoreException("get", key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid range " + offset + "+" + length + " into an array of " + into.length, null);
        }
        if (length == 0) {
            if (stat(key).isEmpty()) {
                throw new ObjectNotFoundException("get", key, location, null);
            }
            return 0;
        }
        String fullKey = fullKey(key);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return call("get", key, () -> client.getObject(request -> request.bucket(settings.bucket())
                    .key(fullKey).range(range), into(into, length)));
        } catch (StoreException e) {
            if (e.getCause() instanceof S3Exception s3 && s3.statusCode() == 416) {
                return 0; // the range starts past the end: the object "ends first"
            }
            throw e;
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        String fullKey = fullKey(key);
        try {
            HeadObjectResponse head = call("stat", key, () -> client.headObject(request -> request
                    .bucket(settings.bucket()).key(fullKey)));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.lastModified()));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        String fullPrefix = settings.prefix() + prefix;
        List<ObjectInfo> result = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = call("list", prefix, () -> client.listObjectsV2(request -> request
                    .bucket(settings.bucket()).prefix(fullPrefix).continuationToken(continuation)));
            for (S3Object object : page.contents()) {
                result.add(new ObjectInfo(object.key().substring(settings.prefix().length()), object.size(),
                        object.lastModified()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return result;
    }

    @Override
    public void delete(String key) {
        String fullKey = fullKey(key);
        call("delete", key, () -> client.deleteObject(request -> request.bucket(settings.bucket()).key(fullKey)));
    }

    /** Multipart uploads begun under {@code prefix} and neither completed nor aborted (ListMultipartUploads, class C per page). */
    @Override
    public List<PendingUpload> pendingUploads(String prefix) {
        String fullPrefix = settings.prefix() + prefix;
        List<PendingUpload> result = new ArrayList<>();
        String keyMarker = null;
        String uploadMarker = null;
        boolean more;
        do {
            String keyFrom = keyMarker;
            String uploadFrom = uploadMarker;
            ListMultipartUploadsResponse page = call("list multipart uploads under", prefix, () ->
                    client.listMultipartUploads(request -> request.bucket(settings.bucket()).prefix(fullPrefix)
                            .keyMarker(keyFrom).uploadIdMarker(uploadFrom)));
            for (MultipartUpload upload : page.uploads()) {
                result.add(new PendingUpload(upload.key().substring(settings.prefix().length()), upload.uploadId(),
                        upload.initiated()));
            }
            more = Boolean.TRUE.equals(page.isTruncated());
            keyMarker = page.nextKeyMarker();
            uploadMarker = page.nextUploadIdMarker();
        } while (more && keyMarker != null);
        return result;
    }

    /** AbortMultipartUpload (class A): the upload's parts are discarded. */
    @Override
    public void abortUpload(PendingUpload upload) {
        String fullKey = fullKey(upload.key());
        try {
            call("abort multipart upload of", upload.key(), () -> client.abortMultipartUpload(request -> request
                    .bucket(settings.bucket()).key(fullKey).uploadId(upload.uploadId())));
        } catch (ObjectNotFoundException gone) {
            // completed or aborted meanwhile: nothing left to discard
        }
    }

    /**
     * Checks that the bucket exists and the credentials may use it (one HeadBucket request, class C);
     * throws the classified failure otherwise.
     */
    public void checkBucket() {
        call("reach bucket", null, () -> client.headBucket(request -> request.bucket(settings.bucket())));
    }

    /**
     * The ids of every version and delete marker the bucket keeps for {@code key} (one
     * ListObjectVersions request, class C). After a delete, any id means the bucket keeps deleted
     * objects as hidden versions, as B2 does unless a lifecycle rule removes them.
     */
    public List<String> versionsOf(String key) {
        String fullKey = fullKey(key);
        ListObjectVersionsResponse response = call("list versions of", key, () -> client.listObjectVersions(
                request -> request.bucket(settings.bucket()).prefix(fullKey)));
        List<String> ids = new ArrayList<>();
        response.versions().stream().filter(v -> fullKey.equals(v.key())).forEach(v -> ids.add(v.versionId()));
        response.deleteMarkers().stream().filter(m -> fullKey.equals(m.key())).forEach(m -> ids.add(m.versionId()));
        return ids;
    }

    /** Deletes one version (or delete marker) for good; only the location validator's probe uses it. */
    public void deleteVersion(String key, String versionId) {
        String fullKey = fullKey(key);
        call("delete version of", key, () -> client.deleteObject(request -> request.bucket(settings.bucket())
                .key(fullKey).versionId(versionId)));
    }

    @Override
    public void close() {
        client.close();
        httpClient.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + location + ": " + settings.describe() + ", prefix '" + settings.prefix() + "']";
    }

    private String fullKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/")) {
            throw new StoreException("use", key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid object key", null);
        }
        return settings.prefix() + key;
    }

    /**
     * A body read into an array of the length the response announces. The SDK's {@code toBytes()}
     * grows a buffer by doubling and then copies it: three times a pack's size allocated per read,
     * which a restore's collector paid for (measured in perf/README.md). Reading to the end of the
     * stream lets the SDK check the body's checksum, as before; a failure here is retried like one
     * there, since the SDK runs the transformer inside its retries.
     */
    private static final ResponseTransformer<GetObjectResponse, byte[]> EXACT_BYTES = (response, in) -> {
        Long announced = response.contentLength();
        if (announced == null || announced < 0 || announced > Integer.MAX_VALUE - 16) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) (long) announced];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length || in.read() != -1) {
            throw new IOException("the response body did not hold the " + announced + " bytes it announced");
        }
        return body;
    };

    /**
     * A body read into {@code into}: at most {@code length} bytes, the count the response announces. A body
     * longer than the range, or shorter than it announced, fails (and is retried) like {@code EXACT_BYTES}.
     */
    private static ResponseTransformer<GetObjectResponse, Integer> into(byte[] into, int length) {
        return (response, in) -> {
            Long announced = response.contentLength();
            int expected = announced == null || announced < 0 ? length : (int) Math.min(announced, length + 1L);
            if (expected > length) {
                throw new IOException("the response body announced " + announced + " bytes for a range of " + length);
            }
            int read = in.readNBytes(into, 0, expected);
            if (read < expected && announced != null && announced >= 0) {
                throw new IOException("the response body did not hold the " + announced + " bytes it announced");
            }
            if (in.read() != -1) {
                throw new IOException("the response body held more than the " + read + " bytes expected");
            }
            return read;
        };
    }

    private <T> T call(String operation, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.classify(operation, key, e);
        } catch (java.io.UncheckedIOException e) {
            // the payload's local file could not be read: nothing the endpoint did, and no retry will help
            throw new StoreException(operation, key, location, StoreException.Reason.IO, e.getMessage(), e);
        }
    }
}
