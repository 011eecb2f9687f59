package dev.stowage.store.location;

import dev.stowage.store.metering.OperationCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a location works before a run relies on it, and says for each failure what to fix:
 * reachability, TLS, credentials, bucket, a write/read/delete probe and, for S3, whether deletes leave
 * hidden versions that keep costing storage (B2's default). It sends a handful of requests (one
 * HeadBucket and one ListObjectVersions, class C; one GetObject and one HeadObject, class B) and
 * leaves no object behind. Checks run in order and stop at the first failure their successors need.
 */
public final class LocationValidator {

    public static final String CONFIGURATION = "configuration";
    public static final String REACHABLE = "reachable";
    public static final String TLS = "tls";
    public static final String CREDENTIALS = "credentials";
    public static final String BUCKET = "bucket";
    public static final String DIRECTORY = "directory";
    public static final String PROBE = "write-read-delete";
    public static final String HIDDEN_VERSIONS = "hidden-versions";

    private final ObjectStoreFactory factory;
    private final Duration connectTimeout;

    public LocationValidator(ObjectStoreFactory factory) {
        this(factory, Duration.ofSeconds(5));
    }

    public LocationValidator(ObjectStoreFactory factory, Duration connectTimeout) {
        this.factory = factory;
        this.connectTimeout = connectTimeout;
    }

    public ValidationReport validate(LocationSpec spec) {
        LocationSpec resolved = spec.withDefaults();
        List<CheckResult> checks = new ArrayList<>();
        List<LocationStore> opened = new ArrayList<>();
        try {
            switch (resolved.type()) {
                case FILESYSTEM -> FilesystemLocationChecks.run(resolved, factory, checks, opened);
                case S3 -> new S3LocationChecks(resolved, checks, connectTimeout).run(factory, opened);
            }
        } finally {
            opened.forEach(LocationStore::close);
        }
        OperationCounts counts = OperationCounts.sum(opened.stream().map(LocationStore::counts).toList());
        return new ValidationReport(resolved.describe(), checks, counts);
    }
}
