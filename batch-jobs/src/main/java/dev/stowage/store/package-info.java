/**
 * The object-store layer: named, immutable-once-written byte objects in a directory or an S3 bucket,
 * and everything between the repository engine and the wire.
 *
 * <p>{@link dev.stowage.store.ObjectStore} is the seam: five verbs (put, get with range, stat, list by
 * prefix, delete), atomic puts, read-after-write, and one failure type,
 * {@link dev.stowage.store.StoreException}, whose {@link dev.stowage.store.StoreException.Reason} is the
 * single retriable-or-permanent decision. A put's bytes are a {@link dev.stowage.store.Payload}: part of
 * an array or part of a local file (a pack spooled to disk), read as often as retries need and never
 * copied whole into the heap. Two stores implement it:
 * {@link dev.stowage.store.LocalFilesystemStore} and {@link dev.stowage.store.s3.S3ObjectStore}.
 *
 * <p>Cross-cutting concerns are decorators, each small and tested alone, stacked by
 * {@link dev.stowage.store.location.ObjectStoreFactory} in this order, innermost first:
 * <ol>
 *   <li>counting: the S3 client counts every HTTP request it sends (list pages and multipart parts
 *       included) into an {@link dev.stowage.store.metering.OperationCounter}; a local store is wrapped
 *       in a {@link dev.stowage.store.metering.CountingObjectStore} that counts what S3 would be sent;</li>
 *   <li>{@link dev.stowage.store.RetryingObjectStore}: exponential backoff with full jitter, bounded in
 *       attempts and time, for retriable failures only; the S3 client's own retries are off;</li>
 *   <li>{@link dev.stowage.store.UploadLimitingObjectStore}: at most {@code maxParallelUploads} puts in
 *       flight, a slot held through the put's retries;</li>
 *   <li>{@link dev.stowage.store.CachingObjectStore}: a local, size-bounded, LRU directory cache of the
 *       immutable metadata objects (indexes, tree packs, keys, snapshot manifests), shared safely between
 *       processes.</li>
 * </ol>
 *
 * <p>A run reads its requests as one immutable {@link dev.stowage.store.metering.OperationCounts}, by S3
 * operation and by Backblaze B2 transaction class (A uploads and deletes, B downloads, C listings),
 * adds partitions' counts together and prices them with a
 * {@link dev.stowage.store.metering.PriceTable}.
 *
 * <p>Locations ({@link dev.stowage.store.location.LocationSpec}) carry an operator's settings, with
 * {@link dev.stowage.store.location.Profile} defaults for MinIO and B2; credentials come from the
 * environment, an AWS profile or a Velero-style credentials file
 * ({@link dev.stowage.store.credentials}); {@link dev.stowage.store.location.LocationValidator} checks a
 * location end to end and says what to fix. {@code docs/STORE.md} is the operator's guide.
 *
 * <p>{@link dev.stowage.store.RetryingObjectStore} does not retry a request that could not connect to
 * an endpoint that has never answered: a wrong address fails at once, an outage later is retried.
 *
 * <p>Nothing here imports Spring, the Kubernetes client or the repository engine.
 */
package dev.stowage.store;
