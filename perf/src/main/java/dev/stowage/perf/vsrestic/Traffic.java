package dev.stowage.perf.vsrestic;

import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.OperationCounts;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run sent to the S3 endpoint, as the counting proxy saw it: requests by S3 operation,
 * body bytes each way, and the most requests (and uploads) the server side had open at once.
 */
record Traffic(Map<String, Long> requests, long bytesUp, long bytesDown, int maxInFlight, int maxPutsInFlight) {

    static final Traffic NONE = new Traffic(Map.of(), 0, 0, 0, 0);

    Traffic {
        requests = new TreeMap<>(requests);
    }

    /** Requests in one B2 transaction class (the store's own classification of the operation names). */
    long inClass(CostClass costClass) {
        return OperationCounts.fromMap(requests).get(costClass);
    }

    long count(String operation) {
        return requests.getOrDefault(operation, 0L);
    }

    long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Upload requests: one per object put whole, one per part, plus the multipart bookkeeping. */
    long puts() {
        return count("PutObject") + count("UploadPart") + count("CreateMultipartUpload")
                + count("CompleteMultipartUpload");
    }
}
