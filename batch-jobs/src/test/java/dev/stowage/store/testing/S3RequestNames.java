package dev.stowage.store.testing;

import java.util.HashSet;
import java.util.Set;

/**
 * Names a path-style S3 request by its operation, as the AWS SDK names it ("PutObject",
 * "ListObjectsV2"), so counts seen at the proxy compare with counts the client kept.
 */
final class S3RequestNames {

    private S3RequestNames() {
    }

    static String of(HttpHead request) {
        String target = request.target();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Set<String> query = parameterNames(question < 0 ? "" : target.substring(question + 1));
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        boolean service = trimmed.isEmpty();
        boolean object = trimmed.indexOf('/') >= 0 && trimmed.indexOf('/') < trimmed.length() - 1;
        boolean copy = request.header("x-amz-copy-source") != null;
        return switch (request.method()) {
            case "GET" -> service ? "ListBuckets" : object ? (query.contains("uploadId") ? "ListParts" : "GetObject")
                    : bucketGet(query);
            case "HEAD" -> object ? "HeadObject" : "HeadBucket";
            case "PUT" -> !object ? (query.contains("versioning") ? "PutBucketVersioning" : "CreateBucket")
                    : query.contains("uploadId") ? (copy ? "UploadPartCopy" : "UploadPart")
                    : copy ? "CopyObject" : "PutObject";
            case "POST" -> query.contains("uploads") ? "CreateMultipartUpload"
                    : query.contains("uploadId") ? "CompleteMultipartUpload"
                    : query.contains("delete") ? "DeleteObjects" : "Post";
            case "DELETE" -> !object ? "DeleteBucket"
                    : query.contains("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            default -> request.method();
        };
    }

    private static String bucketGet(Set<String> query) {
        if (query.contains("versions")) {
            return "ListObjectVersions";
        }
        if (query.contains("uploads")) {
            return "ListMultipartUploads";
        }
        if (query.contains("versioning")) {
            return "GetBucketVersioning";
        }
        if (query.contains("location")) {
            return "GetBucketLocation";
        }
        return query.contains("list-type") ? "ListObjectsV2" : "ListObjects";
    }

    private static Set<String> parameterNames(String query) {
        Set<String> names = new HashSet<>();
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty()) {
                int equals = parameter.indexOf('=');
                names.add(equals < 0 ? parameter : parameter.substring(0, equals));
            }
        }
        return names;
    }
}
