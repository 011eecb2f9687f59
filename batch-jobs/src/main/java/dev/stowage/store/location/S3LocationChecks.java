package dev.stowage.store.location;

import dev.stowage.store.PermissionDeniedException;
import dev.stowage.store.StoreException;
import dev.stowage.store.credentials.ResolvedCredentials;
import dev.stowage.store.s3.BucketNotFoundException;
import dev.stowage.store.s3.S3ObjectStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Checks of an S3 location, each depending on the one before: configuration, reachable, TLS,
 * credentials, bucket, the write/read/delete probe, then whether deletes leave hidden versions.
 */
final class S3LocationChecks {

    private final LocationSpec spec;
    private final List<CheckResult> checks;
    private final Duration connectTimeout;

    S3LocationChecks(LocationSpec spec, List<CheckResult> checks, Duration connectTimeout) {
        this.spec = spec;
        this.checks = checks;
        this.connectTimeout = connectTimeout;
    }

    void run(ObjectStoreFactory factory, List<LocationStore> opened) {
        ResolvedCredentials credentials;
        LocationStore store;
        try {
            credentials = factory.resolveCredentials(spec);
        } catch (StoreException e) {
            failed(LocationValidator.CONFIGURATION, e.detail(), "set " + spec.settingName("credentials.file")
                    + " to a Velero-style credentials file, or " + spec.settingName("credentials.profile")
                    + ", or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            return;
        }
        try {
            store = factory.openBare(spec);
        } catch (StoreException e) {
            failed(LocationValidator.CONFIGURATION, e.detail(), "correct " + spec.settingName("ca-bundle"));
            return;
        }
        opened.add(store);
        checks.add(CheckResult.pass(LocationValidator.CONFIGURATION, credentials.toString()));
        if (!reachable() || !bucketUsable((S3ObjectStore) store.delegate(), credentials)) {
            return;
        }
        WriteReadDeleteProbe.Outcome probe = WriteReadDeleteProbe.run(store, spec);
        checks.add(probe.result());
        if (probe.result().status() == CheckResult.Status.PASS) {
            checks.add(hiddenVersions((S3ObjectStore) store.delegate(), probe.key()));
        }
    }

    private boolean reachable() {
        URI endpoint = spec.endpoint();
        String host = endpoint == null ? "s3." + spec.region() + ".amazonaws.com" : endpoint.getHost();
        int port = endpoint == null ? 443 : endpoint.getPort() > 0 ? endpoint.getPort()
                : "http".equalsIgnoreCase(endpoint.getScheme()) ? 80 : 443;
        String address = host + ":" + port;
        String endpointSetting = spec.settingName("endpoint");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            checks.add(CheckResult.pass(LocationValidator.REACHABLE, address + " accepts connections"));
            return true;
        } catch (UnknownHostException e) {
            return failed(LocationValidator.REACHABLE, "cannot resolve host " + host,
                    "check the host name in " + endpointSetting + " and this pod's DNS");
        } catch (ConnectException e) {
            return failed(LocationValidator.REACHABLE, "connection to " + address + " refused",
                    "start the S3 server, or correct the port in " + endpointSetting);
        } catch (SocketTimeoutException e) {
            return failed(LocationValidator.REACHABLE, "no answer from " + address + " within "
                    + connectTimeout.toSeconds() + " s", "check the address in " + endpointSetting
                    + ", firewalls and network policies between this pod and the endpoint");
        } catch (IOException e) {
            return failed(LocationValidator.REACHABLE, "cannot connect to " + address + ": " + e.getMessage(),
                    "check " + endpointSetting);
        }
    }

    private boolean bucketUsable(S3ObjectStore store, ResolvedCredentials credentials) {
        boolean https = spec.endpoint() == null || "https".equalsIgnoreCase(spec.endpoint().getScheme());
        try {
            store.checkBucket();
        } catch (StoreException e) {
            if (hasTlsCause(e)) {
                return failed(LocationValidator.TLS, e.detail(), "if the endpoint's certificate comes from a private"
                        + " CA, set " + spec.settingName("ca-bundle") + " to that CA's PEM file; if the endpoint"
                        + " speaks plain HTTP, write http:// in " + spec.settingName("endpoint"));
            }
            passTls(https);
            if (e instanceof PermissionDeniedException) {
                return failed(LocationValidator.CREDENTIALS, e.detail(), "check aws_access_key_id and"
                        + " aws_secret_access_key in " + credentials.source() + "; on B2 the application key must"
                        + " be allowed to use bucket " + spec.bucket());
            }
            if (e instanceof BucketNotFoundException) {
                checks.add(CheckResult.pass(LocationValidator.CREDENTIALS, "accepted"));
                return failed(LocationValidator.BUCKET, e.detail(), "create bucket " + spec.bucket() + " (private)"
                        + " at the endpoint, or correct " + spec.settingName("bucket"));
            }
            return failed(LocationValidator.BUCKET, e.getMessage(), e.retriable()
                    ? "the endpoint is failing for now; check its health and validate again"
                    : "check " + spec.settingName("region") + " and " + spec.settingName("endpoint"));
        }
        passTls(https);
        checks.add(CheckResult.pass(LocationValidator.CREDENTIALS, "accepted"));
        checks.add(CheckResult.pass(LocationValidator.BUCKET, "bucket " + spec.bucket() + " exists and may be used"));
        return true;
    }

    private CheckResult hiddenVersions(S3ObjectStore store, String probeKey) {
        List<String> versions;
        try {
            versions = store.versionsOf(probeKey);
        } catch (StoreException e) {
            return CheckResult.skipped(LocationValidator.HIDDEN_VERSIONS, "cannot tell: " + e.detail());
        }
        for (String version : versions) {
            try {
                store.deleteVersion(probeKey, version);
            } catch (StoreException e) {
                // best effort: one small probe version left behind
            }
        }
        if (versions.isEmpty()) {
            return CheckResult.pass(LocationValidator.HIDDEN_VERSIONS, "a deleted object left no hidden version");
        }
        return CheckResult.warn(LocationValidator.HIDDEN_VERSIONS, "the bucket kept " + versions.size()
                + " hidden version(s) or delete marker(s) of a deleted probe object: deleted packs keep costing"
                + " storage unless a lifecycle rule removes them", "on B2 set the bucket's lifecycle rule to 'Keep"
                + " only the last version' (daysFromHidingToDeleting 1); on S3 or MinIO add a rule that expires"
                + " noncurrent versions and delete markers");
    }

    private void passTls(boolean https) {
        if (https) {
            checks.add(CheckResult.pass(LocationValidator.TLS, "server certificate trusted"));
        }
    }

    private boolean failed(String check, String detail, String fix) {
        checks.add(CheckResult.fail(check, detail, fix));
        return false;
    }

    private static boolean hasTlsCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
