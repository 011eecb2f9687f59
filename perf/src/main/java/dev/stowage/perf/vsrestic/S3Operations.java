package dev.stowage.perf.vsrestic;

import java.util.HashSet;
import java.util.Set;

/**
 * Names a path-style S3 request by its operation as the S3 API spells it ("PutObject",
 * "ListObjectsV2"), so the proxy's counts read like the store's own {@code OperationKind}s and get
 * their B2 class from there. Requests neither tool should send still get a name, never a guess:
 * a bucket GET with {@code ?location} is GetBucketLocation (class C on B2, as every "other" call).
 */
final class S3Operations {

    private S3Operations() {
    }

    static String of(String method, String target, boolean copySource) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Set<String> query = parameterNames(question < 0 ? "" : target.substring(question + 1));
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        boolean service = trimmed.isEmpty();
        int slash = trimmed.indexOf('/');
        boolean object = slash >= 0 && slash < trimmed.length() - 1;
        return switch (method) {
            case "GET" -> service ? "ListBuckets"
                    : object ? (query.contains("uploadId") ? "ListParts" : "GetObject") : bucketGet(query);
            case "HEAD" -> object ? "HeadObject" : "HeadBucket";
            case "PUT" -> !object ? "CreateBucket"
                    : query.contains("uploadId") ? (copySource ? "UploadPartCopy" : "UploadPart")
                    : copySource ? "CopyObject" : "PutObject";
            case "POST" -> query.contains("uploads") ? "CreateMultipartUpload"
                    : query.contains("uploadId") ? "CompleteMultipartUpload"
                    : query.contains("delete") ? "DeleteObjects" : "Post";
            case "DELETE" -> !object ? "DeleteBucket"
                    : query.contains("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            default -> method;
        };
    }

    private static String bucketGet(Set<String> query) {
        if (query.contains("versions")) {
            return "ListObjectVersions";
        }
        if (query.contains("uploads")) {
            return "ListMultipartUploads";
        }
        if (query.contains("location")) {
            return "GetBucketLocation";
        }
        if (query.contains("versioning")) {
            return "GetBucketVersioning";
        }
        return query.contains("list-type") ? "ListObjectsV2" : "ListObjects";
    }

    private static Set<String> parameterNames(String query) {
        Set<String> names = new HashSet<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                names.add(equals < 0 ? pair : pair.substring(0, equals));
            }
        }
        return names;
    }
}
